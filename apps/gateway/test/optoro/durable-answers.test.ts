import type { CreateOrderAnswer } from "@dropgate/optoro-adapter";
import { openStorage, type SqliteStorage } from "@dropgate/storage";
import { failCommitsOn } from "@dropgate/storage/testing";
import { afterEach, describe, expect, it } from "vitest";
import { type OptoroWorld, sampleOrder, startOptoro } from "./support/optoro-world.js";

/*
 * An answer is sent only after the commit holding its write returned. These tests make that
 * commit fail for real (a deferred foreign key that SQLite checks at COMMIT, see
 * `failCommitsOn`): an answer sent before the commit would be a 201 for an order that is gone.
 * What another connection on the file sees is what was committed.
 */

let world: OptoroWorld;
let other: SqliteStorage | undefined;
afterEach(async () => {
  other?.close();
  other = undefined;
  await world?.close();
});

const SKU = { sku: "SKU-DURABLE", condition: "N", channel: "rts_drop_ship" } as const;

/** What a second connection on the file (another process) sees: the committed state. */
async function committed(path: string) {
  other ??= await openStorage({ path });
  const view = other;
  return view.read((r) => ({
    orders: r
      .listOrders({ limit: 1000 })
      .rows.map((o) => o.clientIdentifier)
      .sort(),
    allocated: r.getPosition(SKU)?.allocated,
  }));
}

describe("answers wait for their commit", () => {
  it("answers a 500, and keeps nothing, when the commit holding the order fails", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ ...SKU, onHand: 10 });
    const restore = failCommitsOn(world.gateway.store, "orders", "NEW.client_identifier = 'poison'");

    const answer = await buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder("poison", [{ sku: SKU.sku, quantity: 2 }]) } });
    expect(answer.status).toBe(500);
    expect(await committed(world.gateway.store.path)).toEqual({ orders: [], allocated: 0 });
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);

    // A retry after the fault is gone is a first attempt: the failed one left no order behind.
    restore();
    const retry = await buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder("poison", [{ sku: SKU.sku, quantity: 2 }]) } });
    expect(retry.status).toBe(201);
    expect(await committed(world.gateway.store.path)).toEqual({ orders: ["poison"], allocated: 2 });
  });

  it("among concurrent orders, every 201 is committed and every order of a failed commit is absent", async () => {
    world = await startOptoro();
    const buyers = await Promise.all([0, 1, 2, 3].map((i) => world.buyer(`buyer-${i}`)));
    world.stock({ ...SKU, onHand: 100 });
    failCommitsOn(world.gateway.store, "orders", "NEW.client_identifier = 'c-17'");

    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        buyers[i % 4]!.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder(`c-${i}`, [{ sku: SKU.sku, quantity: 1 }]) } }),
      ),
    );
    const acknowledged = answers.flatMap((a, i) => (a.status === 201 ? [`c-${i}`] : []));
    const failed = answers.flatMap((a, i) => (a.status === 500 ? [`c-${i}`] : []));
    expect(acknowledged.length + failed.length).toBe(40);
    expect(failed).toContain("c-17");

    const seen = await committed(world.gateway.store.path);
    expect(seen.orders).toEqual([...acknowledged].sort());
    expect(seen.allocated).toBe(acknowledged.length);
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
  });
});
