import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import type { Order, OrderItem } from "../model/order.js";
import { Id, PositiveQuantity, Quantity, Timestamp } from "../model/primitives.js";
import type { PurchaseOrder, PurchaseOrderItem, PurchaseOrderStatus } from "../model/purchase-order.js";
import type { Shipment } from "../model/shipment.js";
import type { StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { transition } from "../state-machines/machine.js";
import { purchaseOrderMachine } from "../state-machines/tables.js";
import { releaseLine, shipLines } from "./order-lines.js";
import { refreshOrderStatus, updateLine } from "./order-progress.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** Raises one PO per vendor for the vendor-managed lines of an accepted order. */
export function raisePurchaseOrdersIn(tx: StorageTx, order: Order, at: string): PurchaseOrder[] {
  const byVendor = new Map<string, OrderItem[]>();
  for (const item of order.items) {
    if (item.vendorId === null || item.quantity.allocated === 0) continue;
    byVendor.set(item.vendorId, [...(byVendor.get(item.vendorId) ?? []), item]);
  }
  return [...byVendor].map(([vendorId, items]) =>
    tx.insertPurchaseOrder({
      vendorId,
      orderId: order.id,
      dateSubmit: at,
      items: items.map((item) => ({
        orderItemId: item.id,
        sku: item.sku,
        vpc: tx.getProduct(item.sku)?.vpc ?? item.sku,
        quantity: { ordered: item.quantity.allocated, acknowledged: 0, shipped: 0, cancelled: 0 },
      })),
      at,
    }),
  );
}

/** `D123` → 123, or null when it is not a PO number. */
function poId(po: string): number | null {
  const match = /^D(\d{1,15})$/.exec(po);
  return match ? Number(match[1]) : null;
}

/** A vendor's own PO by number; another vendor's PO is reported as not found. */
function findVendorPo(tx: StorageTx, vendorId: string, po: string, field: string): Result<PurchaseOrder> {
  const id = poId(po);
  const found = id === null ? undefined : tx.getPurchaseOrder(id);
  if (!found || found.vendorId !== vendorId) return err("NOT_FOUND", `invalid po ${po}`, { field });
  return ok(found);
}

/** Cancels `quantity` of a PO line: the PO line, the order line and the allocated stock. */
function cancelPoQuantity(tx: StorageTx, order: Order, poItem: PurchaseOrderItem, quantity: number, at: string): Result<void> {
  if (quantity === 0) return ok(undefined);
  tx.updatePurchaseOrderItem(poItem.poItemId, { ...poItem.quantity, cancelled: poItem.quantity.cancelled + quantity }, at);
  return releaseLine(tx, order, poItem.orderItemId, quantity, at);
}

export const PurchaseOrderAckInput = z.object({
  vendorId: z.string().min(1),
  records: z
    .array(
      z.object({
        po: z.string().min(1),
        items: z.array(z.object({ poItemId: Id, quantity: Quantity })).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type PurchaseOrderAckInput = z.input<typeof PurchaseOrderAckInput>;

/**
 * Moves POs to `to` (submitted or accepted) with per-item quantities: a lower quantity than
 * still open cancels the remainder and releases its stock (RetailOps MarkSubmitted/MarkAccepted).
 */
function acknowledge(ctx: UseCaseContext, raw: PurchaseOrderAckInput, to: PurchaseOrderStatus): Result<PurchaseOrder[]> {
  const valid = validateInput(PurchaseOrderAckInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const done: PurchaseOrder[] = [];
    for (const [index, record] of input.records.entries()) {
      const found = findVendorPo(tx, input.vendorId, record.po, `records.${index}.po`);
      if (!found.ok) return found;
      const po = found.value;
      const moved = transition(purchaseOrderMachine, po.status, to);
      if (!moved.ok) return err("ILLEGAL_TRANSITION", `PO ${po.po} is ${po.status} and cannot be marked ${to}`, { field: `records.${index}.po` });
      const order = tx.getOrder(po.orderId)!;
      for (const [itemIndex, ack] of (record.items ?? []).entries()) {
        const field = `records.${index}.items.${itemIndex}`;
        const poItem = po.items.find((i) => i.poItemId === ack.poItemId);
        if (!poItem) return err("NOT_FOUND", `PO ${po.po} has no item ${ack.poItemId}`, { field: `${field}.poItemId` });
        const open = poItem.quantity.ordered - poItem.quantity.cancelled - poItem.quantity.shipped;
        if (ack.quantity > open) return err("VALIDATION", `Item ${ack.poItemId} has only ${open} open`, { field: `${field}.quantity` });
        const cancelled = cancelPoQuantity(tx, order, poItem, open - ack.quantity, at);
        if (!cancelled.ok) return cancelled;
      }
      const current = tx.getPurchaseOrder(po.id)!;
      for (const item of current.items) {
        const open = item.quantity.ordered - item.quantity.cancelled - item.quantity.shipped;
        tx.updatePurchaseOrderItem(item.poItemId, { ...item.quantity, acknowledged: open }, at);
        const line = tx.getOrder(order.id)!.items.find((i) => i.id === item.orderItemId)!;
        const acked = updateLine(tx, line, { ...line.quantity, acknowledged: open }, at);
        if (!acked.ok) return acked;
      }
      const nothingLeft = current.items.every((i) => i.quantity.cancelled >= i.quantity.ordered);
      tx.updatePurchaseOrder(po.id, { status: nothingLeft ? "cancelled" : to }, at);
      const refreshed = refreshOrderStatus(tx, order.id, at);
      if (!refreshed.ok) return refreshed;
      done.push(tx.getPurchaseOrder(po.id)!);
    }
    return ok(done);
  });
}

/** The vendor has picked the POs up (RetailOps Vendor.PO.MarkSubmitted). */
export function markPurchaseOrdersSubmitted(ctx: UseCaseContext, input: PurchaseOrderAckInput): Result<PurchaseOrder[]> {
  return acknowledge(ctx, input, "submitted");
}

/** The vendor commits to the POs as they stand (RetailOps Vendor.PO.MarkAccepted). */
export function markPurchaseOrdersAccepted(ctx: UseCaseContext, input: PurchaseOrderAckInput): Result<PurchaseOrder[]> {
  return acknowledge(ctx, input, "accepted");
}

export const EstimatedShipDateInput = z.object({
  vendorId: z.string().min(1),
  records: z.array(z.object({ po: z.string().min(1), estimatedShipDate: Timestamp })).min(1).max(1000),
});
export type EstimatedShipDateInput = z.input<typeof EstimatedShipDateInput>;

/** Records when the vendor expects to ship open POs (RetailOps Vendor.PO.UpdateEstShipDate). */
export function setEstimatedShipDate(ctx: UseCaseContext, raw: EstimatedShipDateInput): Result<PurchaseOrder[]> {
  const valid = validateInput(EstimatedShipDateInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const done: PurchaseOrder[] = [];
    for (const [index, record] of input.records.entries()) {
      const found = findVendorPo(tx, input.vendorId, record.po, `records.${index}.po`);
      if (!found.ok) return found;
      if (found.value.status === "complete" || found.value.status === "cancelled") {
        return err("ILLEGAL_TRANSITION", `PO ${record.po} is ${found.value.status}`, { field: `records.${index}.po` });
      }
      tx.updatePurchaseOrder(found.value.id, { estimatedShipDate: new Date(record.estimatedShipDate).toISOString() }, at);
      done.push(tx.getPurchaseOrder(found.value.id)!);
    }
    return ok(done);
  });
}

export const CompletePurchaseOrderInput = z.object({
  vendorId: z.string().min(1),
  po: z.string().min(1),
  packages: z.array(
    z.object({
      shipClassId: z.int().nullish(),
      carrier: z.string().nullish(),
      trackingNumber: z.string().min(1).max(128),
      billedWeight: z.number().min(0).nullish(),
      shippingCostCents: z.int().min(0).nullish(),
      items: z.array(z.object({ vpc: z.string().min(1), quantity: PositiveQuantity })).min(1),
    }),
  ),
});
export type CompletePurchaseOrderInput = z.input<typeof CompletePurchaseOrderInput>;

/**
 * Completes a PO with its packages (RetailOps Vendor.PO.Complete): each package becomes a
 * shipment, shipped units leave on-hand and allocation, whatever was not shipped is cancelled
 * and released, and the order moves to partially_shipped or shipped.
 */
export function completePurchaseOrder(
  ctx: UseCaseContext,
  raw: CompletePurchaseOrderInput,
): Result<{ purchaseOrder: PurchaseOrder; shipments: Shipment[]; order: Order }> {
  const valid = validateInput(CompletePurchaseOrderInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const found = findVendorPo(tx, input.vendorId, input.po, "po");
    if (!found.ok) return found;
    const po = found.value;
    const moved = transition(purchaseOrderMachine, po.status, "complete");
    if (!moved.ok) return err("ILLEGAL_TRANSITION", `PO ${po.po} is ${po.status} and cannot be completed`, { field: "po" });
    const order = tx.getOrder(po.orderId)!;
    const shipClasses = new Map(tx.listShipClasses().map((c) => [c.id, c]));
    const open = new Map(po.items.map((i) => [i.poItemId, i.quantity.ordered - i.quantity.cancelled - i.quantity.shipped]));
    const shipments: Shipment[] = [];

    for (const [p, pkg] of input.packages.entries()) {
      const shipClass = pkg.shipClassId == null ? undefined : shipClasses.get(pkg.shipClassId);
      if (pkg.shipClassId != null && !shipClass) {
        return err("VALIDATION", `Unknown ship_class_id ${pkg.shipClassId}`, { field: `packages.${p}.shipClassId` });
      }
      const lines = new Map<number, number>();
      for (const [i, item] of pkg.items.entries()) {
        let wanted = item.quantity;
        for (const poItem of po.items.filter((x) => x.vpc === item.vpc)) {
          const take = Math.min(wanted, open.get(poItem.poItemId)!);
          if (take === 0) continue;
          open.set(poItem.poItemId, open.get(poItem.poItemId)! - take);
          lines.set(poItem.orderItemId, (lines.get(poItem.orderItemId) ?? 0) + take);
          wanted -= take;
        }
        if (wanted > 0) {
          return err("VALIDATION", `PO ${po.po} has no ${item.quantity} open of vpc ${item.vpc}`, { field: `packages.${p}.items.${i}` });
        }
      }
      const shipped = shipLines(tx, order, [...lines].map(([orderItemId, quantity]) => ({ orderItemId, quantity })), at);
      if (!shipped.ok) return shipped;
      shipments.push(
        tx.insertShipment({
          orderId: order.id,
          purchaseOrderId: po.id,
          trackingNumber: pkg.trackingNumber,
          carrier: pkg.carrier ?? shipClass?.carrier ?? null,
          shipClassId: pkg.shipClassId ?? null,
          shippingMethod: shipClass?.name ?? null,
          billedWeight: pkg.billedWeight ?? null,
          shippingCostCents: pkg.shippingCostCents ?? null,
          shippedAt: at,
          items: [...lines].map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
          at,
        }),
      );
    }

    for (const poItem of po.items) {
      const shippedNow = poItem.quantity.ordered - poItem.quantity.cancelled - poItem.quantity.shipped - open.get(poItem.poItemId)!;
      const quantity = { ...poItem.quantity, shipped: poItem.quantity.shipped + shippedNow };
      tx.updatePurchaseOrderItem(poItem.poItemId, quantity, at);
      const cancelled = cancelPoQuantity(tx, order, { ...poItem, quantity }, open.get(poItem.poItemId)!, at);
      if (!cancelled.ok) return cancelled;
    }
    const anyShipped = shipments.length > 0;
    tx.updatePurchaseOrder(po.id, { status: anyShipped ? "complete" : "cancelled" }, at);
    const refreshed = refreshOrderStatus(tx, order.id, at);
    if (!refreshed.ok) return refreshed;
    for (const shipment of shipments) {
      tx.enqueueEvent("drop_shipment_confirmation", { shipmentId: shipment.id, orderId: order.id }, at, { clientId: order.clientId });
    }
    return ok({ purchaseOrder: tx.getPurchaseOrder(po.id)!, shipments, order: refreshed.value });
  });
}
