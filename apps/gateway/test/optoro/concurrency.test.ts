import { availableOf } from "@dropgate/core-domain";
import type { CreateOrderAnswer, ListingEnvelope } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { type OptoroWorld, sampleOrder, startOptoro } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

describe("orders racing for the last units", () => {
  it("accepts exactly 5 of 20 concurrent orders for the last 5 units, rejects 15, and keeps the ledger whole", async () => {
    world = await startOptoro();
    const buyers = await Promise.all([0, 1, 2, 3].map((i) => world.buyer(`buyer-${i}`)));
    world.stock({ sku: "LAST-5", condition: "N", channel: "rts_drop_ship", onHand: 12 });
    // Seven are already gone: five remain.
    const early = await buyers[0]!.call("POST", "/orders", { body: { order: sampleOrder("early", [{ sku: "LAST-5", quantity: 7 }]) } });
    expect(early.status).toBe(201);

    const attempts = Array.from({ length: 20 }, (_, i) => {
      const buyer = buyers[i % buyers.length]!;
      return buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder(`race-${i}`, [{ sku: "LAST-5", quantity: 1 }]) } });
    });
    const settled = await Promise.allSettled(attempts);
    const answers = settled.map((s) => {
      if (s.status === "rejected") throw s.reason;
      return s.value;
    });

    expect(answers.filter((a) => a.status === 201 && a.body.message === "accepted")).toHaveLength(5);
    expect(answers.filter((a) => a.status === 200 && a.body.message === "rejected")).toHaveLength(15);
    const position = world.gateway.store.read((r) => r.getPosition({ sku: "LAST-5", condition: "N", channel: "rts_drop_ship" }))!;
    expect(position).toMatchObject({ onHand: 12, allocated: 12 });
    expect(availableOf(position)).toBe(0);
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
    const accepted = world.gateway.store.read((r) => r.listOrders({ status: "accepted", limit: 100 }));
    expect(accepted.total).toBe(6);
    const listing = await buyers[1]!.call<ListingEnvelope>("GET", "/listings/LAST-5", { query: { condition: "N" } });
    expect(listing.body.listing.quantity).toBe(0);
  });
});
