import { type CommitMark, placeOrder } from "@dropgate/core-domain";
import { CommitFailedError, openStorage, type SqliteStorage } from "@dropgate/storage";
import { failCommitsOn } from "@dropgate/storage/testing";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, must, openWorld, orderInput, stock, type World } from "./use-cases/support.js";

/*
 * Group commit: many use cases share one BEGIN IMMEDIATE … COMMIT, each in its own SAVEPOINT.
 * What another connection sees is what is committed, so these tests look through a second
 * connection on the same file ("another process") to tell committed from merely written.
 */

let world: World;
let other: Database.Database;
beforeEach(async () => {
  // No time bound here: on a loaded machine 20 first-time placements can take longer than 10 ms.
  world = await openWorld({ groupCommit: { maxWrites: 128, maxOpenMs: 60_000 } });
  other = new Database(world.storage.path, { readonly: true });
});
afterEach(() => {
  other.close();
  world.close();
});

/** Orders of the client as another connection sees them: committed ones only. */
const committedOrders = (clientId: number): string[] =>
  other
    .prepare("select client_identifier from orders where client_id = ? order by client_identifier")
    .pluck()
    .all(clientId) as string[];
const committedAllocated = (positionId: number): number =>
  other.prepare("select allocated from stock_positions where id = ?").pluck().get(positionId) as number;

/** Runs `count` callers in the same event-loop turn (as concurrent requests are), each answering after durable(). */
function concurrently<T>(count: number, call: (i: number) => T, store: SqliteStorage = world.storage) {
  return Promise.allSettled(
    Array.from({ length: count }, (_, i) =>
      Promise.resolve().then(async () => {
        const mark: CommitMark = store.commitMark();
        const value = call(i);
        await store.durable(mark);
        return value;
      }),
    ),
  );
}

describe("group commit", () => {
  it("commits a write under light load in the same turn, with nothing left open", async () => {
    const client = buyer(world.ctx);
    await world.storage.durable();
    expect(world.storage.db.inTransaction).toBe(false);
    expect(other.prepare("select name from clients where id = ?").pluck().get(client.id)).toBe("buyer");
  });

  it("holds the writes of one turn uncommitted until durable() resolves, then all of them at once", async () => {
    const position = stock(world.ctx, "SKU-G", 100);
    const client = buyer(world.ctx);
    await world.storage.durable();

    const answers = concurrently(20, (i) => must(placeOrder(world.ctx, orderInput(client.id, [["SKU-G", 1]], `g-${String(i).padStart(2, "0")}`))));
    // Every use case has run (synchronously) by now, in one open batch: none is committed yet.
    await Promise.resolve();
    expect(world.storage.read((r) => r.listOrders({ clientId: client.id, limit: 50 })).total).toBe(20);
    expect(committedOrders(client.id)).toEqual([]);

    const settled = await answers;
    expect(settled.every((s) => s.status === "fulfilled" && s.value.kind === "accepted")).toBe(true);
    expect(committedOrders(client.id)).toHaveLength(20);
    expect(committedAllocated(position.id)).toBe(20);
    expectInvariants(world);
  });

  it("rolls back one refused and one throwing use case alone; the others of the batch commit", async () => {
    const position = stock(world.ctx, "SKU-G", 30);
    const client = buyer(world.ctx);
    await world.storage.durable();

    const settled = await concurrently(30, (i) => {
      if (i === 7) {
        // Takes stock, then throws: the use case's SAVEPOINT is rolled back, not the batch.
        return world.storage.transaction((tx) => {
          tx.applyMovement({ positionId: position.id, kind: "allocation", cause: { type: "order", ref: "boom" }, onHand: 0, allocated: 5, reserved: 0, at: world.ctx.now().toISOString() });
          throw new Error("boom");
        });
      }
      // Asks for more than there is: refused as a Result, its writes rolled back.
      const quantity = i === 11 ? 1_000 : 1;
      return must(placeOrder(world.ctx, orderInput(client.id, [["SKU-G", quantity]], `o-${String(i).padStart(2, "0")}`)));
    });

    expect(settled[7]).toMatchObject({ status: "rejected", reason: new Error("boom") });
    const kinds = settled.map((s) => (s.status === "fulfilled" ? (s.value as { kind: string }).kind : "thrown"));
    expect(kinds.filter((k) => k === "accepted")).toHaveLength(28);
    expect(kinds[11]).toBe("rejected");
    // The rejected order is stored (a replay answers the same), with nothing allocated for it.
    expect(committedOrders(client.id)).toHaveLength(29);
    expect(committedOrders(client.id)).toContain("o-11");
    expect(committedAllocated(position.id)).toBe(28);
    expectInvariants(world);
  });

  it("answers none of a batch as a success when its commit fails, and keeps none of it", async () => {
    const position = stock(world.ctx, "SKU-G", 100);
    const client = buyer(world.ctx);
    await world.storage.durable();
    const restore = failCommitsOn(world.storage, "orders", "NEW.client_identifier = 'poison'");

    const settled = await concurrently(20, (i) =>
      must(placeOrder(world.ctx, orderInput(client.id, [["SKU-G", 1]], i === 13 ? "poison" : `p-${i}`))),
    );
    // Every use case succeeded on its own; the shared COMMIT did not.
    expect(settled.map((s) => s.status)).toEqual(Array(20).fill("rejected"));
    for (const s of settled) expect(s.status === "rejected" && s.reason).toBeInstanceOf(CommitFailedError);
    expect(world.storage.db.inTransaction).toBe(false);
    expect(committedOrders(client.id)).toEqual([]);
    expect(committedAllocated(position.id)).toBe(0);
    expect(world.storage.read((r) => r.listOrders({ clientId: client.id, limit: 50 })).total).toBe(0);
    expectInvariants(world);

    // The next batch commits as usual.
    restore();
    const again = await concurrently(3, (i) => must(placeOrder(world.ctx, orderInput(client.id, [["SKU-G", 1]], `p-${i}`))));
    expect(again.every((s) => s.status === "fulfilled")).toBe(true);
    expect(committedOrders(client.id)).toEqual(["p-0", "p-1", "p-2"]);
    expectInvariants(world);
  });
});

describe("group commit bounds", () => {
  let small: SqliteStorage;
  beforeEach(async () => {
    small = await openStorage({ path: world.storage.path, groupCommit: { maxWrites: 5, maxOpenMs: 60_000 } });
    // The shared world connection must not hold the write lock the second one needs.
    world.storage.flush();
  });
  afterEach(() => small.close());

  const ctx = () => ({ store: small, now: () => new Date("2026-11-22T12:00:00.000Z") });

  it("commits a full batch at the next write and opens another", async () => {
    stock(ctx(), "SKU-B", 100);
    const client = buyer(ctx());
    await small.durable();
    for (let i = 0; i < 12; i++) must(placeOrder(ctx(), orderInput(client.id, [["SKU-B", 1]], `b-${String(i).padStart(2, "0")}`)));
    // 12 writes with room for 5 per commit: two commits are done, the third batch is open.
    expect(committedOrders(client.id)).toHaveLength(10);
    await small.durable();
    expect(committedOrders(client.id)).toHaveLength(12);
  });

  it("lets a second connection of this process write while the first has a batch open: it commits that batch first", async () => {
    const first = buyer(world.ctx, "first");
    expect(world.storage.db.inTransaction).toBe(true);
    // Without committing the first connection's batch, this would wait out the busy timeout on a
    // lock only this (blocked) event loop could release, and fail with SQLITE_BUSY.
    const second = buyer(ctx(), "second");
    expect(world.storage.db.inTransaction).toBe(false);
    await expect(world.storage.durable()).resolves.toBeUndefined();
    await small.durable();
    expect(other.prepare("select name from clients where id in (?, ?) order by id").pluck().all(first.id, second.id)).toEqual(["first", "second"]);
  });

  it("rejects a mark taken before a batch that failed, even after a later batch opened", async () => {
    stock(ctx(), "SKU-B", 100);
    const client = buyer(ctx());
    await small.durable();
    const restore = failCommitsOn(small, "orders", "NEW.client_identifier = 'poison'");
    const before = small.commitMark();
    must(placeOrder(ctx(), orderInput(client.id, [["SKU-B", 1]], "poison")));
    for (let i = 0; i < 4; i++) must(placeOrder(ctx(), orderInput(client.id, [["SKU-B", 1]], `x-${i}`)));
    // The sixth write commits the full first batch, which fails, and opens the next one.
    must(placeOrder(ctx(), orderInput(client.id, [["SKU-B", 1]], "after")));
    await expect(small.durable(before)).rejects.toBeInstanceOf(CommitFailedError);
    // The batch open now holds only "after", and commits.
    await expect(small.durable()).resolves.toBeUndefined();
    expect(committedOrders(client.id)).toEqual(["after"]);
    restore();
  });
});
