import type { LineQuantities, Order, OrderItem, OrderItemStatus, OrderStatus } from "../model/order.js";
import type { StorageTx } from "../port.js";
import { ok, type Result } from "../result.js";
import { transition } from "../state-machines/machine.js";
import { orderItemMachine, orderMachine } from "../state-machines/tables.js";

/*
 * An order's and its lines' statuses are derived from line quantities (ordered, allocated,
 * shipped, cancelled) instead of being set by hand: partial shipments and partial
 * cancellations then cannot disagree with the ledger.
 */

/** The status a line's quantities imply, once the order is past payment. */
export function deriveItemStatus(q: LineQuantities): OrderItemStatus {
  const open = q.ordered - q.cancelled;
  if (open === 0) return "cancelled";
  if (q.shipped >= open) return "shipped";
  if (q.shipped > 0) return "partially_shipped";
  return "accepted";
}

/** The status the lines imply for an accepted (or later) order. */
export function deriveOrderStatus(items: readonly Pick<OrderItem, "quantity" | "status">[]): OrderStatus {
  const live = items.filter((i) => i.status !== "rejected");
  const shippedAny = live.some((i) => i.quantity.shipped > 0);
  const allDone = live.every((i) => i.quantity.shipped + i.quantity.cancelled >= i.quantity.ordered);
  if (allDone) return shippedAny ? "shipped" : "cancelled";
  return shippedAny ? "partially_shipped" : "accepted";
}

/** Writes new quantities for a line and moves its status through the item machine. */
export function updateLine(tx: StorageTx, item: OrderItem, quantity: LineQuantities, at: string): Result<OrderItem> {
  const status = item.status === "pending" && quantity.cancelled < quantity.ordered ? "pending" : deriveItemStatus(quantity);
  if (status !== item.status) {
    const moved = transition(orderItemMachine, item.status, status);
    if (!moved.ok) return moved;
  }
  tx.updateOrderItem(item.id, { quantity, status }, at);
  return ok({ ...item, quantity, status });
}

/** Re-derives an order's status from its lines and moves it through the order machine. */
export function refreshOrderStatus(tx: StorageTx, orderId: number, at: string): Result<Order> {
  const order = tx.getOrder(orderId)!;
  if (order.status === "pending_payment" || order.status === "rejected" || order.status === "cancelled") return ok(order);
  const status = deriveOrderStatus(order.items);
  if (status === order.status) return ok(order);
  const moved = transition(orderMachine, order.status, status);
  if (!moved.ok) return moved;
  tx.updateOrder(order.id, { status }, at);
  return ok(tx.getOrder(orderId)!);
}
