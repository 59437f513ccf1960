import {
  CreateSubscriptionInput,
  createSubscription,
  DeliveryAttempt,
  DeliveryStatus,
  Id,
  listDeliveryAttempts,
  retryDelivery,
  retryFailedDeliveries,
  setSubscriptionActive,
  WebhookDelivery,
  WebhookSubscription,
  withMaskedAuth,
} from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { unwrap } from "../domain-failure.js";
import { PageInput, pageOf } from "../paging.js";
import { protectedProcedure, router } from "../trpc.js";

export const webhooksRouter = router({
  subscriptions: protectedProcedure
    .input(z.object({ client: ClientRef.optional() }).default({}))
    .output(z.array(WebhookSubscription).readonly())
    .query(({ ctx, input }) =>
      ctx.store
        .read((r) => r.listSubscriptions(input.client === undefined ? undefined : resolveClient(r, input.client).id))
        .map(withMaskedAuth),
    ),

  subscribe: protectedProcedure
    .input(CreateSubscriptionInput.omit({ clientId: true }).extend({ client: ClientRef }))
    .output(WebhookSubscription)
    .mutation(({ ctx, input }) => {
      const { client: ref, ...subscription } = input;
      const client = ctx.store.read((r) => resolveClient(r, ref));
      return withMaskedAuth(unwrap(createSubscription(ctx, { ...subscription, clientId: client.id })));
    }),

  setActive: protectedProcedure
    .input(z.object({ id: Id, active: z.boolean() }))
    .output(WebhookSubscription)
    .mutation(({ ctx, input }) => withMaskedAuth(unwrap(setSubscriptionActive(ctx, input)))),

  deliveries: protectedProcedure
    .input(PageInput.extend({ status: DeliveryStatus.optional(), subscriptionId: Id.optional() }).default({ limit: 50 }))
    .output(pageOf(WebhookDelivery))
    .query(({ ctx, input }) => ctx.store.read((r) => r.listDeliveries(input))),

  /** The failure queue: deliveries whose retries are spent, waiting for a manual retry. */
  failures: protectedProcedure
    .input(PageInput.extend({ subscriptionId: Id.optional() }).default({ limit: 50 }))
    .output(pageOf(WebhookDelivery))
    .query(({ ctx, input }) => ctx.store.read((r) => r.listDeliveries({ ...input, status: "failed" }))),

  /** Puts a failed delivery back in the queue with a fresh set of retries. */
  retry: protectedProcedure
    .input(z.object({ id: Id }))
    .output(WebhookDelivery)
    .mutation(({ ctx, input }) => unwrap(retryDelivery(ctx, input))),

  /** Puts every failed delivery of one subscription back in the queue, each with a fresh set of retries. */
  retrySubscription: protectedProcedure
    .input(z.object({ subscriptionId: Id }))
    .output(z.object({ count: z.int().min(0) }))
    .mutation(({ ctx, input }) => unwrap(retryFailedDeliveries(ctx, input))),

  /** Every HTTP exchange of one delivery with its endpoint: time, status, latency, outcome, error. */
  attempts: protectedProcedure
    .input(z.object({ id: Id }))
    .output(z.array(DeliveryAttempt).readonly())
    .query(({ ctx, input }) => unwrap(listDeliveryAttempts(ctx, input))),
});
