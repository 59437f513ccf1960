import { setStockBatch } from "@dropgate/core-domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BATCH_SIZE } from "../src/index.js";
import { type Harness, startHarness, TEST_TOKEN } from "./support/rpc-harness.js";

let h: Harness;
/** Enough checks to run for a while; each one alone is a few milliseconds over 10,000 positions. */
const CHECKS = 10;
const auth = { authorization: `Bearer ${TEST_TOKEN}` };

/** `GET /trpc/a,a,…?batch=1` with `calls` calls of `procedure`, as a raw HTTP request. */
function batchUrl(procedure: string, calls: number): string {
  const input = Object.fromEntries(Array.from({ length: calls }, (_, i) => [String(i), {}]));
  return `${h.server.url}/${Array(calls).fill(procedure).join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

beforeAll(async () => {
  h = await startHarness();
  // 10,000 positions, each with its movement in the ledger.
  const rows = Array.from({ length: 10_000 }, (_, i) => ({ sku: `HEAVY-${i}`, condition: "N" as const, onHand: 1 + (i % 5) }));
  const saved = setStockBatch({ store: h.storage, now: () => new Date() }, rows);
  expect(saved.ok).toBe(true);
});
afterAll(() => h.close());

describe("the internal RPC under a heavy batch", () => {
  it(`answers a batch of ${MAX_BATCH_SIZE} calls`, async () => {
    const res = await fetch(batchUrl("system.health", MAX_BATCH_SIZE));
    expect(res.status).toBe(200);
    const body = (await res.json()) as unknown[];
    expect(body).toHaveLength(MAX_BATCH_SIZE);
  });

  it("refuses a larger batch with 400 and says what the cap is, running none of it", async () => {
    const res = await fetch(batchUrl("system.check", MAX_BATCH_SIZE + 1), { headers: auth });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(text).toContain(`at most ${MAX_BATCH_SIZE} calls`);
    expect(text).not.toContain('"ok":true');
  });

  it("keeps answering health while a batch of invariant checks over 10,000 positions runs", async () => {
    const finished: string[] = [];
    const checks = fetch(batchUrl("system.check", CHECKS), { headers: auth }).then(async (res) => {
      const body = (await res.json()) as { result: { data: { ok: boolean } } }[];
      finished.push("checks");
      return body;
    });
    // Sent after the checks; it is answered between two windows of the check, before it ends.
    const health = fetch(`${h.server.url}/system.health`).then(async (res) => {
      const body = (await res.json()) as { result: { data: { status: string } } };
      finished.push("health");
      return body;
    });
    const [checked, healthy] = await Promise.all([checks, health]);
    expect(healthy.result.data.status).toBe("ok");
    expect(checked).toHaveLength(CHECKS);
    expect(checked.every((c) => c.result.data.ok)).toBe(true);
    expect(finished).toEqual(["health", "checks"]);
  });

  it("still finds a violation in the last window", async () => {
    const last = h.storage.read((r) => r.findPositionsBySku("HEAVY-9999"))[0];
    if (!last) throw new Error("no position");
    h.storage.db.prepare("UPDATE stock_positions SET on_hand = on_hand + 1 WHERE id = ?").run(last.id);
    const result = await h.rpc.system.check.query();
    expect(result.ok).toBe(false);
    expect(result.violations.map((v) => v.positionId)).toEqual([last.id]);
    h.storage.db.prepare("UPDATE stock_positions SET on_hand = on_hand - 1 WHERE id = ?").run(last.id);
  });
});
