import fc from "fast-check";
import {
  availableOf,
  cancelOrder,
  clearBuyerCaps,
  giveBack,
  placeOrder,
  setStock,
  type StorageReader,
  visibleTo,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, failure, must, openWorld, orderInput, stock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

const KEY = { condition: "N" as const, channel: "rts_drop_ship" };
const seen = (w: World, clientId: number, sku: string) =>
  w.storage.read((r) => {
    const position = r.getPosition({ sku, ...KEY });
    return position ? visibleTo(r, clientId, position) : undefined;
  });

describe("buyer caps: a buyer's give-back is its own", () => {
  it("lowers only the giving buyer's view, never the position or another buyer's view", () => {
    const position = stock(world.ctx, "S1", 100);
    const a = buyer(world.ctx, "a");
    const b = buyer(world.ctx, "b");
    const refused = failure(giveBack(world.ctx, { clientId: b.id, sku: "S1", ...KEY, quantity: 101 }));
    expect(refused).toMatchObject({ code: "VALIDATION", details: { current: 100 } });
    expect(refused.message).toBe("Requested quantity should be less than current listing quantity: 100");
    must(giveBack(world.ctx, { clientId: b.id, sku: "S1", ...KEY, quantity: 0 }));
    expect(seen(world, b.id, "S1")).toBe(0);
    expect(seen(world, a.id, "S1")).toBe(100);
    expect(world.storage.read((r) => r.getPositionById(position.id))).toMatchObject({ onHand: 100, allocated: 0, reserved: 0 });
    expect(world.storage.read((r) => r.listMovements(position.id, { limit: 10 })).total).toBe(1);
    // B cannot order what it gave back; A still orders everything it saw.
    expect(must(placeOrder(world.ctx, orderInput(b.id, [["S1", 1]]))).kind).toBe("rejected");
    expect(must(placeOrder(world.ctx, orderInput(a.id, [["S1", 100]]))).kind).toBe("accepted");
    expect(failure(giveBack(world.ctx, { clientId: a.id, sku: "NOPE", ...KEY, quantity: 0 })).code).toBe("NOT_FOUND");
    expectInvariants(world);
  });

  it("caps what the buyer may order, shrinks with its own orders, comes back with their cancellation", () => {
    const position = stock(world.ctx, "S1", 100);
    const a = buyer(world.ctx, "a");
    const b = buyer(world.ctx, "b");
    must(giveBack(world.ctx, { clientId: b.id, sku: "S1", ...KEY, quantity: 60 }));
    const tooMany = must(placeOrder(world.ctx, orderInput(b.id, [["S1", 61]])));
    if (tooMany.kind !== "rejected") expect.fail(`expected a rejection, got ${tooMany.kind}`);
    expect(tooMany.shortages).toEqual([expect.objectContaining({ requested: 61, available: 60 })]);
    const placed = must(placeOrder(world.ctx, orderInput(b.id, [["S1", 10]])));
    expect(placed.kind).toBe("accepted");
    expect(seen(world, b.id, "S1")).toBe(50);
    // Another buyer's orders lower B's view only once the shared stock runs below B's cap.
    must(placeOrder(world.ctx, orderInput(a.id, [["S1", 30]])));
    expect(seen(world, b.id, "S1")).toBe(50);
    must(placeOrder(world.ctx, orderInput(a.id, [["S1", 20]])));
    expect(world.storage.read((r) => availableOf(r.getPositionById(position.id)!))).toBe(40);
    expect(seen(world, b.id, "S1")).toBe(40);
    must(cancelOrder(world.ctx, { orderId: placed.order.id }));
    expect(seen(world, b.id, "S1")).toBe(50);
    const movements = world.storage.read((r) => r.listBuyerCapMovements(b.id, position.id));
    expect(movements.map((m) => [m.kind, m.delta, m.capAfter])).toEqual([
      ["give_back", 60, 60],
      ["order", -10, 50],
      ["cancellation", 10, 60],
    ]);
    expectInvariants(world);
  });

  it("gives nothing back on cancelling an order placed before the give-back", () => {
    stock(world.ctx, "S1", 100);
    const b = buyer(world.ctx, "b");
    const early = must(placeOrder(world.ctx, orderInput(b.id, [["S1", 10]])));
    must(giveBack(world.ctx, { clientId: b.id, sku: "S1", ...KEY, quantity: 20 }));
    must(cancelOrder(world.ctx, { orderId: early.order.id }));
    expect(seen(world, b.id, "S1")).toBe(20);
    expectInvariants(world);
  });

  it("lets the operator clear one cap or all of a buyer's, in the audit", () => {
    const s1 = stock(world.ctx, "S1", 10);
    stock(world.ctx, "S2", 10);
    const b = buyer(world.ctx, "b");
    must(giveBack(world.ctx, { clientId: b.id, sku: "S1", ...KEY, quantity: 1 }));
    must(giveBack(world.ctx, { clientId: b.id, sku: "S2", ...KEY, quantity: 2 }));
    expect(world.storage.read((r) => r.listBuyerCaps({ clientId: b.id })).map((c) => c.cap)).toEqual([1, 2]);
    expect(must(clearBuyerCaps(world.ctx, { clientId: b.id, positionId: s1.id, reason: "asked by phone" })).cleared).toHaveLength(1);
    expect(seen(world, b.id, "S1")).toBe(10);
    expect(seen(world, b.id, "S2")).toBe(2);
    expect(failure(clearBuyerCaps(world.ctx, { clientId: b.id, positionId: s1.id })).code).toBe("NOT_FOUND");
    expect(must(clearBuyerCaps(world.ctx, { clientId: b.id })).cleared).toHaveLength(1);
    expect(world.storage.read((r) => r.listBuyerCaps({}))).toEqual([]);
    const cleared = world.storage.read((r) => r.listBuyerCapMovements(b.id, s1.id)).at(-1);
    expect(cleared).toMatchObject({ kind: "cleared", delta: -1, capAfter: null, cause: { type: "operator", ref: "asked by phone" } });
    expectInvariants(world);
  });

  it("the system check finds a cap that disagrees with its movements", () => {
    const s1 = stock(world.ctx, "S1", 10);
    const b = buyer(world.ctx, "b");
    must(giveBack(world.ctx, { clientId: b.id, sku: "S1", ...KEY, quantity: 4 }));
    world.storage.db.prepare("update buyer_caps set cap = 7").run();
    expect(world.storage.read((r) => r.checkInvariants())).toEqual([
      { positionId: s1.id, problem: `client ${b.id}'s cap is 7 but its movements sum to 4` },
    ]);
    world.storage.db.prepare("delete from buyer_caps").run();
    expect(world.storage.read((r) => r.checkInvariants())[0]?.problem).toBe(`client ${b.id}'s cap is absent but its movements sum to 4`);
    world.storage.db.prepare("delete from buyer_cap_movements").run();
    world.storage.db.prepare(`insert into buyer_caps values (${b.id}, ${s1.id}, 3, '2026-11-22T12:00:00.000Z')`).run();
    expect(world.storage.read((r) => r.checkInvariants())[0]?.problem).toBe(`client ${b.id}'s cap 3 has no movements`);
  });
});

/*
 * Property: buyer B's listing updates never change what buyer A sees or how A's orders turn out.
 * The same random sequence of operator stock, A's orders and A's own give-backs runs in two
 * worlds; only one of them also gets B's give-backs. After every step A's view of every
 * position, each of A's order outcomes and every position's buckets agree between the worlds.
 */
const SKUS = ["S1", "S2"] as const;
const caseStep = fc.oneof(
  fc.record({ op: fc.constant("stock" as const), sku: fc.constantFrom(...SKUS), quantity: fc.nat(12) }),
  fc.record({ op: fc.constant("order" as const), sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({ op: fc.constant("aGivesBack" as const), sku: fc.constantFrom(...SKUS), quantity: fc.nat(12) }),
  fc.record({ op: fc.constant("bGivesBack" as const), sku: fc.constantFrom(...SKUS), quantity: fc.nat(12) }),
);
type CaseStep = typeof caseStep extends fc.Arbitrary<infer T> ? T : never;

/** Runs one step in one world; B's give-backs only where `withB`. Answers what happened, to compare. */
function runCaseStep(w: World, ids: { a: number; b: number }, placed: number[], s: CaseStep, n: number, withB: boolean): string | boolean {
  switch (s.op) {
    case "stock":
      return setStock(w.ctx, { sku: s.sku, ...KEY, onHand: s.quantity }).ok;
    case "order": {
      const result = placeOrder(w.ctx, orderInput(ids.a, [[s.sku, s.quantity]], `a-${n}`));
      if (result.ok && result.value.kind === "accepted") placed.push(result.value.order.id);
      return result.ok ? result.value.kind : result.error.code;
    }
    case "cancel": {
      const orderId = placed[s.pick % Math.max(1, placed.length)];
      return orderId === undefined ? "none" : cancelOrder(w.ctx, { orderId }).ok;
    }
    case "aGivesBack": {
      const result = giveBack(w.ctx, { clientId: ids.a, sku: s.sku, ...KEY, quantity: s.quantity });
      return result.ok ? "ok" : result.error.code;
    }
    case "bGivesBack":
      return withB ? giveBack(w.ctx, { clientId: ids.b, sku: s.sku, ...KEY, quantity: s.quantity }).ok : "skipped";
  }
}

function snapshot(r: StorageReader, clientId: number) {
  return SKUS.map((sku) => {
    const p = r.getPosition({ sku, ...KEY });
    return p && { sku, onHand: p.onHand, allocated: p.allocated, reserved: p.reserved, seenByA: visibleTo(r, clientId, p) };
  });
}

describe("buyer caps property", () => {
  it("no sequence of one buyer's listing updates changes another buyer's listing or order outcome", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(caseStep, { minLength: 1, maxLength: 25 }), async (steps) => {
        const withB = await openWorld();
        const withoutB = await openWorld();
        try {
          const ids = [withB, withoutB].map((w) => ({ a: buyer(w.ctx, "a").id, b: buyer(w.ctx, "b").id }));
          for (const w of [withB, withoutB]) for (const sku of SKUS) stock(w.ctx, sku, 6);
          const placed: [number[], number[]] = [[], []];
          steps.forEach((s: CaseStep, n) => {
            const outcomes = [withB, withoutB].map((w, i) => runCaseStep(w, ids[i]!, placed[i]!, s, n, i === 0));
            if (s.op !== "bGivesBack") expect(outcomes[0]).toEqual(outcomes[1]);
            const views = [withB, withoutB].map((w, i) => w.storage.read((r) => snapshot(r, ids[i]!.a)));
            expect(views[0]).toEqual(views[1]);
          });
          for (const w of [withB, withoutB]) expectInvariants(w);
        } finally {
          withB.close();
          withoutB.close();
        }
      }),
      { numRuns: 40 },
    );
  });
});
