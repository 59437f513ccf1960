import { placeOrder } from "@dropgate/core-domain";
import type { ListingEnvelope, ListingsPage, MessageBody } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, fixture, type OptoroWorld, startOptoro, unwrap, parameterMissing, queryErrorBody } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

const SAMPLE = fixture<ListingsPage>("listings.response.json");
const sampleLot = SAMPLE.listings[0]!.lot!;

/** The spec's sample lot, as an operator would record it. */
function seedSampleLot(onHand = 1) {
  return world.stock({
    sku: "S11727",
    condition: "N",
    channel: "rts_drop_ship",
    onHand,
    kind: "lot",
    lot: {
      warehouseName: sampleLot.warehouse_name ?? null,
      templateName: sampleLot.template_name,
      photoUrls: sampleLot.photo_urls ?? [],
      weight: sampleLot.weight,
      manifestItems: sampleLot.manifest_items.map((m) => ({
        identifier: m.identifier,
        itemTitle: m.item_title,
        condition: m.condition ?? null,
        manufacturer: m.manufacturer ?? null,
        upc: m.upc,
        sku: m.sku,
      })),
    },
  });
}

describe("GET /listings", () => {
  it("lists a channel's listings with available quantities, lots like the spec's sample, and record_count", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "UNIT-1", condition: "N", channel: "rts_drop_ship", onHand: 10 });
    world.stock({ sku: "UNIT-1", condition: "A", channel: "rts_drop_ship", onHand: 4 });
    world.stock({ sku: "UNIT-2", condition: "N", channel: "rts_drop_ship", onHand: 0 });
    world.stock({ sku: "UNIT-1", condition: "N", channel: "b2b", onHand: 7 });
    seedSampleLot();
    // Another buyer takes 3: the listing shows what can still be promised.
    const other = await world.buyer("other");
    unwrap(placeOrder(world.ctx, { clientId: other.clientId, clientIdentifier: "o-1", channel: "rts_drop_ship", fill: "all_or_nothing", payment: "lots", items: [{ ref: { sku: "UNIT-1", condition: "N" }, quantity: 3 }] }));

    const answer = await buyer.call<ListingsPage>("GET", "/listings", { query: { updated_at: anHourAgo(), channel: "rts_drop_ship" } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("record_count")).toBe("4");
    expect(answer.body.next_page).toBeNull();
    expect(answer.body.listings.map((l) => [l.identifier, l.condition, l.channel, l.quantity])).toEqual([
      ["UNIT-1", "N", "rts_drop_ship", 7],
      ["UNIT-1", "A", "rts_drop_ship", 4],
      ["UNIT-2", "N", "rts_drop_ship", 0],
      ["S11727", "N", "rts_drop_ship", 1],
    ]);
    expect(answer.body.listings[0]!.lot).toBeUndefined();
    const lot = answer.body.listings[3]!;
    const { created_at: _c, updated_at: _u, ...sampleWithoutTimes } = SAMPLE.listings[0]!;
    const { created_at: _lc, updated_at: _lu, ...sampleLotWithoutTimes } = sampleLot;
    expect({ ...lot, created_at: undefined, updated_at: undefined, lot: { ...lot.lot, created_at: undefined, updated_at: undefined } }).toEqual({
      ...sampleWithoutTimes,
      created_at: undefined,
      updated_at: undefined,
      lot: { ...sampleLotWithoutTimes, created_at: undefined, updated_at: undefined },
    });
  });

  it("filters by condition, and a sold lot shows quantity 0", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "UNIT-1", condition: "N", channel: "rts_drop_ship", onHand: 10 });
    world.stock({ sku: "UNIT-1", condition: "B", channel: "rts_drop_ship", onHand: 2 });
    seedSampleLot();
    unwrap(placeOrder(world.ctx, { clientId: buyer.clientId, clientIdentifier: "lot-1", channel: "rts_drop_ship", fill: "all_or_nothing", payment: "lots", items: [{ ref: { sku: "S11727", condition: "N" }, quantity: 1 }] }));
    const n = await buyer.call<ListingsPage>("GET", "/listings", { query: { updated_at: anHourAgo(), channel: "rts_drop_ship", condition: "N" } });
    expect(n.body.listings.map((l) => [l.identifier, l.quantity])).toEqual([
      ["UNIT-1", 10],
      ["S11727", 0],
    ]);
    expect(n.headers.get("record_count")).toBe("2");
  });

  it("answers 400 naming a missing required parameter, Optoro's texts for bad updated_at and per_page", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const cases: [Record<string, string>, number, string][] = [
      [{ channel: "rts_drop_ship" }, 400, "param is missing or the value is empty: updated_at"],
      [{ updated_at: anHourAgo() }, 400, "param is missing or the value is empty: channel"],
      [{ updated_at: "last tuesday", channel: "rts_drop_ship" }, 400, "Invalid updated_at date"],
      [{ updated_at: "2020-01-01T00:00:00", channel: "rts_drop_ship" }, 422, "Invalid updated_at date; should not be older than 3 months"],
      [{ updated_at: anHourAgo(), channel: "rts_drop_ship", per_page: "101" }, 400, "Invalid per_page"],
      [{ updated_at: anHourAgo(), channel: "rts_drop_ship", per_page: "ten" }, 400, "Invalid per_page"],
      [{ updated_at: anHourAgo(), channel: "rts_drop_ship", condition: "Z" }, 400, "Invalid condition; expected one of N, A, B, R"],
    ];
    for (const [query, status, message] of cases) {
      const answer = await buyer.call<MessageBody>("GET", "/listings", { query });
      expect([answer.status, answer.body]).toEqual([status, queryErrorBody(message)]);
    }
  });

  it("accepts per_page 100 and an updated_at just inside three months", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const almostThreeMonths = new Date(Date.now() - 85 * 86_400_000).toISOString();
    const answer = await buyer.call("GET", "/listings", { query: { updated_at: almostThreeMonths, channel: "rts_drop_ship", per_page: 100 } });
    expect(answer.status).toBe(200);
  });
});

describe("GET /listings/{id}", () => {
  it("shows a listing by sku and condition, the default channel first, another channel on request", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "UNIT-1", condition: "N", channel: "b2b", onHand: 7 });
    world.stock({ sku: "UNIT-1", condition: "N", channel: "rts_drop_ship", onHand: 3 });
    const show = await buyer.call<ListingEnvelope>("GET", "/listings/UNIT-1", { query: { condition: "N" } });
    expect(show.status).toBe(200);
    expect(show.body.listing).toMatchObject({ identifier: "UNIT-1", condition: "N", channel: "rts_drop_ship", quantity: 3 });
    const b2b = await buyer.call<ListingEnvelope>("GET", "/listings/UNIT-1", { query: { condition: "N", channel: "b2b" } });
    expect(b2b.body.listing).toMatchObject({ channel: "b2b", quantity: 7 });
  });

  it("answers 400 without condition and 404 for an unknown listing", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "UNIT-1", condition: "N", channel: "rts_drop_ship", onHand: 3 });
    const noCondition = await buyer.call("GET", "/listings/UNIT-1");
    expect([noCondition.status, noCondition.body]).toEqual([400, parameterMissing("condition")]);
    for (const query of [{ condition: "A" }, { condition: "N", channel: "b2b" }]) {
      const missing = await buyer.call("GET", "/listings/UNIT-1", { query });
      expect([missing.status, missing.body]).toEqual([404, { message: "Listing cannot be found" }]);
    }
    const unknown = await buyer.call("GET", "/listings/NOPE", { query: { condition: "N" } });
    expect(unknown.status).toBe(404);
  });
});

describe("PUT /listings/{id}", () => {
  it("takes the spec's sample: the buyer gives stock back, the listing shows the new quantity", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "S11727", condition: "N", channel: "rts_drop_ship", onHand: 4 });
    const answer = await buyer.call("PUT", "/listings/S11727", { body: fixture("update-listing.request.json") });
    expect([answer.status, answer.body]).toEqual([200, fixture("listing-updated.response.json")]);
    const show = await buyer.call<ListingEnvelope>("GET", "/listings/S11727", { query: { condition: "N" } });
    expect(show.body.listing.quantity).toBe(1);
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
  });

  it("refuses to raise the quantity with 422 naming the current one, as Optoro's example", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "S11727", condition: "N", channel: "rts_drop_ship", onHand: 4 });
    const same = await buyer.call("PUT", "/listings/S11727", { body: { condition: "N", channel: "rts_drop_ship", quantity: 4 } });
    expect(same.status).toBe(200);
    const answer = await buyer.call("PUT", "/listings/S11727", { body: { condition: "N", channel: "rts_drop_ship", quantity: 5 } });
    expect([answer.status, answer.body]).toEqual([422, { message: "Requested quantity should be less than current listing quantity: 4" }]);
    const show = await buyer.call<ListingEnvelope>("GET", "/listings/S11727", { query: { condition: "N" } });
    expect(show.body.listing.quantity).toBe(4);
  });

  it("answers 404 for an unknown listing, 422 naming a bad field, and 422 when the channel is ambiguous", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "S1", condition: "N", channel: "rts_drop_ship", onHand: 4 });
    world.stock({ sku: "S1", condition: "N", channel: "b2b", onHand: 4 });
    const unknown = await buyer.call("PUT", "/listings/NOPE", { body: { condition: "N", channel: "rts_drop_ship", quantity: 0 } });
    expect([unknown.status, unknown.body]).toEqual([404, { message: "Listing cannot be found" }]);
    const bad: [unknown, string][] = [
      [{ condition: "N", channel: "rts_drop_ship" }, "Validation failed: quantity is missing"],
      [{ condition: "N", channel: "rts_drop_ship", quantity: "2" }, "Validation failed: quantity must be a number"],
      [{ condition: "N", channel: "rts_drop_ship", quantity: -1 }, "Validation failed: quantity must be at least 0"],
      [{ channel: "rts_drop_ship", quantity: 1 }, "Validation failed: condition is missing"],
      [undefined, "Validation failed: body is missing"],
      [{ condition: "N", channel: "rts_drop_ship", quantity: 1.5 }, "Validation failed: quantity must be an integer"],
    ];
    for (const [body, message] of bad) {
      const answer = await buyer.call("PUT", "/listings/S1", { body });
      expect([answer.status, answer.body]).toEqual([422, { message }]);
    }
    const ambiguous = await buyer.call("PUT", "/listings/S1", { body: { condition: "N", quantity: 1 } });
    expect(ambiguous.status).toBe(422);
    expect(ambiguous.body).toEqual({ message: "Validation failed: channel is required, S1(N) is listed on several channels" });
  });
});
