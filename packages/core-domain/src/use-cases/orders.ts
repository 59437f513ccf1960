import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import type { Order, OrderStatus } from "../model/order.js";
import { Id, PositiveQuantity } from "../model/primitives.js";
import type { Shipment } from "../model/shipment.js";
import type { StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { transition } from "../state-machines/machine.js";
import { orderMachine, purchaseOrderMachine } from "../state-machines/tables.js";
import { refreshOrderStatus } from "./order-progress.js";
import { releaseLine, shipLines } from "./order-lines.js";
import { packageCarriage, purchaseOrderTakesChanges, raisePurchaseOrdersIn } from "./purchase-orders.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";
import { vendorSettingsOf } from "./vendor-settings.js";

/** Payment arrived for an order waiting on it (lot orders): it is accepted and its POs raised. */
export function confirmPayment(ctx: UseCaseContext, input: { orderId: number }): Result<Order> {
  return runInTransaction(ctx, (tx, at) => {
    const order = tx.getOrder(input.orderId);
    if (!order) return err("NOT_FOUND", "Order cannot be found", { field: "orderId" });
    return acceptOrderIn(tx, order, at);
  });
}

/** Accepts an order waiting in pending_payment inside a caller's transaction and raises its POs. */
export function acceptOrderIn(tx: StorageTx, order: Order, at: string): Result<Order> {
  const moved = transition(orderMachine, order.status, "accepted");
  if (!moved.ok) return err("ILLEGAL_TRANSITION", "Order status should be pending_payment", { details: { status: order.status } });
  tx.updateOrder(order.id, { status: "accepted" }, at);
  for (const item of order.items) {
    if (item.status === "pending") tx.updateOrderItem(item.id, { status: "accepted" }, at);
  }
  const accepted = tx.getOrder(order.id)!;
  raisePurchaseOrdersIn(tx, accepted, at);
  return ok(tx.getOrder(order.id)!);
}

/**
 * Cancels an order that has shipped nothing: its allocated stock returns, its open POs are
 * cancelled. A rejected, shipped or already cancelled order cannot be cancelled.
 */
export function cancelOrder(
  ctx: UseCaseContext,
  input: { orderId: number; /** Refuse unless the order is in one of these (a dialect's narrower rule). */ onlyFrom?: readonly OrderStatus[] },
): Result<Order> {
  return runInTransaction(ctx, (tx, at) => {
    const order = tx.getOrder(input.orderId);
    if (!order) return err("NOT_FOUND", "Order cannot be found", { field: "orderId" });
    // Checked inside the transaction so no other writer can change the status in between.
    if (input.onlyFrom && !input.onlyFrom.includes(order.status)) {
      return err("ILLEGAL_TRANSITION", `Order status should be ${input.onlyFrom.join(" or ")}`, { details: { status: order.status } });
    }
    const moved = transition(orderMachine, order.status, "cancelled");
    if (!moved.ok) return moved;
    if (order.items.some((i) => i.quantity.shipped > 0)) {
      return err("ILLEGAL_TRANSITION", "Order has shipped items and cannot be cancelled", { details: { status: order.status } });
    }
    const pos = tx.listPurchaseOrders({ orderId: order.id, limit: 1000 }).rows;
    for (const po of pos) {
      if (!transition(purchaseOrderMachine, po.status, "cancelled").ok) continue;
      // A PO the vendor has committed to (accepted, or submitted without "Change POs after
      // submit") can no longer be changed from this side, so the order cannot be cancelled whole.
      if (!purchaseOrderTakesChanges(po, vendorSettingsOf(tx, po.vendorId))) {
        return err("ILLEGAL_TRANSITION", `PO ${po.po} is ${po.status} and its vendor takes no changes to it`, {
          details: { status: order.status, po: po.po, poStatus: po.status },
        });
      }
    }
    for (const po of pos) {
      if (!transition(purchaseOrderMachine, po.status, "cancelled").ok) continue;
      for (const item of po.items) {
        tx.updatePurchaseOrderItem(item.poItemId, { ...item.quantity, cancelled: item.quantity.ordered - item.quantity.shipped }, at);
      }
      tx.updatePurchaseOrder(po.id, { status: "cancelled" }, at);
    }
    for (const item of order.items) {
      if (item.quantity.allocated > 0) {
        const released = releaseLine(tx, order, item.id, item.quantity.allocated, at);
        if (!released.ok) return released;
      } else if (item.status === "pending") {
        tx.updateOrderItem(item.id, { status: "cancelled" }, at);
      }
    }
    tx.updateOrder(order.id, { status: "cancelled" }, at);
    tx.enqueueEvent("drop_shipment_cancellation", { orderId: order.id }, at, { clientId: order.clientId });
    return ok(tx.getOrder(order.id)!);
  });
}

export const RecordShipmentInput = z.object({
  orderId: Id,
  trackingNumber: z.string().min(1).max(128),
  carrier: z.string().min(1).nullish(),
  shipClassId: z.int().nullish(),
  shippingMethod: z.string().nullish(),
  billedWeight: z.number().min(0).nullish(),
  shippingCostCents: z.int().min(0).nullish(),
  items: z.array(z.object({ orderItemId: Id, quantity: PositiveQuantity })).min(1),
});
export type RecordShipmentInput = z.input<typeof RecordShipmentInput>;

/** Records a package of operator-held stock; vendor-managed lines ship through their PO instead. */
export function recordShipment(ctx: UseCaseContext, raw: RecordShipmentInput): Result<{ shipment: Shipment; order: Order }> {
  const valid = validateInput(RecordShipmentInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const order = tx.getOrder(input.orderId);
    if (!order) return err("NOT_FOUND", "Order cannot be found", { field: "orderId" });
    if (order.status !== "accepted" && order.status !== "partially_shipped") {
      return err("ILLEGAL_TRANSITION", `Order is ${order.status} and cannot ship`, { field: "orderId", details: { status: order.status } });
    }
    for (const [index, line] of input.items.entries()) {
      const item = order.items.find((i) => i.id === line.orderItemId);
      if (!item) return err("NOT_FOUND", `Order has no item ${line.orderItemId}`, { field: `items.${index}.orderItemId` });
      if (item.vendorId !== null) {
        return err("VALIDATION", `Item ${item.id} is vendor-managed and ships through its purchase order`, { field: `items.${index}.orderItemId` });
      }
    }
    const shipClass = input.shipClassId == null ? undefined : tx.listShipClasses().find((c) => c.id === input.shipClassId);
    if (input.shipClassId != null && !shipClass) return err("VALIDATION", `Unknown ship class ${input.shipClassId}`, { field: "shipClassId" });
    const shipped = shipLines(tx, order, input.items, at);
    if (!shipped.ok) return shipped;
    const shipment = tx.insertShipment({
      orderId: order.id,
      purchaseOrderId: null,
      trackingNumber: input.trackingNumber,
      // The same defaults as a vendor's package, so the buyer's confirmation is never parked.
      ...packageCarriage(input, shipClass, order),
      shippedAt: at,
      items: input.items,
      at,
    });
    const refreshed = refreshOrderStatus(tx, order.id, at);
    if (!refreshed.ok) return refreshed;
    tx.enqueueEvent("drop_shipment_confirmation", { shipmentId: shipment.id, orderId: order.id }, at, { clientId: order.clientId });
    return ok({ shipment, order: refreshed.value });
  });
}
