import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, createSubscription, createUnit, moveUnit, type UseCaseContext } from "@dropgate/core-domain";
import { startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logging/logger.js";
import { type RunningGateway, startGateway } from "../src/start.js";
import { must } from "./dispatcher/support/dispatcher-world.js";
import { createTestDialect } from "./support/test-dialect.js";

let folder: string;
let running: RunningGateway | undefined;
const endpoints: TestEndpoint[] = [];

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "dropgate-metrics-"));
});
afterEach(async () => {
  await running?.shutdown();
  running = undefined;
  await Promise.all(endpoints.splice(0).map((e) => e.close()));
  rmSync(folder, { recursive: true, force: true });
});

/** Resolves once `check` holds, looking every 10 ms (a wait for an effect, not a timing assertion). */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** The value of one sample line of a Prometheus text exposition, e.g. `name{a="b"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  it("shows requests by route and status, their latency, deliveries by status and attempts by outcome, in Prometheus text", async () => {
    const healthy = await startEndpoint(() => ({ status: 200 }));
    const broken = await startEndpoint(() => ({ status: 500, body: { message: "down" } }));
    endpoints.push(healthy, broken);
    const config = loadConfig({ DROPGATE_DB_PATH: "db.sqlite", DROPGATE_GATEWAY_PORT: "0", DROPGATE_DISPATCHER_POLL_MS: "20" }, folder);
    running = await startGateway(config, { dialects: () => [createTestDialect()], logger: createLogger({ level: "silent" }), handleSignals: false });
    const gateway = running;

    const ctx: UseCaseContext = { store: gateway.store, now: () => new Date() };
    const client = must(createClient(ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client;
    for (const url of [healthy.url, broken.url]) {
      must(createSubscription(ctx, { clientId: client.id, url, auth: { kind: "none" }, eventTypes: ["disposition_update"] }));
    }
    must(createUnit(ctx, { lp: "LP1", sku: "S1", upc: "1", condition: "N", disposition: "rts", warehouse: "22", location: "L", program: "p" }));
    must(moveUnit(ctx, { lp: "LP1", toDisposition: "rts_drop_ship" }));
    const deliveries = () => gateway.store.read((r) => r.listDeliveries({ limit: 10 }).rows);
    await until(() => deliveries().every((d) => d.attempts === 1));

    for (let n = 0; n < 2; n += 1) expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${gateway.url}/no/such/route/42`)).status).toBe(404);

    const response = await fetch(`${gateway.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();

    expect(sample(text, 'dropgate_http_requests_total{method="GET",route="/healthz",status="200"}')).toBe(2);
    // A 404 of no route is one series, whatever the URL (so random URLs cannot multiply series).
    expect(sample(text, 'dropgate_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(1);
    expect(sample(text, 'dropgate_http_request_duration_seconds_count{method="GET",route="/healthz",status="200"}')).toBe(2);
    expect(text).toContain("# TYPE dropgate_http_request_duration_seconds histogram");

    expect(sample(text, 'dropgate_webhook_deliveries{status="delivered"}')).toBe(1);
    expect(sample(text, 'dropgate_webhook_deliveries{status="pending"}')).toBe(1);
    expect(sample(text, 'dropgate_webhook_deliveries{status="failed"}')).toBe(0);
    expect(sample(text, 'dropgate_webhook_attempts_total{outcome="delivered",event_type="disposition_update"}')).toBe(1);
    expect(sample(text, 'dropgate_webhook_attempts_total{outcome="http_error",event_type="disposition_update"}')).toBe(1);
    expect(sample(text, 'dropgate_webhook_attempt_duration_seconds_count{outcome="http_error"}')).toBe(1);
    expect(text).toContain("dropgate_process_cpu_seconds_total");
  });
});
