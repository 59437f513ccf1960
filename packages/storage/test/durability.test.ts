import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStorage } from "@dropgate/storage";
import { afterEach, beforeEach, expect, it } from "vitest";
import { runFixture } from "./fixtures/run-fixture.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "dropgate-durability-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

it("keeps every acknowledged transaction when the writing process is killed with SIGKILL", async () => {
  const path = join(folder, "dropgate.sqlite");
  const writer = runFixture("commit-then-hang.ts", [path, "50"]);
  await writer.waitForLine((line) => line === "committed 50");
  writer.child.kill("SIGKILL");
  expect(await writer.exit).toEqual({ code: null, signal: "SIGKILL" });

  // The commits sit in the WAL: the process never closed the file, so nothing was checkpointed.
  expect(existsSync(`${path}-wal`)).toBe(true);
  expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);

  const storage = await openStorage({ path });
  try {
    const client = storage.read((r) => r.getClientByName("durable-buyer"));
    if (client === undefined) throw new Error("the client did not survive");
    expect(storage.read((r) => r.findOrder(client.id, "durable-49"))?.status).toBe("accepted");
    expect(storage.read((r) => r.listOrders({ clientId: client.id, limit: 1 })).total).toBe(50);
    expect(storage.read((r) => r.findPositionsBySku("SKU-D"))[0]).toMatchObject({ onHand: 1_000, allocated: 50 });
    expect(storage.read((r) => r.checkInvariants())).toEqual([]);
  } finally {
    storage.close();
  }
});

it("keeps every write acknowledged after durable() when a concurrent writer is killed with SIGKILL mid-load", async () => {
  const path = join(folder, "dropgate.sqlite");
  const writer = runFixture("acknowledge-after-durable.ts", [path, "24"]);
  const acked = new Set<string>();
  await writer.waitForLine((line) => {
    if (line.startsWith("ack ")) acked.add(line.slice(4));
    return acked.size >= 600;
  });
  // Still writing: batches are open and commits in flight when the signal lands.
  writer.child.kill("SIGKILL");
  expect(await writer.exit).toEqual({ code: null, signal: "SIGKILL" });
  // Lines that reached us before the process died also count as acknowledged.
  for (const line of writer.lines()) if (line.startsWith("ack ")) acked.add(line.slice(4));

  const storage = await openStorage({ path });
  try {
    const client = storage.read((r) => r.getClientByName("durable-buyer"));
    if (client === undefined) throw new Error("the client did not survive");
    const missing = [...acked].filter((id) => storage.read((r) => r.findOrder(client.id, id))?.status !== "accepted");
    expect(missing).toEqual([]);
    const stored = storage.read((r) => r.listOrders({ clientId: client.id, limit: 1 })).total;
    expect(stored).toBeGreaterThanOrEqual(acked.size);
    // Every stored order took its unit: the ledger agrees with the position.
    expect(storage.read((r) => r.findPositionsBySku("SKU-D"))[0]).toMatchObject({ onHand: 1_000_000, allocated: stored });
    expect(storage.read((r) => r.checkInvariants())).toEqual([]);
  } finally {
    storage.close();
  }
}, 60_000);
