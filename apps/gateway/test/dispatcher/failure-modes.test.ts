import {
  createClient,
  createSubscription,
  createUnit,
  type DeliveryAttempt,
  moveUnit,
  retryFailedDeliveries,
  type UseCaseContext,
  type WebhookAuth,
} from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWebhookDispatcher, type WebhookDispatcher } from "../../src/dispatcher/webhook-dispatcher.js";
import { createLogger } from "../../src/logging/logger.js";
import { must } from "./support/dispatcher-world.js";
import { type HangingEndpoint, refusingUrl, startHangingEndpoint, until } from "./support/hanging-endpoint.js";

/*
 * Optoro's delivery contract against five real endpoints at once, on the real clock with a short
 * configured schedule: one healthy, one OAuth 2 endpoint that refuses its first token, one that
 * answers 500 until it recovers, one that hangs past the timeout, one that refuses connections.
 */

const RETRY_DELAYS_MS = [30, 60, 120, 240, 480];
const TIMEOUT_MS = 2_000;

let storage: TestStorage;
let ctx: UseCaseContext;
let dispatcher: WebhookDispatcher | undefined;
let hanging: HangingEndpoint | undefined;
const endpoints: TestEndpoint[] = [];

beforeEach(async () => {
  storage = await createTestStorage();
  ctx = { store: storage, now: () => new Date() };
});
afterEach(async () => {
  // The hanging endpoint goes first: closing it ends the sends stop() would otherwise wait for.
  await hanging?.close();
  await dispatcher?.stop();
  await Promise.all(endpoints.splice(0).map((e) => e.close()));
  storage.cleanup();
});

async function endpoint(handler: Parameters<typeof startEndpoint>[0]): Promise<TestEndpoint> {
  const started = await startEndpoint(handler);
  endpoints.push(started);
  return started;
}

function moveNewUnit(lp: string): void {
  must(createUnit(ctx, { lp, sku: "S1", upc: "0123456789012", condition: "N", disposition: "rts", warehouse: "22", location: "L", program: "p" }));
  must(moveUnit(ctx, { lp, toDisposition: "rts_drop_ship" }));
}

const lpOf = (body: unknown) => (body as { optiturn_lp?: string }).optiturn_lp;
const deliveriesOf = (subscriptionId: number) =>
  storage.read((r) => r.listDeliveries({ subscriptionId, limit: 100 }).rows);
const attemptsOf = (deliveryId: number): readonly DeliveryAttempt[] => storage.read((r) => r.listDeliveryAttempts(deliveryId));

describe("the dispatcher under failure", () => {
  it("keeps Optoro's contract for five endpoints at once, and the healthy one is not held up by the others", { timeout: 30_000 }, async () => {
    // The healthy receiver notes, for each event, whether the hanging endpoint still held a request open.
    const hangingOpenWhenHealthyGot = new Map<string, string[]>();
    const healthy = await endpoint((request) => {
      hangingOpenWhenHealthyGot.set(lpOf(request.body) ?? "?", hanging?.openLps() ?? []);
      return { status: 200, body: { message: "Success" } };
    });
    let tokenCount = 0;
    const tokens = await endpoint(() => ({ status: 200, body: { access_token: `tok-${++tokenCount}`, token_type: "bearer", expires_in: 3600 } }));
    const oauth = await endpoint((request) => (request.headers.authorization === "Bearer tok-1" ? { status: 401 } : { status: 200 }));
    let recovered = false;
    const failing = await endpoint(() => (recovered ? { status: 200 } : { status: 500, body: { message: "database down" } }));
    hanging = await startHangingEndpoint();
    const refusing = await refusingUrl();

    const client = must(createClient(ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client;
    const subscribe = (url: string, auth: WebhookAuth = { kind: "none" }) =>
      must(createSubscription(ctx, { clientId: client.id, url, auth, eventTypes: ["disposition_update"] }));
    const subs = {
      healthy: subscribe(healthy.url),
      oauth: subscribe(oauth.url, { kind: "oauth2", tokenUrl: tokens.url, clientId: "optoro", clientSecret: "s3cret" }),
      failing: subscribe(failing.url),
      hanging: subscribe(hanging.url),
      refusing: subscribe(refusing),
    };

    dispatcher = startWebhookDispatcher({
      ctx,
      logger: createLogger({ level: "silent" }),
      pollIntervalMs: 10,
      timeoutMs: TIMEOUT_MS,
      retryDelaysMs: RETRY_DELAYS_MS,
    });

    moveNewUnit("LP1");
    await hanging.arrived(1);
    // While the hanging endpoint holds LP1's request open, a second change happens: the healthy
    // endpoint receives it while that request is still open (causality, not a stopwatch).
    moveNewUnit("LP2");
    await until(() => healthy.requests.some((r) => lpOf(r.body) === "LP2"), "the healthy endpoint to receive LP2");
    // A dispatcher that waited for a whole batch would only have claimed LP2 after LP1's hanging send timed out.
    expect(hangingOpenWhenHealthyGot.get("LP2")).toContain("LP1");
    await until(() => deliveriesOf(subs.healthy.id).every((d) => d.status !== "in_flight"), "the healthy deliveries to be recorded");
    expect(deliveriesOf(subs.healthy.id).map((d) => [d.status, d.attempts])).toEqual([
      ["delivered", 1],
      ["delivered", 1],
    ]);

    // OAuth 2: the 401 makes the dispatcher fetch a new token and retry at once with it; one send.
    await until(() => deliveriesOf(subs.oauth.id).every((d) => d.status === "delivered"), "the oauth endpoint's deliveries");
    const [oauthLp1] = deliveriesOf(subs.oauth.id);
    expect(oauthLp1?.attempts).toBe(1);
    expect(attemptsOf(oauthLp1!.id).map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual([
      [1, "token_rejected", 401],
      [1, "delivered", 200],
    ]);
    const lp1Auth = oauth.requests.filter((r) => lpOf(r.body) === "LP1").map((r) => r.headers.authorization);
    expect(lp1Auth).toEqual(["Bearer tok-1", "Bearer tok-2"]);

    // 500 forever: the first send and five retries, each no sooner than its configured delay, then
    // the failure queue.
    await until(() => deliveriesOf(subs.failing.id).every((d) => d.status === "failed"), "the failing endpoint's deliveries to be parked");
    for (const delivery of deliveriesOf(subs.failing.id)) {
      expect(delivery).toMatchObject({ attempts: 6, lastError: "HTTP 500: database down" });
      const attempts = attemptsOf(delivery.id);
      expect(attempts.map((a) => [a.attempt, a.outcome, a.httpStatus])).toEqual(
        [1, 2, 3, 4, 5, 6].map((n) => [n, "http_error", 500]),
      );
      const starts = attempts.map((a) => new Date(a.startedAt).getTime());
      const gaps = starts.slice(1).map((start, i) => start - (starts[i] as number));
      for (const [i, gap] of gaps.entries()) expect(gap).toBeGreaterThanOrEqual(RETRY_DELAYS_MS[i] as number);
    }
    // Recovered, the operator retries the subscription's failure queue and both are delivered.
    recovered = true;
    expect(must(retryFailedDeliveries(ctx, { subscriptionId: subs.failing.id }))).toEqual({ count: 2 });
    await until(() => deliveriesOf(subs.failing.id).every((d) => d.status === "delivered"), "the failing endpoint's deliveries after the retry");
    for (const delivery of deliveriesOf(subs.failing.id)) expect(attemptsOf(delivery.id).at(-1)).toMatchObject({ outcome: "delivered", httpStatus: 200 });

    // Refused connections are retried like any failure, and parked after the fifth retry.
    await until(() => deliveriesOf(subs.refusing.id).every((d) => d.status === "failed"), "the refusing endpoint's deliveries to be parked");
    for (const delivery of deliveriesOf(subs.refusing.id)) {
      const outcomes = attemptsOf(delivery.id).map((a) => a.outcome);
      expect(outcomes).toEqual(Array(6).fill("connection_error"));
      expect(delivery.lastError).toMatch(/^connection failed: .*ECONNREFUSED/);
    }

    // The hanging endpoint's sends end at the timeout, recorded as such and retried.
    await until(() => deliveriesOf(subs.hanging.id).some((d) => d.attempts >= 1), "the hanging endpoint's first timeout");
    const timedOut = deliveriesOf(subs.hanging.id).find((d) => d.attempts >= 1)!;
    expect(attemptsOf(timedOut.id)[0]).toMatchObject({ outcome: "timeout", httpStatus: null, error: `no answer within ${TIMEOUT_MS} ms` });
    // Retried, not parked: waiting for its next attempt or already in it.
    expect(["pending", "in_flight"]).toContain(timedOut.status);
    expect(timedOut.lastError).toBe(`no answer within ${TIMEOUT_MS} ms`);

    // The healthy endpoint received each event exactly once.
    expect(healthy.requests.map((r) => lpOf(r.body)).sort()).toEqual(["LP1", "LP2"]);
  });
});
