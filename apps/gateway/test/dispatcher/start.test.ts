import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient, createSubscription, createUnit, moveUnit, type UseCaseContext } from "@dropgate/core-domain";
import { openStorage } from "@dropgate/storage";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logging/logger.js";
import { type RunningGateway, startGateway } from "../../src/start.js";
import { createTestDialect } from "../support/test-dialect.js";
import { startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";
import { must } from "./support/dispatcher-world.js";

let folder: string;
let running: RunningGateway | undefined;
let receiver: TestEndpoint | undefined;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "dropgate-dispatcher-"));
});
afterEach(async () => {
  await running?.shutdown();
  running = undefined;
  await receiver?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function start(env: Record<string, string>): Promise<RunningGateway> {
  const config = loadConfig({ DROPGATE_DB_PATH: "db.sqlite", DROPGATE_GATEWAY_PORT: "0", ...env }, folder);
  running = await startGateway(config, {
    dialects: () => [createTestDialect()],
    logger: createLogger({ level: "silent" }),
    handleSignals: false,
  });
  return running;
}

describe("startGateway and the webhook dispatcher", () => {
  it("runs the dispatcher by default: a moved unit reaches its subscriber, and shutdown records the send before closing storage", async () => {
    let delivered!: () => void;
    const reached = new Promise<void>((resolve) => {
      delivered = resolve;
    });
    receiver = await startEndpoint(() => {
      delivered();
      return { status: 200 };
    });
    const gateway = await start({ DROPGATE_DISPATCHER_POLL_MS: "20" });
    expect(gateway.dispatcher).toBeDefined();
    const ctx: UseCaseContext = { store: gateway.store, now: () => new Date() };
    const client = must(createClient(ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client;
    must(createSubscription(ctx, { clientId: client.id, url: receiver.url, auth: { kind: "none" }, eventTypes: ["disposition_update"] }));
    must(createUnit(ctx, { lp: "LP1", sku: "S1", upc: "1", condition: "N", disposition: "rts", warehouse: "22", location: "L", program: "p" }));
    must(moveUnit(ctx, { lp: "LP1", toDisposition: "rts_drop_ship" }));

    await reached;
    await gateway.shutdown();
    running = undefined;

    const reopened = await openStorage({ path: path.join(folder, "db.sqlite") });
    try {
      const rows = reopened.read((r) => r.listDeliveries({ limit: 10 })).rows;
      expect(rows.map((d) => [d.status, d.attempts])).toEqual([["delivered", 1]]);
    } finally {
      reopened.close();
    }
    expect(receiver.requests[0]?.body).toMatchObject({ optiturn_lp: "LP1" });
  });

  it("DROPGATE_DISPATCHER=false starts none", async () => {
    const gateway = await start({ DROPGATE_DISPATCHER: "false" });
    expect(gateway.dispatcher).toBeUndefined();
  });
});
