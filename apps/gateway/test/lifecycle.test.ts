import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config.js";
import { cursorSecretPath } from "../src/cursor-secret.js";
import { createLogger } from "../src/logging/logger.js";
import { type RunningGateway, startGateway } from "../src/start.js";
import { rawConnection, statusesOf } from "./support/raw-http.js";
import { createTestDialect } from "./support/test-dialect.js";

let folder: string;
let running: RunningGateway | undefined;

beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "dropgate-gateway-"));
});
afterEach(async () => {
  await running?.shutdown();
  running = undefined;
  rmSync(folder, { recursive: true, force: true });
});

/** A promise with its resolver, to hold a handler until the test lets it go. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

async function start(options: { slow?: () => Promise<void>; onSlowStarted?: () => void } = {}): Promise<RunningGateway> {
  const config = loadConfig({ DROPGATE_DB_PATH: "db/dropgate.sqlite", DROPGATE_GATEWAY_PORT: "0" }, folder);
  const silent = createLogger({ level: "silent" });
  running = await startGateway(config, {
    dialects: () => [createTestDialect(options)],
    logger: silent,
    handleSignals: false,
  });
  return running;
}

describe("startGateway", () => {
  it("opens the database file from the configuration and answers /healthz", async () => {
    const gateway = await start();
    const response = await fetch(`${gateway.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
    expect(response.headers.get("x-request-id")).not.toBeNull();
    expect(existsSync(path.join(folder, "db/dropgate.sqlite"))).toBe(true);
  });

  it("keeps a generated cursor secret next to the database, the same across restarts", async () => {
    await start();
    const file = cursorSecretPath(path.join(folder, "db/dropgate.sqlite"));
    const first = readFileSync(file, "utf8");
    await running?.shutdown();
    await start();
    expect(readFileSync(file, "utf8")).toBe(first);
    expect(first.trim().length).toBeGreaterThanOrEqual(32);
  });
});

describe("graceful shutdown", () => {
  it("finishes an in-flight request, then stops listening and closes storage", async () => {
    const slow = gate();
    const started = gate();
    const gateway = await start({ slow: () => slow.promise, onSlowStarted: started.open });
    const inFlight = fetch(`${gateway.url}/test/slow`);
    await started.promise;

    const stopped = gateway.shutdown();
    slow.open();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await stopped;

    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
    expect(() => gateway.store.read((reader) => reader.getClient(0))).toThrow();
  });

  it("answers /healthz with 503 while draining", async () => {
    const slow = gate();
    const started = gate();
    const gateway = await start({ slow: () => slow.promise, onSlowStarted: started.open });
    // One connection: the slow request keeps it busy, so the drain cannot close it, and a
    // health probe pipelined behind it arrives while the gateway is shutting down.
    const connection = rawConnection(gateway.url);
    connection.send("GET /test/slow HTTP/1.1\r\nHost: x\r\n\r\n");
    await started.promise;

    const stopped = gateway.shutdown();
    while (gateway.app.server.listening) await new Promise((resolve) => setImmediate(resolve));
    connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    slow.open();
    await stopped;
    const received = await connection.ended;
    expect(statusesOf(received)).toEqual(["200", "503"]);
    expect(received).toContain('{"status":"shutting_down"}');
    running = undefined;
  });

  it("runs once however many times it is asked", async () => {
    const gateway = await start();
    await Promise.all([gateway.shutdown(), gateway.shutdown()]);
    await gateway.shutdown();
  });
});
