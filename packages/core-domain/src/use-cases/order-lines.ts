import type { Order } from "../model/order.js";
import type { StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { restoreBuyerCap } from "./buyer-caps.js";
import { updateLine } from "./order-progress.js";
import { moveStock } from "./stock-movements.js";

/*
 * What happens to an order line's quantities and its stock when units leave it, whichever path
 * they take: an operator's shipment, a vendor's PO completion, a cancellation or a PO
 * acknowledgement for less. Used inside the caller's transaction.
 */

/** Gives back `quantity` allocated units of an order line and counts them as cancelled. */
export function releaseLine(tx: StorageTx, order: Order, orderItemId: number, quantity: number, at: string): Result<void> {
  const item = tx.getOrder(order.id)!.items.find((i) => i.id === orderItemId)!;
  const position = item.positionId === null ? undefined : tx.getPositionById(item.positionId);
  if (position) {
    const cause = { type: "order", ref: String(order.id) };
    const released = moveStock(tx, position, { allocated: -quantity }, "cancellation", cause, at);
    if (!released.ok) return released;
    restoreBuyerCap(tx, order.clientId, position.id, quantity, cause, at);
  }
  const line = updateLine(
    tx,
    item,
    { ...item.quantity, allocated: item.quantity.allocated - quantity, cancelled: item.quantity.cancelled + quantity },
    at,
  );
  return line.ok ? ok(undefined) : line;
}

/** Takes shipped units off on-hand and allocation and counts them shipped on their lines. */
export function shipLines(
  tx: StorageTx,
  order: Order,
  lines: readonly { orderItemId: number; quantity: number }[],
  at: string,
): Result<void> {
  for (const line of lines) {
    const item = tx.getOrder(order.id)!.items.find((i) => i.id === line.orderItemId)!;
    if (line.quantity > item.quantity.allocated) {
      return err("VALIDATION", `Item ${item.id} has only ${item.quantity.allocated} left to ship`, { field: "items" });
    }
    const position = item.positionId === null ? undefined : tx.getPositionById(item.positionId);
    if (position) {
      const cause = { type: "order", ref: String(order.id) };
      const moved = moveStock(tx, position, { onHand: -line.quantity, allocated: -line.quantity }, "shipment", cause, at);
      if (!moved.ok) return moved;
    }
    const updated = updateLine(
      tx,
      item,
      { ...item.quantity, allocated: item.quantity.allocated - line.quantity, shipped: item.quantity.shipped + line.quantity },
      at,
    );
    if (!updated.ok) return updated;
  }
  return ok(undefined);
}
