import {
  DispositionEvent,
  err,
  Id,
  ok,
  type Result,
  type StorageReader,
  type WebhookDelivery,
  type WebhookSubscription,
} from "@dropgate/core-domain";
import {
  toDispositionPayload,
  toDropShipmentCancellation,
  toDropShipmentConfirmation,
  toDropShipmentPartialCancellation,
} from "@dropgate/optoro-adapter";
import { z } from "zod";

/*
 * Outbox payloads as the use cases write them: `moveUnit` the whole DispositionEvent,
 * `recordShipment` / `completePurchaseOrder` `{ shipmentId, orderId }`, `cancelOrder` `{ orderId }`,
 * a PO cut short `{ orderId, items: [{ orderItemId, cancelledQuantity }] }`.
 * The drop-ship bodies are built from the rows as they are when sent, so a receiver gets the
 * order's current state.
 */
const ShipmentRef = z.object({ shipmentId: Id, orderId: Id });
const OrderRef = z.object({ orderId: Id });
const PartialCancellationRef = z.object({
  orderId: Id,
  items: z.array(z.object({ orderItemId: Id, cancelledQuantity: z.int().min(0) })).min(1),
});

/** The subscription a delivery goes to and the body to POST; an error says why it can never be sent. */
export function prepareDelivery(
  reader: StorageReader,
  delivery: WebhookDelivery,
): Result<{ subscription: WebhookSubscription; body: unknown }> {
  const subscription = reader.getSubscription(delivery.subscriptionId);
  if (!subscription) return err("NOT_FOUND", `Subscription ${delivery.subscriptionId} no longer exists`);
  const body = bodyFor(reader, delivery, subscription);
  return body.ok ? ok({ subscription, body: body.value }) : body;
}

function bodyFor(reader: StorageReader, delivery: WebhookDelivery, subscription: WebhookSubscription): Result<unknown> {
  switch (delivery.eventType) {
    case "disposition_update": {
      const event = DispositionEvent.safeParse(delivery.payload);
      if (!event.success) return unreadable(delivery, event.error);
      return ok(toDispositionPayload(event.data));
    }
    case "drop_shipment_confirmation": {
      const ref = ShipmentRef.safeParse(delivery.payload);
      if (!ref.success) return unreadable(delivery, ref.error);
      const shipment = reader.getShipment(ref.data.shipmentId);
      if (!shipment) return err("NOT_FOUND", `Shipment ${ref.data.shipmentId} no longer exists`);
      const order = visibleOrder(reader, ref.data.orderId, subscription);
      return order.ok ? toDropShipmentConfirmation(shipment, order.value) : order;
    }
    case "drop_shipment_cancellation": {
      const ref = OrderRef.safeParse(delivery.payload);
      if (!ref.success) return unreadable(delivery, ref.error);
      const order = visibleOrder(reader, ref.data.orderId, subscription);
      return order.ok ? toDropShipmentCancellation(order.value) : order;
    }
    case "drop_shipment_partial_cancellation": {
      const ref = PartialCancellationRef.safeParse(delivery.payload);
      if (!ref.success) return unreadable(delivery, ref.error);
      const order = visibleOrder(reader, ref.data.orderId, subscription);
      return order.ok ? toDropShipmentPartialCancellation(order.value, ref.data.items) : order;
    }
  }
}

/**
 * The order a drop-ship event is about, if the subscription may hear of it. The outbox already
 * queues an order's events only for its buyer's subscriptions; this is the second line, because
 * one partner must never see another's orders (ARCHITECTURE.md, Client).
 */
function visibleOrder(reader: StorageReader, orderId: number, subscription: WebhookSubscription) {
  const order = reader.getOrder(orderId);
  if (!order) return err("NOT_FOUND", `Order ${orderId} no longer exists`);
  if (order.clientId !== subscription.clientId) {
    return err("FORBIDDEN", `Order ${orderId} belongs to another client; subscription ${subscription.id} may not receive it`);
  }
  return ok(order);
}

function unreadable(delivery: WebhookDelivery, error: z.ZodError): Result<never> {
  const issue = error.issues[0];
  return err("VALIDATION", `Unreadable ${delivery.eventType} payload: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
}
