import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import {
  type AttemptRecord,
  claimDueDeliveries,
  DEFAULT_RETRY_DELAYS_MS,
  type DeliveryStatus,
  recordDeliveryAttempt,
  releaseDeliveries,
  renewDeliveryLeases,
  type UseCaseContext,
  type WebhookDelivery,
  type WebhookEventType,
} from "@dropgate/core-domain";
import {
  buildWebhookBody,
  optoroWebhookBodies,
  type SendResult,
  type WebhookBodyRegistry,
  WebhookSender,
} from "@dropgate/optoro-adapter";
import type { Logger } from "pino";
import { createSubscriptionLanes } from "./subscription-lanes.js";

/** The dispatcher's tunables; every one has a default (the gateway README's configuration table). */
export interface WebhookDispatchSettings {
  /** Pause between polls of the outbox; default 250 ms. */
  readonly pollIntervalMs?: number;
  /** Sends in flight at once, over all subscriptions; default 32. */
  readonly concurrency?: number;
  /** Sends in flight at once to one subscription; default 4. A hanging endpoint holds at most these. */
  readonly perSubscription?: number;
  /** The delays of the five retries; default Optoro's 30 s, 1, 2, 4, 8 min. */
  readonly retryDelaysMs?: readonly number[];
  /** Per HTTP request of the default sender (token request and each POST); default 10 000 ms. */
  readonly timeoutMs?: number;
  /** How long a claim holds unless renewed; renewed every third of it while the send lasts; default 60 000 ms. */
  readonly leaseMs?: number;
}

/** What the dispatcher reports as it goes (the gateway's `/metrics` counts it). */
export interface DispatcherEvents {
  /** One HTTP exchange (or the reason none could be made). */
  attempt?(record: AttemptRecord & { readonly eventType: WebhookEventType }): void;
  /** A send's outcome written: the delivery's new status. */
  settled?(status: DeliveryStatus, eventType: WebhookEventType): void;
}

export interface WebhookDispatcherOptions extends WebhookDispatchSettings {
  /** Storage and clock; the clock also times oauth2 token lifetimes of the default sender and leases. */
  readonly ctx: UseCaseContext;
  readonly logger: Logger;
  /** Defaults to a `WebhookSender` with `timeoutMs`. */
  readonly sender?: Pick<WebhookSender, "send">;
  /** Body builders by event type; default Optoro's. */
  readonly bodies?: WebhookBodyRegistry;
  /** The lease owner name; default `host:pid:random`, unique per dispatcher. */
  readonly id?: string;
  /** Draws the jitter of a retry delay, in [0, 1); default `Math.random`. */
  readonly random?: () => number;
  readonly events?: DispatcherEvents;
  /** Accepted and ignored (the on/off switch of the gateway's configuration travels with the settings). */
  readonly enabled?: boolean;
}

/** A running dispatcher. */
export interface WebhookDispatcher {
  /** Its lease owner name, as recorded on claims and attempts. */
  readonly id: string;
  /** Stops polling, waits for the sends in flight to be recorded, and hands back claims not yet sent. */
  stop(): Promise<void>;
  /**
   * Claims what free slots allow, and resolves once the sends it started are recorded; answers
   * how many it claimed (0 once stopped). Tests drive rounds with it; the poll loop does not wait.
   */
  drainOnce(): Promise<number>;
}

export const DEFAULT_DISPATCH: Required<WebhookDispatchSettings> = {
  pollIntervalMs: 250,
  concurrency: 32,
  perSubscription: 4,
  retryDelaysMs: DEFAULT_RETRY_DELAYS_MS,
  timeoutMs: 10_000,
  leaseMs: 60_000,
};

/**
 * Starts the webhook dispatcher: the outbox's sending side (ARCHITECTURE.md, flow 3). It polls:
 * claim due deliveries as leases, build each body through the body registry, POST it, record
 * every exchange and the outcome, whose retry contract (five retries on the configured schedule,
 * then the failure queue) is `recordDeliveryAttempt`'s.
 *
 * Isolation: each subscription is a lane of at most `perSubscription` sends, and a poll never
 * waits for sends, so an endpoint that hangs until the timeout holds only its own lane while the
 * others keep being polled and sent. Several dispatchers may share one store: a claim is a lease
 * renewed while its send lasts, so a live dispatcher's sends are never taken, and a dead one's
 * come due again once their lease runs out.
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { ctx, logger } = options;
  const settings = { ...DEFAULT_DISPATCH, ...definedSettings(options) };
  const id = options.id ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const bodies = options.bodies ?? optoroWebhookBodies;
  const random = options.random ?? Math.random;
  const sender = options.sender ?? new WebhookSender({ timeoutMs: settings.timeoutMs, now: () => ctx.now().getTime() });
  const lanes = createSubscriptionLanes(settings.perSubscription);

  let stopped = false;
  let pollTimer: NodeJS.Timeout | undefined;

  const deliver = async (delivery: WebhookDelivery): Promise<void> => {
    const mark = ctx.store.commitMark();
    const prepared = ctx.store.read((reader) => {
      const subscription = reader.getSubscription(delivery.subscriptionId);
      if (!subscription) return { ok: false as const, message: `Subscription ${delivery.subscriptionId} no longer exists` };
      const body = buildWebhookBody(bodies, reader, delivery, subscription);
      return body.ok ? { ok: true as const, subscription, body: body.value } : { ok: false as const, message: body.error.message };
    });
    // The body may show another caller's write of the open group commit: send only what is durable.
    await ctx.store.durable(mark);
    const sent: SendResult = prepared.ok
      ? await sender.send(prepared.subscription, prepared.body)
      : {
          outcome: "fail",
          error: prepared.message,
          exchanges: [{ startedAt: ctx.now().toISOString(), latencyMs: 0, outcome: "unsendable", error: prepared.message }],
        };
    for (const exchange of sent.exchanges) options.events?.attempt?.({ ...exchange, eventType: delivery.eventType });
    const recordedAt = ctx.store.commitMark();
    const recorded = recordDeliveryAttempt(ctx, {
      id: delivery.id,
      owner: id,
      outcome: sent.outcome,
      error: sent.error,
      exchanges: sent.exchanges,
      retryDelaysMs: settings.retryDelaysMs,
      jitter: random(),
    });
    await ctx.store.durable(recordedAt);
    const fields = {
      deliveryId: delivery.id,
      subscriptionId: delivery.subscriptionId,
      eventType: delivery.eventType,
      httpStatus: sent.status,
      error: sent.error,
    };
    if (!recorded.ok) {
      logger.warn({ ...fields, problem: recorded.error.message }, "webhook delivery outcome not recorded");
      return;
    }
    const { delivery: after, settled } = recorded.value;
    if (!settled) {
      // Our lease ran out (the process stalled past it) and another dispatcher took the delivery.
      logger.warn({ ...fields, leaseOwner: after.leaseOwner }, "webhook lease lost before the outcome was recorded");
      return;
    }
    options.events?.settled?.(after.status, delivery.eventType);
    const { status, attempts, nextAttemptAt } = after;
    if (status === "delivered") logger.info({ ...fields, attempts }, "webhook delivered");
    else if (status === "pending") logger.warn({ ...fields, attempts, nextAttemptAt }, "webhook delivery will be retried");
    else logger.error({ ...fields, attempts }, "webhook delivery failed; parked in the failure queue");
  };

  const run = async (delivery: WebhookDelivery, claimed: Promise<void>): Promise<void> => {
    try {
      // A claim that did not commit must not be sent: another dispatcher may claim it again.
      await claimed;
      await deliver(delivery);
    } catch (error) {
      // Unexpected (storage failing): the lease is no longer renewed, so it runs out and the
      // delivery is claimed again (by this dispatcher or another).
      logger.error({ err: error, deliveryId: delivery.id }, "webhook delivery crashed");
    }
  };

  /** Claims what the free slots allow and hands each delivery to its lane; answers the lanes' work. */
  const claimRound = (): Promise<void>[] => {
    const free = settings.concurrency - lanes.held();
    if (stopped || free <= 0) return [];
    const mark = ctx.store.commitMark();
    const claimed = claimDueDeliveries(ctx, {
      owner: id,
      limit: free,
      leaseMs: settings.leaseMs,
      perSubscription: settings.perSubscription,
      skipSubscriptions: lanes.full(),
    });
    if (!claimed.ok) throw new Error(`webhook dispatcher: ${claimed.error.message}`);
    const committed = ctx.store.durable(mark);
    // A lane that never runs its delivery (stop) must not leave the rejection unhandled.
    committed.catch(() => {});
    return claimed.value.map((delivery) => lanes.run(delivery, () => run(delivery, committed)));
  };

  const poll = (): void => {
    pollTimer = undefined;
    try {
      const started = claimRound();
      // A sends' end frees a slot: look again at once rather than a whole interval later.
      for (const done of started) void done.then(wake);
    } catch (error) {
      logger.error({ err: error }, "webhook dispatcher poll failed");
    }
    if (!stopped && pollTimer === undefined) pollTimer = setTimeout(poll, settings.pollIntervalMs);
  };
  const wake = (): void => {
    if (stopped) return;
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, 0);
  };

  // The heartbeat renews the leases of what this dispatcher still holds, so a send that lasts
  // longer than a lease (a slow endpoint, a long queue in its lane) is never taken over while we live.
  const heartbeat = setInterval(
    () => {
      const ids = lanes.ids();
      if (ids.length === 0) return;
      try {
        renewDeliveryLeases(ctx, { owner: id, ids, leaseMs: settings.leaseMs });
      } catch (error) {
        logger.error({ err: error }, "webhook lease renewal failed");
      }
    },
    Math.max(1, Math.floor(settings.leaseMs / 3)),
  );
  heartbeat.unref();

  pollTimer = setTimeout(poll, settings.pollIntervalMs);
  logger.info({ dispatcher: id, ...settings }, "webhook dispatcher started");

  return {
    id,
    async drainOnce() {
      if (stopped) return 0;
      const started = claimRound();
      await Promise.all(started);
      return started.length;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(pollTimer);
      // Claims still waiting in a lane go back to the queue unsent, for whichever dispatcher polls next.
      const waiting = lanes.drainWaiting();
      if (waiting.length > 0) releaseDeliveries(ctx, { owner: id, ids: waiting });
      await lanes.settled();
      clearInterval(heartbeat);
      logger.info({ dispatcher: id, released: waiting.length }, "webhook dispatcher stopped");
    },
  };
}

function definedSettings(options: WebhookDispatchSettings): WebhookDispatchSettings {
  return Object.fromEntries(
    (Object.keys(DEFAULT_DISPATCH) as (keyof WebhookDispatchSettings)[])
      .filter((key) => options[key] !== undefined)
      .map((key) => [key, options[key]]),
  );
}
