import { z } from "zod";
import { Id, Timestamp } from "./primitives.js";

export const WebhookEventType = z.enum([
  "disposition_update",
  "drop_shipment_confirmation",
  "drop_shipment_cancellation",
  "drop_shipment_partial_cancellation",
]);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** How Dropgate authenticates to a client endpoint. */
export const WebhookAuth = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("basic"), username: z.string(), password: z.string() }),
  z.object({ kind: z.literal("header"), name: z.string().min(1), value: z.string() }),
  z.object({
    kind: z.literal("oauth2"),
    tokenUrl: z.url(),
    clientId: z.string(),
    clientSecret: z.string(),
  }),
]);
export type WebhookAuth = z.infer<typeof WebhookAuth>;

export const WebhookSubscription = z.object({
  id: Id,
  clientId: Id,
  url: z.url(),
  auth: WebhookAuth,
  eventTypes: z.array(WebhookEventType).min(1),
  active: z.boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

export const DeliveryStatus = z.enum(["pending", "in_flight", "delivered", "failed"]);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** One event for one subscription, written in the business transaction (outbox). */
export const WebhookDelivery = z.object({
  id: Id,
  subscriptionId: Id,
  eventType: WebhookEventType,
  payload: z.record(z.string(), z.unknown()),
  status: DeliveryStatus,
  attempts: z.int().min(0),
  nextAttemptAt: Timestamp,
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/** A subscription as shown back to operators: its endpoint secrets masked, never echoed. */
export function withMaskedAuth(subscription: WebhookSubscription): WebhookSubscription {
  const { auth } = subscription;
  const masked: WebhookAuth =
    auth.kind === "basic"
      ? { ...auth, password: "********" }
      : auth.kind === "header"
        ? { ...auth, value: "********" }
        : auth.kind === "oauth2"
          ? { ...auth, clientSecret: "********" }
          : auth;
  return { ...subscription, auth: masked };
}
