import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Id } from "../model/primitives.js";
import {
  type AttemptOutcome,
  type DeliveryAttempt,
  WebhookAuth,
  type WebhookDelivery,
  WebhookEventType,
  type WebhookSubscription,
} from "../model/webhook.js";
import { err, ok, type Result } from "../result.js";
import { transition } from "../state-machines/machine.js";
import { deliveryMachine } from "../state-machines/tables.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** Optoro's failure contract: five retries with exponential backoff, then the failure queue. */
export const MAX_DELIVERY_RETRIES = 5;
/** Optoro's backoff, the default delays of the five retries: 30 s, 1 min, 2 min, 4 min, 8 min. */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [30_000, 60_000, 120_000, 240_000, 480_000];
/** The delays of the five retries, in milliseconds (`DROPGATE_WEBHOOK_BACKOFF_MS`). */
export const RetryDelays = z.array(z.int().positive()).length(MAX_DELIVERY_RETRIES);
/**
 * Each retry waits its delay plus up to this fraction of it more, drawn at random: endpoints that
 * failed together (one outage) are not all retried in the same instant. Never less than the delay.
 */
export const RETRY_JITTER = 0.2;
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

export interface ClaimDeliveriesInput {
  /** The claiming dispatcher (lease owner). */
  readonly owner: string;
  readonly limit: number;
  /** How long the claim holds unless renewed. */
  readonly leaseMs: number;
  /** At most this many of one subscription per claim; default: no cap. */
  readonly perSubscription?: number;
  /** Subscriptions the dispatcher has no free slot for. */
  readonly skipSubscriptions?: readonly number[];
}

/**
 * Leases up to `limit` deliveries for sending: pending ones that are due, and in-flight ones whose
 * lease ran out (their dispatcher died mid-send; at-least-once means they are sent again). A
 * lease another dispatcher still holds is never taken.
 */
export function claimDueDeliveries(ctx: UseCaseContext, input: ClaimDeliveriesInput): Result<readonly WebhookDelivery[]> {
  return runInTransaction(ctx, (tx, at) =>
    ok(
      tx.claimDueDeliveries({
        now: at,
        limit: input.limit,
        owner: input.owner,
        leaseExpiresAt: after(at, input.leaseMs),
        perSubscription: input.perSubscription ?? input.limit,
        skipSubscriptions: input.skipSubscriptions ?? [],
      }),
    ),
  );
}

/**
 * Extends by `leaseMs` from now the leases `owner` holds on `ids` (a live dispatcher's heartbeat,
 * for the deliveries it is still working on); answers how many it still held.
 */
export function renewDeliveryLeases(
  ctx: UseCaseContext,
  input: { owner: string; ids: readonly number[]; leaseMs: number },
): Result<{ count: number }> {
  return runInTransaction(ctx, (tx, at) => ok({ count: tx.renewDeliveryLeases(input.owner, input.ids, after(at, input.leaseMs)) }));
}

/** Hands back unsent deliveries `owner` had claimed (a dispatcher stopping), due at once for any dispatcher. */
export function releaseDeliveries(ctx: UseCaseContext, input: { owner: string; ids: readonly number[] }): Result<{ count: number }> {
  return runInTransaction(ctx, (tx, at) => ok({ count: tx.releaseDeliveries(input.owner, input.ids, at) }));
}

/** One HTTP exchange of a send as the sender saw it. */
export interface AttemptRecord {
  readonly startedAt: string;
  readonly latencyMs: number;
  readonly httpStatus?: number | undefined;
  readonly outcome: AttemptOutcome;
  readonly error?: string | undefined;
}

export interface RecordDeliveryAttemptInput {
  readonly id: number;
  /** The dispatcher that holds the lease and made the send. */
  readonly owner: string;
  readonly outcome: "delivered" | "retry" | "fail";
  readonly error?: string | undefined;
  /** The exchanges of this send, in order; each becomes an attempt row. */
  readonly exchanges?: readonly AttemptRecord[];
  /** The five retry delays; default Optoro's. */
  readonly retryDelaysMs?: readonly number[];
  /** A number in [0, 1) that scales the jitter (the caller draws it; the domain stays deterministic). */
  readonly jitter?: number;
}

/**
 * Records the outcome of one send: its exchanges always, and — if `owner` still holds the
 * lease — the delivery's new state. `retry` schedules the next attempt after the configured
 * delay (plus jitter) until the five retries are spent, then parks the delivery as failed for a
 * manual retry. `settled: false` means the lease had expired and another dispatcher took the
 * delivery over: the exchange is kept, the state is that dispatcher's to write.
 */
export function recordDeliveryAttempt(
  ctx: UseCaseContext,
  input: RecordDeliveryAttemptInput,
): Result<{ delivery: WebhookDelivery; settled: boolean }> {
  const delays = input.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  return runInTransaction(ctx, (tx, at) => {
    const delivery = tx.getDelivery(input.id);
    if (!delivery) return err("NOT_FOUND", `Delivery ${input.id} not found`, { field: "id" });
    const attempts = delivery.attempts + 1;
    for (const exchange of input.exchanges ?? []) {
      tx.insertDeliveryAttempt({
        deliveryId: delivery.id,
        attempt: attempts,
        startedAt: exchange.startedAt,
        latencyMs: Math.max(0, Math.round(exchange.latencyMs)),
        httpStatus: exchange.httpStatus ?? null,
        outcome: exchange.outcome,
        error: exchange.error ?? null,
        dispatcher: input.owner,
      });
    }
    if (delivery.status !== "in_flight" || delivery.leaseOwner !== input.owner) return ok({ delivery, settled: false });
    const retriesLeft = attempts <= MAX_DELIVERY_RETRIES;
    const status = input.outcome === "delivered" ? "delivered" : input.outcome === "retry" && retriesLeft ? "pending" : "failed";
    const moved = transition(deliveryMachine, delivery.status, status);
    if (!moved.ok) return moved;
    const base = delays[Math.min(attempts, delays.length) - 1] ?? 0;
    const delay = Math.round(base * (1 + RETRY_JITTER * clampUnit(input.jitter ?? 0)));
    const settled = tx.settleDelivery(
      delivery.id,
      input.owner,
      {
        status,
        attempts,
        nextAttemptAt: after(at, status === "pending" ? delay : 0),
        lastError: input.outcome === "delivered" ? null : (input.error ?? "failed"),
      },
      at,
    );
    return ok({ delivery: tx.getDelivery(delivery.id)!, settled });
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
 * Puts every parked (failed) delivery of a subscription back in the queue, each with a fresh set
 * of retries; answers how many. Deliveries of other subscriptions are not touched.
 */
export function retryFailedDeliveries(ctx: UseCaseContext, input: { subscriptionId: number }): Result<{ count: number }> {
  return runInTransaction(ctx, (tx, at) => {
    if (!tx.getSubscription(input.subscriptionId)) {
      return err("NOT_FOUND", `Subscription ${input.subscriptionId} not found`, { field: "subscriptionId" });
    }
    let count = 0;
    let afterId: number | undefined;
    do {
      const page = tx.listDeliveries({ status: "failed", subscriptionId: input.subscriptionId, afterId, limit: 500 });
      for (const delivery of page.rows) {
        tx.updateDelivery(delivery.id, { status: "pending", attempts: 0, nextAttemptAt: at }, at);
        count += 1;
      }
      afterId = page.nextAfterId ?? undefined;
    } while (afterId !== undefined);
    return ok({ count });
  });
}

/** Every recorded HTTP exchange of a delivery, oldest first. */
export function listDeliveryAttempts(ctx: UseCaseContext, input: { id: number }): Result<readonly DeliveryAttempt[]> {
  return ctx.store.read((reader) => {
    if (!reader.getDelivery(input.id)) return err("NOT_FOUND", `Delivery ${input.id} not found`, { field: "id" });
    return ok(reader.listDeliveryAttempts(input.id));
  });
}

function after(at: string, ms: number): string {
  return new Date(new Date(at).getTime() + ms).toISOString();
}

function clampUnit(value: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(value, 0), 0.999_999) : 0;
}
