import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { createClient, createSubscription, createUnit, moveUnit, type UseCaseContext } from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { type ReceivedRequest, startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { must } from "./support/dispatcher-world.js";
import { until } from "./support/hanging-endpoint.js";

/*
 * Two dispatchers, each a real process, on one SQLite file. The first is killed with SIGKILL
 * while its sends are held open by the receiver; the second was started before that and ran beside
 * it. At-least-once: every delivery arrives; nothing is sent twice while both live.
 */

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const LEASE_MS = 1_000;
const SETTINGS = { pollIntervalMs: 20, leaseMs: LEASE_MS, perSubscription: 4, timeoutMs: 60_000 };

let storage: TestStorage;
let ctx: UseCaseContext;
let receiver: TestEndpoint | undefined;
const children: ChildProcess[] = [];

beforeEach(async () => {
  storage = await createTestStorage();
  ctx = { store: storage, now: () => new Date() };
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  await receiver?.close();
  storage.cleanup();
});

/** Starts a dispatcher process on the test's database; resolves with its id once it runs. */
function startDispatcherProcess(): Promise<{ child: ChildProcess; id: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=@dropgate/source", "test/dispatcher/support/dispatcher-process.ts", storage.path, JSON.stringify(SETTINGS)],
    { cwd: packageDir, stdio: ["ignore", "pipe", "inherit"] },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      const ready = /^ready (\S+)$/m.exec(out);
      if (ready?.[1]) resolve({ child, id: ready[1] });
    });
    child.on("exit", (code, signal) => reject(new Error(`dispatcher process exited early (${code ?? signal})`)));
  });
}

const lpOf = (request: ReceivedRequest) => (request.body as { optiturn_lp: string }).optiturn_lp;

describe("dispatchers in two processes on one file", () => {
  it("a dispatcher killed mid-send loses nothing, and a live one's sends are never taken while it lives", { timeout: 60_000 }, async () => {
    // The receiver holds every request open until told to answer, so the first dispatcher is
    // caught mid-send; requests that arrive once `answering` is on are answered at once.
    let answering = false;
    let releaseHeld!: () => void;
    const held = new Promise<void>((resolve) => {
      releaseHeld = resolve;
    });
    receiver = await startEndpoint(async () => {
      if (!answering) await held;
      return { status: 200 };
    });
    const client = must(createClient(ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client;
    must(createSubscription(ctx, { clientId: client.id, url: receiver.url, auth: { kind: "none" }, eventTypes: ["disposition_update"] }));
    const lps = Array.from({ length: 12 }, (_, n) => `LP${n + 1}`);
    for (const lp of lps) {
      must(createUnit(ctx, { lp, sku: "S1", upc: "1", condition: "N", disposition: "rts", warehouse: "22", location: "L", program: "p" }));
      must(moveUnit(ctx, { lp, toDisposition: "rts_drop_ship" }));
    }
    const deliveries = () => storage.read((r) => r.listDeliveries({ limit: 100 }).rows);

    const first = await startDispatcherProcess();
    // Its lane for the subscription is full (4 sends held open by the receiver).
    await until(() => receiver!.requests.length === SETTINGS.perSubscription, "the first dispatcher's sends to arrive");
    const heldByFirst = receiver.requests.map(lpOf);

    const second = await startDispatcherProcess();
    // Both live, for several lease lengths: the second sends the other deliveries, but never one
    // the first still holds (its heartbeat renews the leases).
    answering = true;
    await until(
      () => deliveries().filter((d) => d.status === "delivered").length === lps.length - heldByFirst.length,
      "the second dispatcher to deliver the rest",
    );
    const sinceSecondStarted = Date.now();
    await until(() => Date.now() - sinceSecondStarted >= 3 * LEASE_MS, "three lease lengths to pass with both alive");
    const whileBothLived = receiver.requests.map(lpOf);
    expect(new Set(whileBothLived).size).toBe(whileBothLived.length);
    expect(whileBothLived.sort()).toEqual([...lps].sort());
    // The outbox payload is the disposition event, whose `lp` the body sends as `optiturn_lp`.
    const stillHeld = deliveries().filter((d) => heldByFirst.includes(String(d.payload.lp)));
    expect(stillHeld.map((d) => [d.status, d.leaseOwner])).toEqual(heldByFirst.map(() => ["in_flight", first.id]));

    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    releaseHeld();

    // Once the dead dispatcher's leases run out, the second takes its deliveries over.
    await until(() => deliveries().every((d) => d.status === "delivered"), "every delivery to be delivered");
    const received = receiver.requests.map(lpOf);
    expect(new Set(received)).toEqual(new Set(lps));
    // The only repeats are the sends the dead dispatcher had in flight, once more each.
    const repeated = received.filter((lp, i) => received.indexOf(lp) !== i);
    expect(repeated.sort()).toEqual([...heldByFirst].sort());
    for (const d of deliveries()) {
      const attempts = storage.read((r) => r.listDeliveryAttempts(d.id));
      expect(attempts.map((a) => [a.outcome, a.dispatcher])).toEqual([["delivered", second.id]]);
    }
  });
});
