import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { availableOf, placeOrder } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, must, openWorld, orderInput, stock, type World } from "./support.js";

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const tsxLoader = createRequire(import.meta.url).resolve("tsx");

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

/** Runs `workers` processes at once, each with its own connection, placing `each` orders. */
async function race(workers: number, each: number, clientId: number, sku: string, ids: (w: number) => string) {
  const outputs = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      run(process.execPath, ["--import", tsxLoader, "--conditions=@dropgate/source", join(here, "race-worker.ts"), world.storage.path, String(clientId), sku, String(each), ids(w)]),
    ),
  );
  return outputs.flatMap((o) => JSON.parse(o.stdout.trim()) as string[]);
}

describe("concurrent order placement", () => {
  it("50 concurrent placements racing for 5 units in one process: 5 allocated, 45 shortage reports", async () => {
    const position = stock(world.ctx, "LAST", 5);
    const client = buyer(world.ctx);
    const settled = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) => Promise.resolve().then(() => must(placeOrder(world.ctx, orderInput(client.id, [["LAST", 1]], `c-${i}`))))),
    );
    const kinds = settled.map((s) => (s.status === "fulfilled" ? s.value.kind : "error"));
    expect(kinds.filter((k) => k === "accepted")).toHaveLength(5);
    expect(kinds.filter((k) => k === "rejected")).toHaveLength(45);
    const after = world.storage.read((r) => r.getPositionById(position.id))!;
    expect(after.allocated).toBe(5);
    expect(availableOf(after)).toBe(0);
    expectInvariants(world);
  });

  it("50 placements from 5 processes on one database file: exactly 5 allocated", async () => {
    const position = stock(world.ctx, "LAST", 5);
    const client = buyer(world.ctx);
    const kinds = await race(5, 10, client.id, "LAST", (w) => `p${w}`);
    expect(kinds).toHaveLength(50);
    expect(kinds.filter((k) => k === "accepted")).toHaveLength(5);
    expect(kinds.filter((k) => k === "rejected")).toHaveLength(45);
    expect(world.storage.read((r) => r.getPositionById(position.id))?.allocated).toBe(5);
    expect(world.storage.read((r) => r.listOrders({ clientId: client.id, status: "accepted", limit: 100 })).total).toBe(5);
    expectInvariants(world);
  }, 60_000);

  it("the same order placed twice, also concurrently: one order, one allocation", async () => {
    const position = stock(world.ctx, "S1", 10);
    const client = buyer(world.ctx);
    const first = must(placeOrder(world.ctx, orderInput(client.id, [["S1", 1]], "TWICE")));
    const second = must(placeOrder(world.ctx, orderInput(client.id, [["S1", 1]], "TWICE")));
    expect([first.kind, second.kind]).toEqual(["accepted", "duplicate"]);

    const kinds = await race(4, 1, client.id, "S1", () => "same");
    expect(kinds.filter((k) => k === "accepted")).toHaveLength(1);
    expect(kinds.filter((k) => k === "duplicate")).toHaveLength(3);
    expect(world.storage.read((r) => r.getPositionById(position.id))?.allocated).toBe(2);
    expect(world.storage.read((r) => r.listOrders({ clientId: client.id, limit: 100 })).total).toBe(2);
    expectInvariants(world);
  }, 60_000);
});
