import {
  DispositionEvent,
  err,
  Id,
  ok,
  type Order,
  type Result,
  type StorageReader,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookSubscription,
} from "@dropgate/core-domain";
import { z } from "zod";
import { toDispositionPayload } from "./disposition-mapping.js";
import { toDropShipmentCancellation, toDropShipmentConfirmation, toDropShipmentPartialCancellation } from "./drop-shipment-mapping.js";

/*
 * Outbox payloads as the use cases write them: `moveUnit` the whole DispositionEvent,
 * `recordShipment` / `completePurchaseOrder` `{ shipmentId, orderId }`, `cancelOrder` `{ orderId }`,
 * a PO cut short `{ orderId, items: [{ orderItemId, cancelledQuantity }] }`.
 * The drop-ship bodies are built from the rows as they are when sent, so a receiver gets the
 * order's current state.
 */

/** How one event type's outbox payload becomes the body Optoro POSTs. */
export interface WebhookBodyBuilder<P extends z.ZodType = z.ZodType> {
  /** The outbox payload the use case wrote for this event type. */
  readonly payload: P;
  /** The body to POST, built from the payload and the rows as they are now; an error says why it can never be sent. */
  build(reader: StorageReader, payload: z.infer<P>, subscription: WebhookSubscription): Result<unknown>;
}

/**
 * Every event type's body builder. Typed as a total record over `WebhookEventType`: a new event
 * type does not compile until it has its one entry here.
 */
export type WebhookBodyRegistry = { readonly [T in WebhookEventType]: WebhookBodyBuilder };

/** Declares a builder with its payload schema, so `build` receives the parsed payload's type. */
function builder<P extends z.ZodType>(definition: WebhookBodyBuilder<P>): WebhookBodyBuilder {
  return definition as unknown as WebhookBodyBuilder;
}

export const ShipmentRef = z.object({ shipmentId: Id, orderId: Id });
export const OrderRef = z.object({ orderId: Id });
export const PartialCancellationRef = z.object({
  orderId: Id,
  items: z.array(z.object({ orderItemId: Id, cancelledQuantity: z.int().min(0) })).min(1),
});

/** Optoro's webhook bodies (Disposition Update 1.0.0 and Drop Ship webhooks 1.0.0), by event type. */
export const optoroWebhookBodies: WebhookBodyRegistry = {
  disposition_update: builder({
    payload: DispositionEvent,
    build: (_reader, event) => ok(toDispositionPayload(event)),
  }),
  drop_shipment_confirmation: builder({
    payload: ShipmentRef,
    build(reader, ref, subscription) {
      const shipment = reader.getShipment(ref.shipmentId);
      if (!shipment) return err("NOT_FOUND", `Shipment ${ref.shipmentId} no longer exists`);
      const order = visibleOrder(reader, ref.orderId, subscription);
      return order.ok ? toDropShipmentConfirmation(shipment, order.value) : order;
    },
  }),
  drop_shipment_cancellation: builder({
    payload: OrderRef,
    build(reader, ref, subscription) {
      const order = visibleOrder(reader, ref.orderId, subscription);
      return order.ok ? toDropShipmentCancellation(order.value) : order;
    },
  }),
  drop_shipment_partial_cancellation: builder({
    payload: PartialCancellationRef,
    build(reader, ref, subscription) {
      const order = visibleOrder(reader, ref.orderId, subscription);
      return order.ok ? toDropShipmentPartialCancellation(order.value, ref.items) : order;
    },
  }),
};

/** The body to POST for a delivery, through `registry`; an error says why it can never be sent. */
export function buildWebhookBody(
  registry: WebhookBodyRegistry,
  reader: StorageReader,
  delivery: WebhookDelivery,
  subscription: WebhookSubscription,
): Result<unknown> {
  const entry = registry[delivery.eventType];
  const payload = entry.payload.safeParse(delivery.payload);
  if (!payload.success) {
    const issue = payload.error.issues[0];
    return err("VALIDATION", `Unreadable ${delivery.eventType} payload: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  return entry.build(reader, payload.data, subscription);
}

/**
 * The order a drop-ship event is about, if the subscription may hear of it. The outbox already
 * queues an order's events only for its buyer's subscriptions; this is the second line, because
 * one partner must never see another's orders (ARCHITECTURE.md, Client).
 */
export function visibleOrder(reader: StorageReader, orderId: number, subscription: WebhookSubscription): Result<Order> {
  const order = reader.getOrder(orderId);
  if (!order) return err("NOT_FOUND", `Order ${orderId} no longer exists`);
  if (order.clientId !== subscription.clientId) {
    return err("FORBIDDEN", `Order ${orderId} belongs to another client; subscription ${subscription.id} may not receive it`);
  }
  return ok(order);
}
