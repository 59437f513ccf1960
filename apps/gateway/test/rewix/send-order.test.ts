import { cancelOrder, confirmPayment, recordShipment, upsertProduct } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { unwrap } from "../optoro/support/optoro-world.js";
import { readXmlAnswer, type Reseller, type RewixWorld, startRewix } from "./support/rewix-world.js";

/*
 * The send-order rules over HTTP: reservation first then stock, the silent cap, the abort on an
 * unknown stock_id, every autoConfirm branch, replays of a key, and the order's life after it.
 */

let world: RewixWorld;
beforeEach(async () => {
  world = await startRewix();
});
afterEach(() => world.close());

interface Line {
  readonly stockId: number;
  readonly quantity: number;
}

/** One order in the spec's JSON shape. */
function orderJson(key: string, lines: readonly Line[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({
    order_list: [
      {
        key,
        date: "2026/11/30 10:00:00 +0000",
        carrierId: "10",
        recipient_details: {
          recipient: "Mario Rossi",
          careof: "ACME srl",
          address: { street_type: "Via", street_name: "Roma", address_number: "1", zip: "10100", city: "TORINO", province: "TO", countrycode: "IT" },
          phone: { prefix: "+39", number: "0112838474" },
        },
        item_list: lines.map((l) => ({ stock_id: String(l.stockId), quantity: l.quantity })),
        ...extra,
      },
    ],
  });
}

async function send(reseller: Reseller, key: string, lines: readonly Line[], extra: Record<string, unknown> = {}) {
  const answer = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: orderJson(key, lines, extra), headers: { accept: "application/json" } });
  return { status: answer.status, body: answer.json as { order_id: number; models: { stock_id: number; locked: number; available: number }[]; message?: string; field?: string } };
}

function orderOf(id: number) {
  return world.gateway.store.read((r) => r.getOrder(id))!;
}

function position(id: number) {
  return world.gateway.store.read((r) => r.getPositionById(id))!;
}

describe("lines, caps and aborts", () => {
  it("takes the reservation first, then available stock; more than both is capped silently", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { autoConfirm: true });
    const other = world.reseller("r2");
    await reseller.call("POST", "/ghost/orders/sold", { body: `<root><operation type="lock"><model stock_id="${a.id}" quantity="3"/></operation></root>` });
    await other.call("POST", "/ghost/orders/sold", { body: `<root><operation type="lock"><model stock_id="${a.id}" quantity="4"/></operation></root>` });
    const sent = await send(reseller, "K1", [{ stockId: a.id, quantity: 50 }]);
    expect(sent.status).toBe(200);
    expect(orderOf(sent.body.order_id).items[0]?.quantity.ordered).toBe(6);
    expect(sent.body.models).toEqual([]);
    expect(position(a.id)).toMatchObject({ allocated: 6, reserved: 4 });
  });

  it("a stock_id that does not exist aborts the order with nothing changed", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { autoConfirm: true });
    await reseller.call("POST", "/ghost/orders/sold", { body: `<root><operation type="lock"><model stock_id="${a.id}" quantity="2"/></operation></root>` });
    const sent = await send(reseller, "K1", [{ stockId: a.id, quantity: 1 }, { stockId: 987_654, quantity: 1 }]);
    expect(sent.status).toBe(429);
    expect(sent.body).toMatchObject({ field: "order_list.0.item_list.1.stock_id" });
    expect(position(a.id)).toMatchObject({ allocated: 0, reserved: 2 });
    expect((await reseller.call("GET", "/ghost/clientorders/clientkey/K1")).status).toBe(404);
  });

  it("each order of a list is its own transaction: the ones before a failing order stay", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { autoConfirm: true });
    const first = JSON.parse(orderJson("L1", [{ stockId: a.id, quantity: 2 }])).order_list[0];
    const second = JSON.parse(orderJson("L2", [{ stockId: 555_555, quantity: 1 }])).order_list[0];
    const answer = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: JSON.stringify({ order_list: [first, second] }), headers: { accept: "application/json" } });
    expect(answer.status).toBe(429);
    expect(answer.json).toMatchObject({ field: "order_list.1.item_list.0.stock_id" });
    expect((await reseller.call("GET", "/ghost/clientorders/clientkey/L1")).status).toBe(200);
    expect(position(a.id).allocated).toBe(2);
  });
});

describe("autoConfirm", () => {
  it("ecredit covers the cost: confirmed (2), ecredit debited, the vendor's PO raised with the recipient", async () => {
    world.carriers();
    unwrap(upsertProduct(world.ctx, { sku: "V1", vendorId: "27", vpc: "ABC" }));
    const v = world.stock({ sku: "V1", onHand: 10, priceCents: 2_000 });
    const reseller = world.reseller("r1", { ecreditCents: 10_000 });
    const sent = await send(reseller, "K1", [{ stockId: v.id, quantity: 2 }]);
    const order = orderOf(sent.body.order_id);
    expect(order.status).toBe("accepted");
    expect(world.gateway.store.read((r) => r.getClient(reseller.clientId))?.ecreditCents).toBe(10_000 - 4_000 - 1_490);
    const pos = world.gateway.store.read((r) => r.listPurchaseOrders({ orderId: order.id, limit: 10 }).rows);
    expect(pos).toHaveLength(1);
    expect(order.shippingAddress).toMatchObject({ name: "Mario Rossi", street2: "c/o ACME srl", street: "Via Roma 1", state: "TO" });
    const status = readXmlAnswer((await reseller.call("GET", `/ghost/clientorders/serverkey/${order.id}`)).text) as { root: { order_list: { order: { status: string }[] } } };
    expect(status.root.order_list.order[0]?.status).toBe("2");
  });

  it("ecredit short and auto-confirm off: booked (5), stock held, no PO; the operator confirms", async () => {
    world.carriers();
    unwrap(upsertProduct(world.ctx, { sku: "V1", vendorId: "27", vpc: "ABC" }));
    const v = world.stock({ sku: "V1", onHand: 10, priceCents: 2_000 });
    const reseller = world.reseller("r1", { ecreditCents: 100 });
    const sent = await send(reseller, "K1", [{ stockId: v.id, quantity: 2 }]);
    expect(orderOf(sent.body.order_id).status).toBe("pending_payment");
    expect(position(v.id).allocated).toBe(2);
    expect(world.gateway.store.read((r) => r.listPurchaseOrders({ orderId: sent.body.order_id, limit: 10 }).total)).toBe(0);
    const booked = await reseller.call("GET", "/ghost/clientorders/clientkey/K1", { headers: { accept: "application/json" } });
    expect((booked.json as { orders: { status: number }[] }).orders[0]?.status).toBe(5);
    unwrap(confirmPayment(world.ctx, { orderId: sent.body.order_id }));
    expect(world.gateway.store.read((r) => r.listPurchaseOrders({ orderId: sent.body.order_id, limit: 10 }).total)).toBe(1);
    expect(world.gateway.store.read((r) => r.getClient(reseller.clientId))?.ecreditCents).toBe(100);
  });

  it("the operator cancels a booked order: its stock returns and the status is 2000", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1");
    const sent = await send(reseller, "K1", [{ stockId: a.id, quantity: 4 }]);
    unwrap(cancelOrder(world.ctx, { orderId: sent.body.order_id }));
    expect(position(a.id).allocated).toBe(0);
    const status = await reseller.call("GET", "/ghost/clientorders/clientkey/K1", { headers: { accept: "application/json" } });
    expect((status.json as { orders: { status: number }[] }).orders[0]?.status).toBe(2000);
  });

  it("the auto-confirm setting confirms without touching ecredit", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { ecreditCents: 50, autoConfirm: true });
    const sent = await send(reseller, "K1", [{ stockId: a.id, quantity: 1 }]);
    expect(orderOf(sent.body.order_id).status).toBe("accepted");
    expect(world.gateway.store.read((r) => r.getClient(reseller.clientId))?.ecreditCents).toBe(50);
  });

  it("autoConfirm false (as a string) keeps the order booked even when it could confirm", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { ecreditCents: 1_000_000, autoConfirm: true });
    const sent = await send(reseller, "K1", [{ stockId: a.id, quantity: 1 }], { autoConfirm: "false" });
    expect(orderOf(sent.body.order_id).status).toBe("pending_payment");
    expect(world.gateway.store.read((r) => r.getClient(reseller.clientId))?.ecreditCents).toBe(1_000_000);
  });

  it("a carrierId not in the list gets the default carrier; without a default the order stays booked", async () => {
    world.carriers(true);
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { autoConfirm: true });
    const withDefault = await send(reseller, "K1", [{ stockId: a.id, quantity: 1 }], { carrierId: "999" });
    expect(orderOf(withDefault.body.order_id)).toMatchObject({ status: "accepted", carrierId: 20 });
    const none = await send(reseller, "K2", [{ stockId: a.id, quantity: 1 }], { carrierId: "" });
    expect(orderOf(none.body.order_id)).toMatchObject({ status: "accepted", carrierId: 20 });
    world.carriers(false);
    const noDefault = await send(reseller, "K3", [{ stockId: a.id, quantity: 1 }], { carrierId: "999" });
    expect(orderOf(noDefault.body.order_id)).toMatchObject({ status: "pending_payment", carrierId: null });
  });
});

describe("idempotency by key", () => {
  it("the same order again answers the first result and creates nothing; XML and JSON spellings are the same order", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { autoConfirm: true });
    await reseller.call("POST", "/ghost/orders/sold", { body: `<root><operation type="lock"><model stock_id="${a.id}" quantity="5"/></operation></root>` });
    const first = await send(reseller, "K1", [{ stockId: a.id, quantity: 2 }]);
    const again = await send(reseller, "K1", [{ stockId: a.id, quantity: 2 }]);
    expect(again).toEqual(first);
    const asXml = await reseller.call("POST", "/ghost/orders/0/dropshipping", {
      body: `<root><order_list><order><item_list><item><quantity>2</quantity><stock_id>${a.id}</stock_id></item></item_list><key>K1</key><date>2026/11/30 10:00:00 +0000</date><carrierId>10</carrierId><recipient_details><recipient>Mario Rossi</recipient><careof>ACME srl</careof><address><street_type>Via</street_type><street_name>Roma</street_name><address_number>1</address_number><zip>10100</zip><city>TORINO</city><province>TO</province><countrycode>IT</countrycode></address><phone><prefix>+39</prefix><number>0112838474</number></phone></recipient_details></order></order_list></root>`,
    });
    expect(asXml.status).toBe(200);
    expect((readXmlAnswer(asXml.text) as { root: { order_id: string } }).root.order_id).toBe(String(first.body.order_id));
    expect(position(a.id)).toMatchObject({ allocated: 2, reserved: 3 });
    expect(world.gateway.store.read((r) => r.listOrders({ clientId: reseller.clientId, limit: 10 }).total)).toBe(1);
  });

  it("a key already used for a different order is refused with 429 naming the key", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { autoConfirm: true });
    await send(reseller, "K1", [{ stockId: a.id, quantity: 2 }]);
    const other = await send(reseller, "K1", [{ stockId: a.id, quantity: 3 }]);
    expect(other.status).toBe(429);
    expect(other.body).toMatchObject({ field: "order_list.0.key", message: expect.stringContaining("already used") });
    expect(position(a.id).allocated).toBe(2);
  });
});

describe("after the order", () => {
  it("a shipment shows as dispatched (3) with its tracking code and URL", async () => {
    world.carriers();
    const a = world.stock({ sku: "A", onHand: 10 });
    const reseller = world.reseller("r1", { autoConfirm: true });
    const sent = await send(reseller, "K1", [{ stockId: a.id, quantity: 1 }]);
    const order = orderOf(sent.body.order_id);
    unwrap(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "1Z999", carrier: "UPS", items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] }));
    const status = await reseller.call("GET", "/ghost/clientorders/clientkey/K1", { headers: { accept: "application/json" } });
    expect((status.json as { orders: unknown[] }).orders[0]).toMatchObject({ status: 3, tracking_code: "1Z999", tracking_url: "https://www.ups.com/track?tracknum=1Z999", carrier_name: "UPS" });
  });
});
