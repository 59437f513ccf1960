import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Id } from "../model/primitives.js";
import { WebhookAuth, type WebhookDelivery, WebhookEventType, type WebhookSubscription } from "../model/webhook.js";
import { err, ok, type Result } from "../result.js";
import { transition } from "../state-machines/machine.js";
import { deliveryMachine } from "../state-machines/tables.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** Optoro's failure contract: five retries with exponential backoff, then the failure queue. */
export const MAX_DELIVERY_RETRIES = 5;
/** First retry delay; each later one doubles (30 s, 1 min, 2 min, 4 min, 8 min). */
export const FIRST_RETRY_DELAY_MS = 30_000;

export const CreateSubscriptionInput = z.object({
  clientId: Id,
  url: z.url(),
  auth: WebhookAuth,
  eventTypes: z.array(WebhookEventType).min(1),
});
export type CreateSubscriptionInput = z.input<typeof CreateSubscriptionInput>;

/** Subscribes a client endpoint to events. */
export function createSubscription(ctx: UseCaseContext, input: CreateSubscriptionInput): Result<WebhookSubscription> {
  const parsed = validateInput(CreateSubscriptionInput, input);
  if (!parsed.ok) return parsed;
  return runInTransaction(ctx, (tx, at) => {
    if (!tx.getClient(parsed.value.clientId)) return err("NOT_FOUND", `Client ${parsed.value.clientId} not found`, { field: "clientId" });
    return ok(tx.insertSubscription({ ...parsed.value, at }));
  });
}

/** Pauses or resumes a subscription; paused ones get no new deliveries. */
export function setSubscriptionActive(ctx: UseCaseContext, input: { id: number; active: boolean }): Result<WebhookSubscription> {
  return runInTransaction(ctx, (tx, at) => {
    if (!tx.getSubscription(input.id)) return err("NOT_FOUND", `Subscription ${input.id} not found`, { field: "id" });
    tx.updateSubscription(input.id, { active: input.active }, at);
    return ok(tx.getSubscription(input.id)!);
  });
}

/** Takes up to `limit` due deliveries for sending, marking them in flight. */
export function claimDueDeliveries(ctx: UseCaseContext, input: { limit: number }): Result<readonly WebhookDelivery[]> {
  return runInTransaction(ctx, (tx, at) => ok(tx.claimDueDeliveries(at, input.limit)));
}

/**
 * Records the outcome of one send. `retry` schedules the next attempt with exponential backoff
 * until the retries are spent, then parks the delivery as failed for a manual replay.
 */
export function recordDeliveryAttempt(
  ctx: UseCaseContext,
  input: { id: number; outcome: "delivered" | "retry" | "fail"; error?: string },
): Result<WebhookDelivery> {
  return runInTransaction(ctx, (tx, at) => {
    const delivery = tx.getDelivery(input.id);
    if (!delivery) return err("NOT_FOUND", `Delivery ${input.id} not found`, { field: "id" });
    const attempts = delivery.attempts + 1;
    const retriesLeft = attempts <= MAX_DELIVERY_RETRIES;
    const status = input.outcome === "delivered" ? "delivered" : input.outcome === "retry" && retriesLeft ? "pending" : "failed";
    const moved = transition(deliveryMachine, delivery.status, status);
    if (!moved.ok) return moved;
    const delay = FIRST_RETRY_DELAY_MS * 2 ** (attempts - 1);
    tx.updateDelivery(
      delivery.id,
      {
        status,
        attempts,
        nextAttemptAt: new Date(new Date(at).getTime() + (status === "pending" ? delay : 0)).toISOString(),
        lastError: input.outcome === "delivered" ? null : (input.error ?? "failed"),
      },
      at,
    );
    return ok(tx.getDelivery(delivery.id)!);
  });
}

/** Puts a failed delivery back in the queue by hand, with a fresh set of retries. */
export function retryDelivery(ctx: UseCaseContext, input: { id: number }): Result<WebhookDelivery> {
  return runInTransaction(ctx, (tx, at) => {
    const delivery = tx.getDelivery(input.id);
    if (!delivery) return err("NOT_FOUND", `Delivery ${input.id} not found`, { field: "id" });
    const moved = transition(deliveryMachine, delivery.status, "pending");
    if (!moved.ok) return moved;
    tx.updateDelivery(delivery.id, { status: "pending", attempts: 0, nextAttemptAt: at, lastError: delivery.lastError }, at);
    return ok(tx.getDelivery(delivery.id)!);
  });
}

/**
 * Puts every delivery left in flight back in the queue, due now (a dispatcher does this at start).
 * A dispatcher that died mid-send leaves its claims in flight, and nothing else would ever send
 * them again. Delivery is at-least-once and receivers must tolerate duplicates (Optoro's webhooks
 * page, optoro.md §4.4), so sending one twice is safe and losing it is not. The interrupted send
 * does not count as an attempt: whether it reached the receiver is unknown.
 */
export function requeueInFlightDeliveries(ctx: UseCaseContext): Result<{ count: number }> {
  return runInTransaction(ctx, (tx, at) => {
    let count = 0;
    let afterId: number | undefined;
    do {
      const page = tx.listDeliveries({ status: "in_flight", afterId, limit: 500 });
      for (const delivery of page.rows) {
        const moved = transition(deliveryMachine, delivery.status, "pending");
        if (!moved.ok) return moved;
        tx.updateDelivery(delivery.id, { status: "pending", nextAttemptAt: at }, at);
        count += 1;
      }
      afterId = page.nextAfterId ?? undefined;
    } while (afterId !== undefined);
    return ok({ count });
  });
}
