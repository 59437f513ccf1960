import type { ListingsPage, MessageBody, OrdersPage } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, DROP_SHIP, fixture, type OptoroWorld, sampleOrder, startOptoro, VERSION_HEADERS } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

const SKUS = Array.from({ length: 10 }, (_, i) => `WALK-${String(i).padStart(2, "0")}`);

function seedWalk() {
  for (const sku of SKUS) world.stock({ sku, condition: "N", channel: "rts_drop_ship", onHand: 10 });
  world.stock({ sku: "ELSEWHERE", condition: "N", channel: "b2b", onHand: 10 });
}

describe("paging with sealed keyset cursors", () => {
  it("walks 4 pages with no duplicate and no gap while orders change stock between pages", async () => {
    world = await startOptoro();
    seedWalk();
    const reader = await world.buyer("reader");
    const shopper = await world.buyer("shopper");
    const query = { updated_at: anHourAgo(), channel: "rts_drop_ship", per_page: 3 };

    const seen: { identifier: string; quantity: number }[] = [];
    const counts: (string | null)[] = [];
    let answer = await reader.call<ListingsPage>("GET", "/listings", { query });
    let orders = 0;
    for (;;) {
      expect(answer.status).toBe(200);
      counts.push(answer.headers.get("record_count"));
      seen.push(...answer.body.listings.map(({ identifier, quantity }) => ({ identifier, quantity })));
      const next = answer.body.next_page;
      if (next === null) break;
      // Between pages another buyer orders from a listing already served and from one still to come.
      const served = SKUS[seen.length - 1]!;
      const upcoming = SKUS[Math.min(seen.length + 1, SKUS.length - 1)]!;
      const placed = await shopper.call("POST", "/orders", {
        body: { order: sampleOrder(`walk-${++orders}`, [{ sku: served, quantity: 1 }, { sku: upcoming, quantity: 2 }]) },
      });
      expect(placed.status).toBe(201);
      // next_page.path is usable as it is, below the base URL.
      answer = await world.api.fetchJson<ListingsPage>(`${DROP_SHIP}${next.path}`, {
        headers: { authorization: `Bearer ${reader.token}`, ...VERSION_HEADERS },
      });
    }

    const identifiers = seen.map((l) => l.identifier);
    expect(identifiers).toEqual(SKUS);
    expect(new Set(identifiers).size).toBe(SKUS.length);
    expect(counts).toEqual(["10", "10", "10", "10"]);
    expect(orders).toBe(3);
    // Listings served after an order took stock from them show what is left.
    // (WALK-04, -07 and -09 lost 2 each before their page was served; earlier ones after.)
    expect(seen.map((l) => l.quantity)).toEqual([10, 10, 10, 10, 8, 10, 10, 8, 10, 8]);
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
  });

  it("serves a listing created during a walk at its end, never twice", async () => {
    world = await startOptoro();
    seedWalk();
    const reader = await world.buyer("reader");
    const query = { updated_at: anHourAgo(), channel: "rts_drop_ship", per_page: 4 };
    const first = await reader.call<ListingsPage>("GET", "/listings", { query });
    world.stock({ sku: "WALK-NEW", condition: "N", channel: "rts_drop_ship", onHand: 1 });
    world.stock({ sku: "WALK-00", condition: "N", channel: "rts_drop_ship", onHand: 3 });
    const rest: string[] = [];
    const counts: (string | null)[] = [first.headers.get("record_count")];
    let offset = first.body.next_page?.offset;
    while (offset) {
      const page = await reader.call<ListingsPage>("GET", "/listings", { query: { ...query, offset } });
      rest.push(...page.body.listings.map((l) => l.identifier));
      counts.push(page.headers.get("record_count"));
      offset = page.body.next_page?.offset;
    }
    expect([...first.body.listings.map((l) => l.identifier), ...rest]).toEqual([...SKUS, "WALK-NEW"]);
    // record_count is the set page 1 counted, carried in the cursor: later pages do not count
    // again, so the walk's page arithmetic holds; a new poll counts afresh.
    expect(counts).toEqual(["10", "10", "10"]);
    expect((await reader.call<ListingsPage>("GET", "/listings", { query })).headers.get("record_count")).toBe("11");
  });

  it("walks every page through the typed client's async iterators", async () => {
    world = await startOptoro();
    seedWalk();
    const buyer = await world.buyer("buyer");
    const client = buyer.client();
    const listed: string[] = [];
    for await (const listing of client.listings({ updated_at: anHourAgo(), channel: "rts_drop_ship", per_page: 3 })) {
      listed.push(listing.identifier);
    }
    expect(listed).toEqual(SKUS);

    for (const [i, sku] of SKUS.slice(0, 7).entries()) {
      await client.createOrder(sampleOrder(`IT-${i}`, [{ sku, quantity: 1 }]));
    }
    const ordered: string[] = [];
    for await (const order of client.orders({ updated_at: anHourAgo(), status: "accepted", per_page: 2 })) {
      ordered.push(order.client_identifier);
    }
    expect(ordered).toEqual(["IT-0", "IT-1", "IT-2", "IT-3", "IT-4", "IT-5", "IT-6"]);
    const page = await client.listOrders({ updated_at: anHourAgo(), status: "accepted", per_page: 2 });
    expect(page.record_count).toBe(7);
  });

  it("refuses a tampered or made-up offset with 400, never 500", async () => {
    world = await startOptoro();
    seedWalk();
    const buyer = await world.buyer("buyer");
    const query = { updated_at: anHourAgo(), channel: "rts_drop_ship", per_page: 3 };
    const first = await buyer.call<ListingsPage>("GET", "/listings", { query });
    const offset = first.body.next_page!.offset;
    const flipped = `${offset.slice(0, 10)}${offset[10] === "A" ? "B" : "A"}${offset.slice(11)}`;
    const spec = new URL(fixture<ListingsPage>("listings.response.json").next_page!.path, "http://x").searchParams.get("offset")!;
    for (const bad of [flipped, offset.slice(0, -4), `${offset}x`, "not-a-cursor", "%%%", spec]) {
      const answer = await buyer.call<MessageBody>("GET", "/listings", { query: { ...query, offset: bad } });
      expect([answer.status, answer.body]).toEqual([400, { message: "Invalid offset: it was not issued by this service or it was altered" }]);
    }
  });

  it("refuses another client's offset (foreign) and an offset presented with other filters (mismatched)", async () => {
    world = await startOptoro();
    seedWalk();
    const owner = await world.buyer("owner");
    const other = await world.buyer("other");
    const query = { updated_at: anHourAgo(), channel: "rts_drop_ship", per_page: 3 };
    const first = await owner.call<ListingsPage>("GET", "/listings", { query });
    const offset = first.body.next_page!.offset;

    const foreign = await other.call<MessageBody>("GET", "/listings", { query: { ...query, offset } });
    expect([foreign.status, foreign.body]).toEqual([400, { message: "Invalid offset: it was issued to another client" }]);

    const mismatched = "Invalid offset: it belongs to a different query; repeat the filters and per_page of the request that returned it";
    for (const changed of [{ per_page: 4 }, { channel: "b2b" }, { condition: "N" }, { updated_at: anHourAgo(new Date(Date.now() - 60_000)) }]) {
      const answer = await owner.call<MessageBody>("GET", "/listings", { query: { ...query, ...changed, offset } });
      expect([answer.status, answer.body]).toEqual([400, { message: mismatched }]);
    }
    const onOrders = await owner.call<MessageBody>("GET", "/orders", { query: { updated_at: query.updated_at, status: "accepted", per_page: 3, offset } });
    expect([onOrders.status, onOrders.body]).toEqual([400, { message: mismatched }]);

    // The same filters spelled differently (zone, parameter order) are the same query.
    const sameInstant = `${query.updated_at}Z`;
    const respelled = await owner.call<ListingsPage>("GET", "/listings", { query: { per_page: 3, channel: "rts_drop_ship", updated_at: sameInstant, offset } });
    expect(respelled.status).toBe(200);
    expect(respelled.body.listings[0]!.identifier).toBe("WALK-03");
  });

  it("answers next_page null on the last page, including an empty one", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const empty = await buyer.call<OrdersPage>("GET", "/orders", { query: { updated_at: anHourAgo(), status: "accepted" } });
    expect([empty.status, empty.body, empty.headers.get("record_count")]).toEqual([200, { orders: [], next_page: null }, "0"]);
  });
});
