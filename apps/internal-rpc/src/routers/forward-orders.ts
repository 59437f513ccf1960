import { ForwardOrder } from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { found } from "../domain-failure.js";
import { PageInput, pageOf } from "../paging.js";
import { protectedProcedure, router } from "../trpc.js";

export const forwardOrdersRouter = router({
  /**
   * Forward orders, optionally of one sender and matching what a returned unit carries: the order
   * identifier, an item's tracking or return tracking number, upc or sku (item filters hold for one
   * same item).
   */
  search: protectedProcedure
    .input(
      PageInput.extend({
        client: ClientRef.optional(),
        identifier: z.string().min(1).optional(),
        trackingNumber: z.string().min(1).optional(),
        upc: z.string().min(1).optional(),
        sku: z.string().min(1).optional(),
      }).default({ limit: 50 }),
    )
    .output(pageOf(ForwardOrder))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        const { client, ...query } = input;
        const clientId = client === undefined ? undefined : resolveClient(r, client).id;
        return r.listForwardOrders({ ...query, clientId });
      }),
    ),

  get: protectedProcedure
    .input(z.object({ client: ClientRef, identifier: z.string().min(1) }))
    .output(ForwardOrder)
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        const client = resolveClient(r, input.client);
        return found(r.getForwardOrder(client.id, input.identifier), `forward order ${input.identifier}`);
      }),
    ),
});
