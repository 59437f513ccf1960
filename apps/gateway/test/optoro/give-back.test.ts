import type { CreateOrderAnswer, ListingEnvelope, ListingsPage, OrderRejectedBody } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, type Buyer, type OptoroWorld, sampleOrder, startOptoro } from "./support/optoro-world.js";

/*
 * Listings are shared between buyers, so PUT /listings/{id} ("the client system does not want
 * some amount of this inventory anymore available on this channel") changes only the calling
 * buyer's listing and what it may order — never another buyer's, nor the stock itself.
 */

let world: OptoroWorld;
afterEach(() => world?.close());

const LISTINGS = () => ({ query: { updated_at: anHourAgo(), channel: "rts_drop_ship" } });

async function listed(buyer: Buyer, sku: string): Promise<number | undefined> {
  const page = await buyer.call<ListingsPage>("GET", "/listings", LISTINGS());
  expect(page.status).toBe(200);
  return page.body.listings.find((l) => l.identifier === sku)?.quantity;
}

async function shown(buyer: Buyer, sku: string): Promise<number> {
  const show = await buyer.call<ListingEnvelope>("GET", `/listings/${sku}`, { query: { condition: "N" } });
  expect(show.status).toBe(200);
  return show.body.listing.quantity;
}

function position(sku: string) {
  return world.gateway.store.read((r) => r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" }));
}

describe("PUT /listings/{id} is one buyer's give-back", () => {
  it("buyer B giving back to 0 leaves buyer A's listing at 100, and A still orders all it saw", async () => {
    world = await startOptoro();
    const a = await world.buyer("buyer-a");
    const b = await world.buyer("buyer-b");
    world.stock({ sku: "REL-T3", condition: "N", channel: "rts_drop_ship", onHand: 100 });
    expect(await listed(a, "REL-T3")).toBe(100);

    // The audit's request.
    const update = await b.call("PUT", "/listings/REL-T3", { body: { condition: "N", channel: "rts_drop_ship", quantity: 0 } });
    expect([update.status, update.body]).toEqual([200, { message: "Listing quantity updated" }]);

    expect([await listed(b, "REL-T3"), await shown(b, "REL-T3")]).toEqual([0, 0]);
    expect([await listed(a, "REL-T3"), await shown(a, "REL-T3")]).toEqual([100, 100]);
    expect(position("REL-T3")).toMatchObject({ onHand: 100, allocated: 0, reserved: 0 });

    const bOrder = await b.call<OrderRejectedBody>("POST", "/orders", { body: { order: sampleOrder("B-1", [{ sku: "REL-T3", quantity: 1, client_identifier: "b-line" }]) } });
    expect(bOrder.status).toBe(200);
    expect(bOrder.body).toEqual({
      message: "rejected",
      reason: "Insufficient Quantity for: b-line - REL-T3(N)",
      order: { client_identifier: "B-1", order_items: [{ client_identifier: "b-line", sku: "REL-T3", condition: "N", quantity: 1, available_quantity: 0 }] },
    });

    const aOrder = await a.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder("A-1", [{ sku: "REL-T3", quantity: 100 }]) } });
    expect([aOrder.status, aOrder.body]).toEqual([201, { message: "accepted", reason: "Order accepted" }]);
    expect(position("REL-T3")).toMatchObject({ onHand: 100, allocated: 100 });
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
  });

  it("a buyer that gave back to 60 still orders its 60 after another buyer took 30, and sees what its order left", async () => {
    world = await startOptoro();
    const a = await world.buyer("buyer-a");
    const b = await world.buyer("buyer-b");
    world.stock({ sku: "REL-T3", condition: "N", channel: "rts_drop_ship", onHand: 100 });
    const update = await b.call("PUT", "/listings/REL-T3", { body: { condition: "N", channel: "rts_drop_ship", quantity: 60 } });
    expect(update.status).toBe(200);
    // Raising it back is refused like any raise, naming what this buyer sees.
    const raise = await b.call("PUT", "/listings/REL-T3", { body: { condition: "N", channel: "rts_drop_ship", quantity: 61 } });
    expect([raise.status, raise.body]).toEqual([422, { message: "Requested quantity should be less than current listing quantity: 60" }]);

    const aOrder = await a.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder("A-1", [{ sku: "REL-T3", quantity: 30 }]) } });
    expect(aOrder.status).toBe(201);
    expect([await listed(a, "REL-T3"), await listed(b, "REL-T3")]).toEqual([70, 60]);

    const bOrder = await b.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder("B-1", [{ sku: "REL-T3", quantity: 20 }]) } });
    expect([bOrder.status, bOrder.body]).toEqual([201, { message: "accepted", reason: "Order accepted" }]);
    expect([await listed(a, "REL-T3"), await listed(b, "REL-T3")]).toEqual([50, 40]);
    const tooMuch = await b.call<OrderRejectedBody>("POST", "/orders", { body: { order: sampleOrder("B-2", [{ sku: "REL-T3", quantity: 41 }]) } });
    expect(tooMuch.status).toBe(200);
    expect(tooMuch.body.order?.order_items[0]?.available_quantity).toBe(40);
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
  });

  it("concurrent orders of two buyers over a capped position never oversell", async () => {
    world = await startOptoro();
    const a = await world.buyer("buyer-a");
    const b = await world.buyer("buyer-b");
    world.stock({ sku: "LAST-10", condition: "N", channel: "rts_drop_ship", onHand: 10 });
    expect((await b.call("PUT", "/listings/LAST-10", { body: { condition: "N", channel: "rts_drop_ship", quantity: 4 } })).status).toBe(200);
    const answers = await Promise.all(
      Array.from({ length: 16 }, (_, i) => {
        const buyer = i % 2 === 0 ? a : b;
        return buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order: sampleOrder(`R-${i}`, [{ sku: "LAST-10", quantity: 1 }]) } });
      }),
    );
    const accepted = answers.map((answer, i) => [i % 2 === 0 ? "a" : "b", answer.status] as const).filter(([, status]) => status === 201);
    expect(accepted.length).toBe(10);
    expect(accepted.filter(([who]) => who === "b").length).toBeLessThanOrEqual(4);
    expect(position("LAST-10")).toMatchObject({ onHand: 10, allocated: 10 });
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
  });
});
