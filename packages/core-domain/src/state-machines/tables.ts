import type { OrderItemStatus, OrderStatus } from "../model/order.js";
import type { PurchaseOrderStatus } from "../model/purchase-order.js";
import type { DeliveryStatus } from "../model/webhook.js";
import { defineMachine } from "./machine.js";

/** Order lifecycle (ARCHITECTURE.md): rejected is terminal and stored so replays answer the same. */
export const orderMachine = defineMachine<OrderStatus>("order", {
  pending_payment: ["accepted", "cancelled"],
  // An accepted order is cancelled when every line is cancelled (operator or vendor short-ship).
  accepted: ["partially_shipped", "shipped", "cancelled"],
  partially_shipped: ["shipped"],
  shipped: [],
  cancelled: [],
  rejected: [],
});

export const orderItemMachine = defineMachine<OrderItemStatus>("order item", {
  created: ["pending", "accepted", "rejected"],
  pending: ["accepted", "cancelled"],
  accepted: ["partially_shipped", "shipped", "cancelled"],
  partially_shipped: ["shipped"],
  shipped: [],
  cancelled: [],
  rejected: [],
});

/** RetailOps PO lifecycle: ready → submitted → (accepted) → complete, and cancelled. */
export const purchaseOrderMachine = defineMachine<PurchaseOrderStatus>("purchase order", {
  ready: ["submitted", "cancelled"],
  submitted: ["accepted", "complete", "cancelled"],
  accepted: ["complete", "cancelled"],
  complete: [],
  cancelled: [],
});

/** Webhook delivery: retried until delivered or parked as failed; failed can be replayed by hand. */
export const deliveryMachine = defineMachine<DeliveryStatus>("webhook delivery", {
  pending: ["in_flight"],
  in_flight: ["delivered", "pending", "failed"],
  delivered: [],
  failed: ["pending"],
});
