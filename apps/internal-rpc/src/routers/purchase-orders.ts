import {
  CompletePurchaseOrderInput,
  completePurchaseOrder,
  Id,
  markPurchaseOrdersAccepted,
  markPurchaseOrdersSubmitted,
  Order,
  PurchaseOrder,
  PurchaseOrderAckInput,
  PurchaseOrderStatus,
  poNumber,
  type StorageReader,
  Shipment,
  setEstimatedShipDate,
  Timestamp,
} from "@dropgate/core-domain";
import { z } from "zod";
import { found, unwrap } from "../domain-failure.js";
import { PageInput, pageOf } from "../paging.js";
import { protectedProcedure, router } from "../trpc.js";

/** A PO by its vendor-facing number (`D12`) or its id (12). */
const PoRef = z.union([Id, PurchaseOrder.shape.po]);
type PoRef = z.infer<typeof PoRef>;

function resolvePo(reader: StorageReader, ref: PoRef): PurchaseOrder {
  const id = typeof ref === "number" ? ref : Number(ref.slice(1));
  return found(reader.getPurchaseOrder(id), `purchase order ${typeof ref === "number" ? poNumber(ref) : ref}`);
}

const AckItems = PurchaseOrderAckInput.shape.records.element.shape.items;

/*
 * Operator actions act on the vendor's behalf: the vendor is the PO's own, so the same use
 * cases (and the same rules) apply as when the vendor calls over its dialect.
 */
export const purchaseOrdersRouter = router({
  search: protectedProcedure
    .input(
      PageInput.extend({
        vendorId: z.string().min(1).optional(),
        statuses: z.array(PurchaseOrderStatus).min(1).optional(),
        dueBy: Timestamp.optional(),
        orderId: Id.optional(),
      }).default({ limit: 50 }),
    )
    .output(pageOf(PurchaseOrder))
    .query(({ ctx, input }) => ctx.store.read((r) => r.listPurchaseOrders(input))),

  /** A PO with the order it belongs to and the shipments sent for it. */
  get: protectedProcedure
    .input(z.object({ po: PoRef }))
    .output(z.object({ purchaseOrder: PurchaseOrder, order: Order, shipments: z.array(Shipment).readonly() }))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        const purchaseOrder = resolvePo(r, input.po);
        const order = found(r.getOrder(purchaseOrder.orderId), `order ${purchaseOrder.orderId}`);
        const shipments = r.listShipments({ orderId: order.id, limit: 1_000 }).rows.filter((s) => s.purchaseOrderId === purchaseOrder.id);
        return { purchaseOrder, order, shipments };
      }),
    ),

  submit: protectedProcedure
    .input(z.object({ po: PoRef, items: AckItems }))
    .output(PurchaseOrder)
    .mutation(({ ctx, input }) => {
      const po = ctx.store.read((r) => resolvePo(r, input.po));
      const record = { po: po.po, ...(input.items === undefined ? {} : { items: input.items }) };
      return single(unwrap(markPurchaseOrdersSubmitted(ctx, { vendorId: po.vendorId, records: [record] })));
    }),

  accept: protectedProcedure
    .input(z.object({ po: PoRef, items: AckItems }))
    .output(PurchaseOrder)
    .mutation(({ ctx, input }) => {
      const po = ctx.store.read((r) => resolvePo(r, input.po));
      const record = { po: po.po, ...(input.items === undefined ? {} : { items: input.items }) };
      return single(unwrap(markPurchaseOrdersAccepted(ctx, { vendorId: po.vendorId, records: [record] })));
    }),

  setEstimatedShipDate: protectedProcedure
    .input(z.object({ po: PoRef, estimatedShipDate: Timestamp }))
    .output(PurchaseOrder)
    .mutation(({ ctx, input }) => {
      const po = ctx.store.read((r) => resolvePo(r, input.po));
      const records = [{ po: po.po, estimatedShipDate: input.estimatedShipDate }];
      return single(unwrap(setEstimatedShipDate(ctx, { vendorId: po.vendorId, records })));
    }),

  /** Completes a PO with its packages; each package becomes a shipment. */
  complete: protectedProcedure
    .input(CompletePurchaseOrderInput.omit({ vendorId: true, po: true }).extend({ po: PoRef }))
    .output(z.object({ purchaseOrder: PurchaseOrder, shipments: z.array(Shipment), order: Order }))
    .mutation(({ ctx, input }) => {
      const po = ctx.store.read((r) => resolvePo(r, input.po));
      return unwrap(completePurchaseOrder(ctx, { vendorId: po.vendorId, po: po.po, packages: input.packages }));
    }),
});

/** The one PO a single-record call answers. */
function single(pos: readonly PurchaseOrder[]): PurchaseOrder {
  const [po] = pos;
  if (po === undefined) throw new Error("a single-record PO call answered no PO");
  return po;
}
