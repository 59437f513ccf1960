import { availableOf, createClient } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sampleOrder, unwrap } from "../optoro/support/optoro-world.js";
import { type Reseller, type RewixWorld, startRewix } from "./support/rewix-world.js";

let world: RewixWorld;
beforeEach(async () => {
  world = await startRewix();
  world.carriers();
});
afterEach(() => world.close());

/** An Optoro buyer on the same gateway: a token over HTTP, then orders over Drop Ship. */
async function optoroBuyer(name: string) {
  const issued = unwrap(createClient(world.ctx, { name, dialect: "optoro", scope: "buyer" }));
  const token = await fetch(`${world.gateway.baseUrl}/optoro/auth/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ grant_type: "client_credentials", client_id: issued.key, client_secret: issued.secret }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  return (identifier: string, sku: string, quantity: number) =>
    fetch(`${world.gateway.baseUrl}/optoro/drop-ship/orders`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token.access_token}`, "optiturn-dropship-version": "2023-08-15" },
      body: JSON.stringify({ order: sampleOrder(identifier, [{ sku, quantity }]) }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { message: string } }));
}

function sendBody(key: string, stockId: number, quantity: number): string {
  return `<root><order_list><order><key>${key}</key><date>2026/11/30 10:00:00 +0000</date><recipient_details><recipient>R</recipient><address><street_name>Roma 1</street_name><zip>10100</zip><city>TORINO</city><countrycode>IT</countrycode></address></recipient_details><item_list><item><stock_id>${stockId}</stock_id><quantity>${quantity}</quantity></item></item_list></order></order_list></root>`;
}

const lock = (reseller: Reseller, stockId: number, quantity: number) =>
  reseller.call("POST", "/ghost/orders/sold", { body: `<root><operation type="lock"><model stock_id="${stockId}" quantity="${quantity}"/></operation></root>`, headers: { accept: "application/json" } });

describe("racing for the same stock across dialects", () => {
  it("reservations, Rewix orders and Optoro orders never oversell and the ledger stays whole", async () => {
    const position = world.stock({ sku: "RACE", onHand: 30 });
    const resellers = Array.from({ length: 6 }, (_, i) => world.reseller(`reseller-${i}`, { autoConfirm: true }));
    const buyers = await Promise.all([0, 1, 2].map((i) => optoroBuyer(`optoro-${i}`)));
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 12; i++) {
      const reseller = resellers[i % resellers.length]!;
      calls.push(lock(reseller, position.id, 3));
      calls.push(reseller.call("POST", "/ghost/orders/0/dropshipping", { body: sendBody(`K-${i}`, position.id, 2), headers: { accept: "application/json" } }));
      calls.push(buyers[i % buyers.length]!(`opt-${i}`, "RACE", 2));
    }
    const settled = await Promise.allSettled(calls);
    expect(settled.filter((s) => s.status === "rejected")).toEqual([]);

    const after = world.gateway.store.read((r) => r.getPositionById(position.id))!;
    expect(after.onHand).toBe(30);
    expect(after.allocated + after.reserved).toBeLessThanOrEqual(30);
    expect(availableOf(after)).toBeGreaterThanOrEqual(0);
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
    // Everything held is explained: the buyers' reservations and the orders' allocations.
    const reserved = resellers.reduce((sum, r) => sum + (world.gateway.store.read((s) => s.getReservation(r.clientId, position.id))?.locked ?? 0), 0);
    expect(reserved).toBe(after.reserved);
    const orders = world.gateway.store.read((r) => r.listOrders({ limit: 1000 }).rows);
    const allocated = orders.flatMap((o) => o.items).reduce((sum, item) => sum + item.quantity.allocated, 0);
    expect(allocated).toBe(after.allocated);
  });

  it("an Optoro order for what a reseller holds is rejected; the catalogue shows what is left", async () => {
    const position = world.stock({ sku: "HELD", onHand: 5 });
    const reseller = world.reseller("holder");
    await lock(reseller, position.id, 4);
    const buyer = await optoroBuyer("optoro");
    expect((await buyer("o-1", "HELD", 2)).body.message).toBe("rejected");
    expect((await buyer("o-2", "HELD", 1)).body.message).toBe("accepted");
    const page = await reseller.call("GET", "/export/api/products.json");
    expect((page.json as { pageItems: { models: { availability: number }[] }[] }).pageItems[0]?.models[0]?.availability).toBe(0);
  });
});

describe("tenancy", () => {
  it("a reseller never sees or changes another's reservation or orders", async () => {
    const position = world.stock({ sku: "T", onHand: 10 });
    const alice = world.reseller("alice", { autoConfirm: true });
    const bob = world.reseller("bob", { autoConfirm: true });
    await lock(alice, position.id, 4);
    const sent = await alice.call("POST", "/ghost/orders/0/dropshipping", { body: sendBody("SAME", position.id, 1), headers: { accept: "application/json" } });
    const aliceOrder = (sent.json as { order_id: number }).order_id;

    expect((await bob.call("GET", "/ghost/orders/dropshipping/locked", { headers: { accept: "application/json" } })).json).toEqual({ models: [], order_id: 0 });
    expect((await bob.call("GET", "/ghost/clientorders/clientkey/SAME")).status).toBe(404);
    expect((await bob.call("GET", `/ghost/clientorders/serverkey/${aliceOrder}`)).status).toBe(404);
    // Bob's unlock and set touch only Bob's reservation.
    await bob.call("POST", "/ghost/orders/sold", { body: `<root><operation type="unlock"><model stock_id="${position.id}" quantity="3"/></operation><operation type="set"><model stock_id="${position.id}" quantity="0"/></operation></root>` });
    expect(world.gateway.store.read((r) => r.getReservation(alice.clientId, position.id))?.locked).toBe(3);
    // The same key is Bob's own order, not a replay of Alice's.
    const bobs = await bob.call("POST", "/ghost/orders/0/dropshipping", { body: sendBody("SAME", position.id, 2), headers: { accept: "application/json" } });
    expect(bobs.status).toBe(200);
    expect((bobs.json as { order_id: number }).order_id).not.toBe(aliceOrder);
    expect(world.gateway.store.read((r) => r.getOrder(aliceOrder))?.items[0]?.quantity.ordered).toBe(1);
  });

  it("an Optoro buyer's credentials are not a reseller's", async () => {
    const issued = unwrap(createClient(world.ctx, { name: "optoro-buyer", dialect: "optoro", scope: "buyer" }));
    const answer = await fetch(`${world.gateway.baseUrl}/rewix/restful/export/carriers`, {
      headers: { authorization: `Basic ${Buffer.from(`${issued.key}:${issued.secret}`).toString("base64")}` },
    });
    expect(answer.status).toBe(401);
  });
});
