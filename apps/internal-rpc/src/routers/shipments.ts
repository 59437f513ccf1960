import { Channel, Id, Order, RecordShipmentInput, recordShipment, Shipment, Timestamp } from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { unwrap } from "../domain-failure.js";
import { PageInput, pageOf } from "../paging.js";
import { protectedProcedure, router } from "../trpc.js";

export const shipmentsRouter = router({
  search: protectedProcedure
    .input(
      PageInput.extend({
        client: ClientRef.optional(),
        orderId: Id.optional(),
        channel: Channel.optional(),
        trackingNumber: z.string().min(1).optional(),
        carrier: z.string().min(1).optional(),
        updatedSince: Timestamp.optional(),
      }).default({ limit: 50 }),
    )
    .output(pageOf(Shipment))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        const { client, ...query } = input;
        const clientId = client === undefined ? undefined : resolveClient(r, client).id;
        return r.listShipments({ ...query, clientId });
      }),
    ),

  /** Records a package of operator-held stock; vendor-managed lines ship through their PO. */
  record: protectedProcedure
    .input(RecordShipmentInput)
    .output(z.object({ shipment: Shipment, order: Order }))
    .mutation(({ ctx, input }) => unwrap(recordShipment(ctx, input))),
});
