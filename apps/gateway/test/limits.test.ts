import { afterEach, describe, expect, it } from "vitest";
import { createTokenBucketLimiter } from "../src/limits/token-bucket.js";
import { startTestGateway, type TestGateway } from "./support/harness.js";
import { ApiContract } from "./support/openapi-validator.js";
import { createTestDialect, TEST_PREFIX, TEST_TOKENS } from "./support/test-dialect.js";

interface TestError {
  error: { kind: string; message: string; field?: string; location?: string };
}

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const headersOf = (token: string) => ({ authorization: `Bearer ${token}`, "x-test-version": "1" });

describe("body size limit", () => {
  it("answers a body over the limit with 413 in the dialect's envelope", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()], config: { bodyLimitBytes: 1024 } });
    const api = await ApiContract.load(gateway.baseUrl);
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: headersOf(TEST_TOKENS.alice),
      body: { name: "x".repeat(2000), quantity: 1 },
    });
    expect(response.status).toBe(413);
    expect(response.body.error.kind).toBe("payload_too_large");
    expect(response.body.error.message).toContain("1024");
  });

  it("accepts a body just under the limit", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()], config: { bodyLimitBytes: 1024 } });
    const api = await ApiContract.load(gateway.baseUrl);
    const response = await api.fetchJson(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: headersOf(TEST_TOKENS.alice),
      body: { name: "x".repeat(900), quantity: 1 },
    });
    expect(response.status).toBe(201);
  });
});

describe("per-client rate limit", () => {
  // One token a minute: nothing refills between the requests of a test.
  const config = { rateLimit: { perMinute: 1, burst: 2 } };

  it("answers 429 with Retry-After once a client's burst is spent, in the dialect's envelope", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()], config });
    const api = await ApiContract.load(gateway.baseUrl);
    const send = () =>
      api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
        method: "POST",
        headers: headersOf(TEST_TOKENS.alice),
        body: { name: "w", quantity: 1 },
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const limited = await send();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.body.error.kind).toBe("rate_limited");
  });

  it("keeps one bucket per authenticated client", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()], config });
    const api = await ApiContract.load(gateway.baseUrl);
    const send = (token: string) =>
      api.fetchJson(`${TEST_PREFIX}/widgets/1`, { method: "DELETE", headers: headersOf(token) });
    const alice = [await send(TEST_TOKENS.alice), await send(TEST_TOKENS.alice), await send(TEST_TOKENS.alice)];
    expect(alice.map((response) => response.status)).toEqual([204, 204, 429]);
    expect((await send(TEST_TOKENS.bob)).status).toBe(204);
  });

  it("keys unauthenticated requests by address", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()], config });
    const api = await ApiContract.load(gateway.baseUrl);
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await api.fetchJson(`${TEST_PREFIX}/widgets/1`)).status);
    expect(statuses).toEqual([200, 200, 429]);
    // An authenticated client still has its own bucket.
    const alice = await api.fetchJson(`${TEST_PREFIX}/widgets/1`, { method: "DELETE", headers: headersOf(TEST_TOKENS.alice) });
    expect(alice.status).toBe(204);
  });
});

describe("token bucket", () => {
  it("refills at the configured rate up to the burst, and says how long to wait", () => {
    let now = 0;
    const limiter = createTokenBucketLimiter({ perMinute: 60, burst: 2, clock: () => now });
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    now += 1000;
    expect(limiter.take("a")).toEqual({ allowed: true });
    now += 60_000;
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: true });
    expect(limiter.take("a").allowed).toBe(false);
  });

  it("rounds Retry-After up to whole seconds", () => {
    let now = 0;
    const limiter = createTokenBucketLimiter({ perMinute: 1, burst: 1, clock: () => now });
    limiter.take("a");
    now += 15_000;
    expect(limiter.take("a")).toEqual({ allowed: false, retryAfterSeconds: 45 });
  });

  it("forgets idle clients when it holds too many", () => {
    let now = 0;
    const limiter = createTokenBucketLimiter({ perMinute: 60, burst: 1, clock: () => now, maxKeys: 2 });
    limiter.take("a");
    limiter.take("b");
    now += 5_000;
    // "a" and "b" have refilled: adding "c" drops them, and "a" starts again with a full bucket.
    expect(limiter.take("c")).toEqual({ allowed: true });
    expect(limiter.take("a")).toEqual({ allowed: true });
  });
});
