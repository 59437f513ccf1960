import {
  claimDueDeliveries,
  recordDeliveryAttempt,
  requeueInFlightDeliveries,
  type UseCaseContext,
  type WebhookDelivery,
} from "@dropgate/core-domain";
import { type SendResult, WebhookSender } from "@dropgate/optoro-adapter";
import type { Logger } from "pino";
import { forEachBounded } from "./bounded.js";
import { prepareDelivery } from "./delivery-body.js";

export interface WebhookDispatcherOptions {
  /** Storage and clock; the clock also times oauth2 token lifetimes of the default sender. */
  readonly ctx: UseCaseContext;
  readonly logger: Logger;
  /** Defaults to a `WebhookSender` with its 10 s timeout. */
  readonly sender?: Pick<WebhookSender, "send">;
  /** Pause between polls that found the queue drained; default 1000 ms. */
  readonly pollIntervalMs?: number;
  /** Deliveries claimed per poll; default 50. */
  readonly batchSize?: number;
  /** Sends in flight at once; default 8. */
  readonly concurrency?: number;
}

/** A running dispatcher. */
export interface WebhookDispatcher {
  /** Stops polling and waits for the sends in flight to be sent and recorded. */
  stop(): Promise<void>;
  /** Claims one batch of due deliveries, sends and records them; answers how many it claimed (0 once stopped). */
  drainOnce(): Promise<number>;
}

/**
 * Starts the webhook dispatcher: the outbox's sending side (ARCHITECTURE.md, flow 3). It first
 * puts deliveries a previous dispatcher left in flight back in the queue, then polls: claim due
 * deliveries, build each body, POST it, record the outcome, whose retry contract (five retries
 * with backoff, then the failure queue) is `recordDeliveryAttempt`'s. Several dispatchers may
 * share one store: a claim is atomic, so no delivery is sent twice in one round.
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const { ctx, logger } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 1000;
  const batchSize = options.batchSize ?? 50;
  const concurrency = options.concurrency ?? 8;
  const sender = options.sender ?? new WebhookSender({ now: () => ctx.now().getTime() });

  const requeued = requeueInFlightDeliveries(ctx);
  if (!requeued.ok) throw new Error(`webhook dispatcher: ${requeued.error.message}`);
  if (requeued.value.count > 0) logger.warn({ count: requeued.value.count }, "requeued webhook deliveries left in flight");

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const draining = new Set<Promise<number>>();

  const deliver = async (delivery: WebhookDelivery): Promise<void> => {
    const mark = ctx.store.commitMark();
    const prepared = ctx.store.read((reader) => prepareDelivery(reader, delivery));
    // The body may show another caller's write of the open group commit: send only what is durable.
    await ctx.store.durable(mark);
    const sent: SendResult = prepared.ok
      ? await sender.send(prepared.value.subscription, prepared.value.body)
      : { outcome: "fail", error: prepared.error.message };
    const recordedAt = ctx.store.commitMark();
    const recorded = recordDeliveryAttempt(ctx, {
      id: delivery.id,
      outcome: sent.outcome,
      ...(sent.error === undefined ? {} : { error: sent.error }),
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
      // Another dispatcher requeued it meanwhile (at its start); it will be sent again.
      logger.warn({ ...fields, problem: recorded.error.message }, "webhook delivery outcome not recorded");
      return;
    }
    const { status, attempts, nextAttemptAt } = recorded.value;
    if (status === "delivered") logger.info({ ...fields, attempts }, "webhook delivered");
    else if (status === "pending") logger.warn({ ...fields, attempts, nextAttemptAt }, "webhook delivery will be retried");
    else logger.error({ ...fields, attempts }, "webhook delivery failed; parked in the failure queue");
  };

  const drain = async (): Promise<number> => {
    const mark = ctx.store.commitMark();
    const claimed = claimDueDeliveries(ctx, { limit: batchSize });
    if (!claimed.ok) throw new Error(`webhook dispatcher: ${claimed.error.message}`);
    // A claim that did not commit must not be sent: another dispatcher may claim it again.
    await ctx.store.durable(mark);
    await forEachBounded(claimed.value, concurrency, async (delivery) => {
      try {
        await deliver(delivery);
      } catch (error) {
        // Unexpected (storage failing): the delivery stays in flight until the next start requeues it.
        logger.error({ err: error, deliveryId: delivery.id }, "webhook delivery crashed");
      }
    });
    return claimed.value.length;
  };

  const drainOnce = (): Promise<number> => {
    if (stopped) return Promise.resolve(0);
    const run = drain().finally(() => draining.delete(run));
    draining.add(run);
    return run;
  };

  const poll = (): void => {
    drainOnce().then(
      // A full batch means more may be due: poll again at once.
      (count) => schedule(count >= batchSize ? 0 : pollIntervalMs),
      (error: unknown) => {
        logger.error({ err: error }, "webhook dispatcher poll failed");
        schedule(pollIntervalMs);
      },
    );
  };
  const schedule = (delayMs: number): void => {
    if (!stopped) timer = setTimeout(poll, delayMs);
  };
  schedule(pollIntervalMs);
  logger.info({ pollIntervalMs, batchSize, concurrency }, "webhook dispatcher started");

  return {
    drainOnce,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await Promise.allSettled([...draining]);
      logger.info("webhook dispatcher stopped");
    },
  };
}
