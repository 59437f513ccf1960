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
  /** The dispatcher holding the in-flight claim, and until when; null when nobody holds it. */
  leaseOwner: z.string().nullable(),
  leaseExpiresAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

/**
 * What one HTTP exchange of a send came to. `token_rejected` is the oauth2 endpoint's 401 that
 * makes the sender fetch a new token and post again at once; every other non-delivered outcome
 * ends the send and spends one retry.
 */
export const AttemptOutcome = z.enum([
  "delivered",
  "token_rejected",
  "http_error",
  "timeout",
  "connection_error",
  "token_error",
  "unsendable",
]);
export type AttemptOutcome = z.infer<typeof AttemptOutcome>;

/** One recorded HTTP exchange with a client endpoint (or the reason none could be made). */
export const DeliveryAttempt = z.object({
  id: Id,
  deliveryId: Id,
  /** Which send of the delivery it belongs to (1 is the first; a 401 retry shares its send's number). */
  attempt: z.int().min(1),
  startedAt: Timestamp,
  latencyMs: z.int().min(0),
  httpStatus: z.int().nullable(),
  outcome: AttemptOutcome,
  error: z.string().nullable(),
  /** The dispatcher that made it. */
  dispatcher: z.string(),
});
export type DeliveryAttempt = z.infer<typeof DeliveryAttempt>;

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
