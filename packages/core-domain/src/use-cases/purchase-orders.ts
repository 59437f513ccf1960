import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import type { Order, OrderItem } from "../model/order.js";
import { Id, PositiveQuantity, Quantity, Timestamp } from "../model/primitives.js";
import type { PurchaseOrder, PurchaseOrderItem, PurchaseOrderStatus } from "../model/purchase-order.js";
import type { Shipment } from "../model/shipment.js";
import { DEFAULT_PACKAGE_WEIGHT_LB, DEFAULT_SHIPPING_COST_CENTS, type ShipClass } from "../model/shipping.js";
import type { VendorSettings } from "../model/vendor.js";
import type { StorageTx } from "../port.js";
import { type DomainError, err, ok, type Result } from "../result.js";
import { transition } from "../state-machines/machine.js";
import { purchaseOrderMachine } from "../state-machines/tables.js";
import { releaseLine, shipLines } from "./order-lines.js";
import { refreshOrderStatus, updateLine } from "./order-progress.js";
import { runInTransaction, runPart } from "./transaction.js";
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
type AckRecord = PurchaseOrderAckInput["records"][number];

/** What became of one record of a per-record PO call. */
export type PurchaseOrderOutcome = { readonly ok: true; readonly value: PurchaseOrder } | { readonly ok: false; readonly error: DomainError };

/**
 * Moves one PO to `to` (submitted or accepted) with per-item quantities: a lower quantity than
 * still open cancels the remainder and releases its stock (RetailOps MarkSubmitted/MarkAccepted).
 * A record runs as its own part of the batch (`runPart`), so a refused one leaves no trace. Marking
 * a PO with the status it already has and no quantity to cut is a replay and answers it as is.
 */
function acknowledgeIn(tx: StorageTx, vendorId: string, record: AckRecord, index: number, to: PurchaseOrderStatus, at: string): Result<PurchaseOrder> {
  const found = findVendorPo(tx, vendorId, record.po, `records.${index}.po`);
  if (!found.ok) return found;
  const po = found.value;
  const cuts: { poItem: PurchaseOrderItem; quantity: number }[] = [];
  for (const [itemIndex, ack] of (record.items ?? []).entries()) {
    const field = `records.${index}.items.${itemIndex}`;
    const poItem = po.items.find((i) => i.poItemId === ack.poItemId);
    if (!poItem) return err("NOT_FOUND", `PO ${po.po} has no item ${ack.poItemId}`, { field: `${field}.poItemId` });
    const open = openOf(poItem);
    if (ack.quantity > open) return err("VALIDATION", `Item ${ack.poItemId} has only ${open} open`, { field: `${field}.quantity` });
    if (ack.quantity < open) cuts.push({ poItem, quantity: open - ack.quantity });
  }
  if (po.status === to && cuts.length === 0) return ok(po);
  const moved = transition(purchaseOrderMachine, po.status, to);
  if (!moved.ok) return err("ILLEGAL_TRANSITION", `PO ${po.po} is ${po.status} and cannot be marked ${to}`, { field: `records.${index}.po` });

  const order = tx.getOrder(po.orderId)!;
  for (const cut of cuts) {
    const cancelled = cancelPoQuantity(tx, order, cut.poItem, cut.quantity, at);
    if (!cancelled.ok) return cancelled;
  }
  const current = tx.getPurchaseOrder(po.id)!;
  for (const item of current.items) {
    const open = openOf(item);
    tx.updatePurchaseOrderItem(item.poItemId, { ...item.quantity, acknowledged: open }, at);
    const line = tx.getOrder(order.id)!.items.find((i) => i.id === item.orderItemId)!;
    const acked = updateLine(tx, line, { ...line.quantity, acknowledged: open }, at);
    if (!acked.ok) return acked;
  }
  const nothingLeft = current.items.every((i) => i.quantity.cancelled >= i.quantity.ordered);
  tx.updatePurchaseOrder(po.id, { status: nothingLeft ? "cancelled" : to }, at);
  const refreshed = refreshOrderStatus(tx, order.id, at);
  if (!refreshed.ok) return refreshed;
  announceCancellations(tx, refreshed.value, cuts.map((c) => c.poItem.orderItemId), at);
  return ok(tx.getPurchaseOrder(po.id)!);
}

/** Units of a PO line neither shipped nor cancelled. */
function openOf(item: PurchaseOrderItem): number {
  return item.quantity.ordered - item.quantity.cancelled - item.quantity.shipped;
}

/**
 * Tells the buyer of quantities cancelled on its order: the order cancelled whole is a drop
 * shipment cancellation; lines cut while the order lives on are a partial cancellation, each
 * with the line's cancelled quantity as it now stands (so a repeated delivery sets, never adds).
 */
export function announceCancellations(tx: StorageTx, order: Order, orderItemIds: readonly number[], at: string): void {
  if (orderItemIds.length === 0) return;
  const audience = { clientId: order.clientId };
  if (order.status === "cancelled") {
    tx.enqueueEvent("drop_shipment_cancellation", { orderId: order.id }, at, audience);
    return;
  }
  const ids = new Set(orderItemIds);
  const items = order.items
    .filter((item) => ids.has(item.id))
    .map((item) => ({ orderItemId: item.id, cancelledQuantity: item.quantity.cancelled }));
  tx.enqueueEvent("drop_shipment_partial_cancellation", { orderId: order.id, items }, at, audience);
}

/** Runs `acknowledgeIn` for every record; the first refusal fails the whole call (operator RPC). */
function acknowledgeAll(ctx: UseCaseContext, raw: PurchaseOrderAckInput, to: PurchaseOrderStatus): Result<PurchaseOrder[]> {
  const valid = validateInput(PurchaseOrderAckInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const done: PurchaseOrder[] = [];
    for (const [index, record] of input.records.entries()) {
      const marked = acknowledgeIn(tx, input.vendorId, record, index, to, at);
      if (!marked.ok) return marked;
      done.push(marked.value);
    }
    return ok(done);
  });
}

/** Runs `acknowledgeIn` for every record in one transaction; a refused record does not block the others. */
function acknowledgeEach(ctx: UseCaseContext, raw: PurchaseOrderAckInput, to: PurchaseOrderStatus): Result<PurchaseOrderOutcome[]> {
  const valid = validateInput(PurchaseOrderAckInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (_tx, at) =>
    ok(input.records.map((record, index) => runPart(ctx, (tx) => acknowledgeIn(tx, input.vendorId, record, index, to, at)))),
  );
}

/** The vendor has picked the POs up (RetailOps Vendor.PO.MarkSubmitted); all or nothing. */
export function markPurchaseOrdersSubmitted(ctx: UseCaseContext, input: PurchaseOrderAckInput): Result<PurchaseOrder[]> {
  return acknowledgeAll(ctx, input, "submitted");
}

/** The vendor commits to the POs as they stand (RetailOps Vendor.PO.MarkAccepted); all or nothing. */
export function markPurchaseOrdersAccepted(ctx: UseCaseContext, input: PurchaseOrderAckInput): Result<PurchaseOrder[]> {
  return acknowledgeAll(ctx, input, "accepted");
}

/** MarkSubmitted with one outcome per record, as RetailOps answers a batch. */
export function markEachPurchaseOrderSubmitted(ctx: UseCaseContext, input: PurchaseOrderAckInput): Result<PurchaseOrderOutcome[]> {
  return acknowledgeEach(ctx, input, "submitted");
}

/** MarkAccepted with one outcome per record, as RetailOps answers a batch. */
export function markEachPurchaseOrderAccepted(ctx: UseCaseContext, input: PurchaseOrderAckInput): Result<PurchaseOrderOutcome[]> {
  return acknowledgeEach(ctx, input, "accepted");
}

export const EstimatedShipDateInput = z.object({
  vendorId: z.string().min(1),
  records: z
    .array(
      z.object({
        po: z.string().min(1),
        estimatedShipDate: Timestamp,
        /** Lines the date is for; checked to belong to the PO, the date is the PO's. */
        items: z.array(z.object({ poItemId: Id, quantity: Quantity.optional() })).optional(),
      }),
    )
    .min(1)
    .max(1000),
});
export type EstimatedShipDateInput = z.input<typeof EstimatedShipDateInput>;
type EstimatedShipDateRecord = EstimatedShipDateInput["records"][number];

function setEstimatedShipDateIn(tx: StorageTx, vendorId: string, record: EstimatedShipDateRecord, index: number, at: string): Result<PurchaseOrder> {
  const found = findVendorPo(tx, vendorId, record.po, `records.${index}.po`);
  if (!found.ok) return found;
  const po = found.value;
  if (po.status === "complete" || po.status === "cancelled") {
    return err("ILLEGAL_TRANSITION", `PO ${record.po} is ${po.status}`, { field: `records.${index}.po` });
  }
  for (const [itemIndex, item] of (record.items ?? []).entries()) {
    if (!po.items.some((i) => i.poItemId === item.poItemId)) {
      return err("NOT_FOUND", `PO ${po.po} has no item ${item.poItemId}`, { field: `records.${index}.items.${itemIndex}.poItemId` });
    }
  }
  tx.updatePurchaseOrder(po.id, { estimatedShipDate: new Date(record.estimatedShipDate).toISOString() }, at);
  return ok(tx.getPurchaseOrder(po.id)!);
}

/** Records when the vendor expects to ship open POs (RetailOps Vendor.PO.UpdateEstShipDate); all or nothing. */
export function setEstimatedShipDate(ctx: UseCaseContext, raw: EstimatedShipDateInput): Result<PurchaseOrder[]> {
  const valid = validateInput(EstimatedShipDateInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const done: PurchaseOrder[] = [];
    for (const [index, record] of input.records.entries()) {
      const set = setEstimatedShipDateIn(tx, input.vendorId, record, index, at);
      if (!set.ok) return set;
      done.push(set.value);
    }
    return ok(done);
  });
}

/** UpdateEstShipDate with one outcome per record; a refused record does not block the others. */
export function setEachEstimatedShipDate(ctx: UseCaseContext, raw: EstimatedShipDateInput): Result<PurchaseOrderOutcome[]> {
  const valid = validateInput(EstimatedShipDateInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (_tx, at) =>
    ok(input.records.map((record, index) => runPart(ctx, (tx) => setEstimatedShipDateIn(tx, input.vendorId, record, index, at)))),
  );
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
type CompletionPackage = CompletePurchaseOrderInput["packages"][number];

/**
 * What a package's shipment records about its carriage. Optoro's confirmation webhook requires
 * carrier, shipping method, billed weight and cost, so what the vendor left out comes from the
 * ship class (its carrier, its name as the method, its default weight and cost), then from the
 * documented defaults, then from the order's own shipping method: a vendor's package is never
 * parked for a missing field.
 */
export function packageCarriage(
  pkg: Pick<CompletionPackage, "carrier" | "shipClassId" | "billedWeight" | "shippingCostCents"> & { readonly shippingMethod?: string | null | undefined },
  shipClass: ShipClass | undefined,
  order: Pick<Order, "shippingMethod">,
) {
  return {
    carrier: pkg.carrier ?? shipClass?.carrier ?? null,
    shipClassId: pkg.shipClassId ?? null,
    shippingMethod: pkg.shippingMethod ?? shipClass?.name ?? order.shippingMethod ?? null,
    billedWeight: pkg.billedWeight ?? shipClass?.defaultWeight ?? DEFAULT_PACKAGE_WEIGHT_LB,
    shippingCostCents: pkg.shippingCostCents ?? shipClass?.defaultCostCents ?? DEFAULT_SHIPPING_COST_CENTS,
  };
}

/** The PO's shipments when `packages` are the ones it was completed with (a replayed completion). */
function replayedCompletion(tx: StorageTx, po: PurchaseOrder, packages: readonly CompletionPackage[]): Shipment[] | undefined {
  if (po.status !== "complete") return undefined;
  const shipments = tx.listShipments({ orderId: po.orderId, limit: 1000 }).rows.filter((s) => s.purchaseOrderId === po.id);
  const sent = new Set(shipments.map((s) => s.trackingNumber));
  return packages.length > 0 && packages.every((p) => sent.has(p.trackingNumber)) ? shipments : undefined;
}

/**
 * Completes a PO with its packages (RetailOps Vendor.PO.Complete): each package becomes a
 * shipment, shipped units leave on-hand and allocation, whatever was not shipped is cancelled
 * and released (the buyer hears of it as a partial cancellation), and the order moves to
 * partially_shipped or shipped. The same completion sent again creates nothing and answers the
 * shipments it made the first time.
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
    const replayed = replayedCompletion(tx, po, input.packages);
    if (replayed) return ok({ purchaseOrder: po, shipments: replayed, order: tx.getOrder(po.orderId)! });
    const moved = transition(purchaseOrderMachine, po.status, "complete");
    if (!moved.ok) return err("ILLEGAL_TRANSITION", `PO ${po.po} is ${po.status} and cannot be completed`, { field: "po" });
    const order = tx.getOrder(po.orderId)!;
    const shipClasses = new Map(tx.listShipClasses().map((c) => [c.id, c]));
    const open = new Map(po.items.map((i) => [i.poItemId, openOf(i)]));
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
          ...packageCarriage(pkg, shipClass, order),
          shippedAt: at,
          items: [...lines].map(([orderItemId, quantity]) => ({ orderItemId, quantity })),
          at,
        }),
      );
    }

    const cut: number[] = [];
    for (const poItem of po.items) {
      const left = open.get(poItem.poItemId)!;
      const quantity = { ...poItem.quantity, shipped: poItem.quantity.shipped + openOf(poItem) - left };
      tx.updatePurchaseOrderItem(poItem.poItemId, quantity, at);
      const cancelled = cancelPoQuantity(tx, order, { ...poItem, quantity }, left, at);
      if (!cancelled.ok) return cancelled;
      if (left > 0) cut.push(poItem.orderItemId);
    }
    const anyShipped = shipments.length > 0;
    tx.updatePurchaseOrder(po.id, { status: anyShipped ? "complete" : "cancelled" }, at);
    const refreshed = refreshOrderStatus(tx, order.id, at);
    if (!refreshed.ok) return refreshed;
    for (const shipment of shipments) {
      tx.enqueueEvent("drop_shipment_confirmation", { shipmentId: shipment.id, orderId: order.id }, at, { clientId: order.clientId });
    }
    announceCancellations(tx, refreshed.value, cut, at);
    return ok({ purchaseOrder: tx.getPurchaseOrder(po.id)!, shipments, order: refreshed.value });
  });
}

/**
 * Whether a buyer's or operator's change may still reach a PO's open quantities: a ready PO
 * always; a submitted one only for a vendor with "Change POs after submit" on; an accepted one
 * never (only the vendor's own completion changes it).
 */
export function purchaseOrderTakesChanges(po: Pick<PurchaseOrder, "status">, settings: Pick<VendorSettings, "changePosAfterSubmit">): boolean {
  if (po.status === "ready") return true;
  if (po.status === "submitted") return settings.changePosAfterSubmit;
  return false;
}
