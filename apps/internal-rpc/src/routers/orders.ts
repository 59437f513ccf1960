import {
  Channel,
  cancelOrder,
  confirmPayment,
  Id,
  Order,
  OrderStatus,
  PurchaseOrder,
  Shipment,
  Timestamp,
} from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { found, unwrap } from "../domain-failure.js";
import { PageInput, pageOf } from "../paging.js";
import { protectedProcedure, router } from "../trpc.js";

/** Every PO and shipment of one order fits in one read; an order has a handful of each. */
const DETAIL_LIMIT = 1_000;

export const ordersRouter = router({
  search: protectedProcedure
    .input(
      PageInput.extend({
        client: ClientRef.optional(),
        status: OrderStatus.optional(),
        channel: Channel.optional(),
        updatedSince: Timestamp.optional(),
        updatedBefore: Timestamp.optional(),
      }).default({ limit: 50 }),
    )
    .output(pageOf(Order))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        const { client, ...query } = input;
        const clientId = client === undefined ? undefined : resolveClient(r, client).id;
        return r.listOrders({ ...query, clientId });
      }),
    ),

  /** An order with its items, purchase orders and shipments. */
  get: protectedProcedure
    .input(z.object({ id: Id }))
    .output(z.object({ order: Order, purchaseOrders: z.array(PurchaseOrder).readonly(), shipments: z.array(Shipment).readonly() }))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => ({
        order: found(r.getOrder(input.id), `order ${input.id}`),
        purchaseOrders: r.listPurchaseOrders({ orderId: input.id, limit: DETAIL_LIMIT }).rows,
        shipments: r.listShipments({ orderId: input.id, limit: DETAIL_LIMIT }).rows,
      })),
    ),

  /** Cancels an order that has shipped nothing; its stock returns. */
  cancel: protectedProcedure
    .input(z.object({ id: Id }))
    .output(Order)
    .mutation(({ ctx, input }) => unwrap(cancelOrder(ctx, { orderId: input.id }))),

  /** Payment arrived for an order in pending_payment (lot orders): it is accepted. */
  confirmPayment: protectedProcedure
    .input(z.object({ id: Id }))
    .output(Order)
    .mutation(({ ctx, input }) => unwrap(confirmPayment(ctx, { orderId: input.id }))),
});
