import fc from "fast-check";
import {
  adviseInventory,
  cancelOrder,
  completePurchaseOrder,
  markPurchaseOrdersAccepted,
  markPurchaseOrdersSubmitted,
  placeOrder,
  recordShipment,
  reserve,
  setStock,
  upsertProduct,
} from "@dropgate/core-domain";
import { describe, expect, it } from "vitest";
import { buyer, must, openWorld, type World } from "./support.js";

/*
 * Model-based property: random sequences of vendor advice, operator stock, orders, cancels,
 * reservations, PO acknowledgements with lower quantities, completions and shipments. Whatever
 * succeeds or fails, after every step the ledger invariant holds and the stock buckets agree with
 * the order lines and reservations that claim them — a half-written failure would break that.
 */

const VENDOR_SKUS = ["V1", "V2"] as const;
const OPERATOR_SKUS = ["S1", "S2"] as const;
const SKUS = [...VENDOR_SKUS, ...OPERATOR_SKUS];

const step = fc.oneof(
  fc.record({ op: fc.constant("advice" as const), sku: fc.constantFrom(...VENDOR_SKUS), quantity: fc.nat(8) }),
  fc.record({ op: fc.constant("stock" as const), sku: fc.constantFrom(...OPERATOR_SKUS), quantity: fc.nat(8) }),
  fc.record({
    op: fc.constant("order" as const),
    buyer: fc.nat(1),
    fill: fc.constantFrom("all_or_nothing" as const, "available" as const),
    lines: fc.array(fc.record({ sku: fc.constantFrom(...SKUS), quantity: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ op: fc.constant("cancel" as const), pick: fc.nat() }),
  fc.record({
    op: fc.constant("reserve" as const),
    buyer: fc.nat(1),
    sku: fc.constantFrom(...SKUS),
    type: fc.constantFrom("lock" as const, "unlock" as const, "set" as const),
    quantity: fc.nat(5),
  }),
  fc.record({ op: fc.constant("ack" as const), pick: fc.nat(), accept: fc.boolean(), cut: fc.nat(3) }),
  fc.record({ op: fc.constant("complete" as const), pick: fc.nat(), ship: fc.nat(4) }),
  fc.record({ op: fc.constant("ship" as const), pick: fc.nat(), quantity: fc.integer({ min: 1, max: 3 }) }),
);
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function checkModel(world: World) {
  world.storage.read((r) => {
    expect(r.checkInvariants()).toEqual([]);
    const orders = r.listOrders({ limit: 10_000 }).rows;
    const clients = r.listClients();
    for (const sku of SKUS) {
      const position = r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" });
      if (!position) continue;
      const allocated = orders.flatMap((o) => o.items).filter((i) => i.positionId === position.id).reduce((sum, i) => sum + i.quantity.allocated, 0);
      const reserved = clients.reduce((sum, c) => sum + (r.getReservation(c.id, position.id)?.locked ?? 0), 0);
      expect({ sku, allocated: position.allocated, reserved: position.reserved }).toEqual({ sku, allocated, reserved });
    }
  });
}

function run(world: World, buyers: number[], s: Step, n: number) {
  const ctx = world.ctx;
  const positionId = (sku: string) => world.storage.read((r) => r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" }))?.id;
  const openPos = (statuses: ("ready" | "submitted" | "accepted")[]) =>
    world.storage.read((r) => r.listPurchaseOrders({ statuses, limit: 1000 })).rows;
  switch (s.op) {
    case "advice":
      return adviseInventory(ctx, { vendorId: "27", vpc: `vpc-${s.sku}`, quantity: s.quantity });
    case "stock":
      return setStock(ctx, { sku: s.sku, condition: "N", channel: "rts_drop_ship", onHand: s.quantity });
    case "order":
      return placeOrder(ctx, {
        clientId: buyers[s.buyer]!,
        clientIdentifier: `o-${n}`,
        channel: "rts_drop_ship",
        fill: s.fill,
        payment: "none",
        items: s.lines.map((l) => ({ ref: { sku: l.sku, condition: "N" as const }, quantity: l.quantity })),
      });
    case "cancel": {
      const orders = world.storage.read((r) => r.listOrders({ limit: 1000 })).rows;
      const order = orders[s.pick % Math.max(orders.length, 1)];
      return order ? cancelOrder(ctx, { orderId: order.id }) : undefined;
    }
    case "reserve": {
      const id = positionId(s.sku);
      return id ? reserve(ctx, { clientId: buyers[s.buyer]!, operations: [{ type: s.type, positionId: id, quantity: s.quantity }] }) : undefined;
    }
    case "ack": {
      const pos = openPos(s.accept ? ["submitted"] : ["ready"]);
      const po = pos[s.pick % Math.max(pos.length, 1)];
      if (!po) return undefined;
      const item = po.items[0]!;
      const open = item.quantity.ordered - item.quantity.cancelled - item.quantity.shipped;
      const input = { vendorId: "27", records: [{ po: po.po, items: [{ poItemId: item.poItemId, quantity: Math.max(0, open - s.cut) }] }] };
      return s.accept ? markPurchaseOrdersAccepted(ctx, input) : markPurchaseOrdersSubmitted(ctx, input);
    }
    case "complete": {
      const pos = openPos(["submitted", "accepted"]);
      const po = pos[s.pick % Math.max(pos.length, 1)];
      if (!po) return undefined;
      const item = po.items[0]!;
      const quantity = Math.min(s.ship, item.quantity.ordered - item.quantity.cancelled - item.quantity.shipped);
      const packages = quantity > 0 ? [{ trackingNumber: `T${n}`, items: [{ vpc: item.vpc, quantity }] }] : [];
      return completePurchaseOrder(ctx, { vendorId: "27", po: po.po, packages });
    }
    case "ship": {
      const orders = world.storage.read((r) => r.listOrders({ limit: 1000 })).rows.filter((o) => o.items.some((i) => i.vendorId === null && i.quantity.allocated > 0));
      const order = orders[s.pick % Math.max(orders.length, 1)];
      const item = order?.items.find((i) => i.vendorId === null && i.quantity.allocated > 0);
      return order && item
        ? recordShipment(ctx, { orderId: order.id, trackingNumber: `T${n}`, items: [{ orderItemId: item.id, quantity: s.quantity }] })
        : undefined;
    }
  }
}

describe("ledger model (fast-check)", () => {
  it("the invariant and the order/reservation cross-check hold after every step of any sequence", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        const world = await openWorld();
        try {
          for (const sku of VENDOR_SKUS) must(upsertProduct(world.ctx, { sku, vendorId: "27", vpc: `vpc-${sku}` }));
          const buyers = [buyer(world.ctx, "a").id, buyer(world.ctx, "b").id];
          steps.forEach((s, n) => {
            run(world, buyers, s, n);
            checkModel(world);
          });
        } finally {
          world.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
