import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { anonymous, basic, fixtureText, readXmlAnswer, type Reseller, type RewixWorld, startRewix, withStockIds } from "./support/rewix-world.js";

/*
 * Every Rewix call in both formats, sent as the spec's own examples (package fixtures, their
 * stock_ids pointed at seeded positions), with the answer read the way real clients read it.
 */

let world: RewixWorld;
let reseller: Reseller;
let ids: { a: number; b: number };
beforeEach(async () => {
  world = await startRewix();
  world.carriers();
  ids = { a: world.stock({ sku: "RWX-A", onHand: 20, priceCents: 1_250 }).id, b: world.stock({ sku: "RWX-B", onHand: 20 }).id };
  reseller = world.reseller("reseller", { autoConfirm: true });
});
afterEach(() => world.close());

// biome-ignore lint/suspicious/noExplicitAny: tests read XML answers the loose way real clients do
const readXml = (text: string): any => readXmlAnswer(text);

const reserveXml = () => withStockIds(fixtureText("reserve.request.xml"), { 3: ids.a, 5: ids.b, 69: ids.a, 79: ids.b, 55: ids.a, 29: ids.b });
const reserveJson = () => withStockIds(fixtureText("reserve.request.json"), { 1567: ids.a, 1578: ids.b });
const sendXml = () => withStockIds(fixtureText("send-order.request.xml"), { 148148: ids.a, 148367: ids.b });
const sendJson = () => withStockIds(fixtureText("send-order.request.json"), { 1578: ids.a });

describe("reserve and reservation status", () => {
  it("XML: the spec's reserve applies lock, unlock and set in order and answers the whole reservation", async () => {
    const answer = await reseller.call("POST", "/ghost/orders/sold", { body: reserveXml() });
    expect(answer.status).toBe(200);
    expect(answer.type).toBe("application/xml");
    const root = readXml(answer.text).root;
    // lock 3 then unlock 5 (to 0) then set 10 on A; lock 10, unlock 8, set 15 on B.
    expect(root.order_id).toBe("0");
    expect(root.model).toEqual([
      { stock_id: String(ids.a), locked: "10", available: "10" },
      { stock_id: String(ids.b), locked: "15", available: "5" },
    ]);
    const status = await reseller.call("GET", "/ghost/orders/dropshipping/locked");
    expect(readXml(status.text).root.model).toEqual(root.model);
  });

  it("JSON: string values, empty operations, the same shape as the spec's answer", async () => {
    const answer = await reseller.call("POST", "/ghost/orders/sold", { body: reserveJson(), headers: { accept: "application/json" } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ models: [{ stock_id: ids.a, locked: 1, available: 19 }, { stock_id: ids.b, locked: 2, available: 18 }], order_id: 0 });
    const specShape = JSON.parse(fixtureText("reservation-status.response.json"));
    expect(Object.keys(answer.json as object).sort()).toEqual(Object.keys(specShape).sort());
    const status = await reseller.call("GET", "/ghost/orders/dropshipping/locked/", { headers: { accept: "application/json" } });
    expect(status.json).toEqual(answer.json);
  });

  it("numbers as numbers beside strings, an empty unlock element, a JSON body answered in XML", async () => {
    const body = JSON.stringify({ operations: [{ type: "lock", models: [{ stock_id: String(ids.a), quantity: 2 }] }] });
    const answer = await reseller.call("POST", "/ghost/orders/sold/", { body, headers: { accept: "application/xml" } });
    expect(answer.type).toBe("application/xml");
    expect(readXml(answer.text).root.model).toEqual([{ stock_id: String(ids.a), locked: "2", available: "18" }]);
    const empty = await reseller.call("POST", "/ghost/orders/sold", {
      body: `<root><operation type="lock"><model stock_id="${ids.b}" quantity="1"/></operation><operation type="unlock"></operation><operation type="set"/></root>`,
    });
    expect(readXml(empty.text).root.model).toHaveLength(2);
  });

  it("an unknown stock_id is a 429 naming the field, in the negotiated format, and nothing changes", async () => {
    const body = JSON.stringify({ operations: [{ type: "lock", models: [{ stock_id: ids.a, quantity: 2 }, { stock_id: 999_999, quantity: 1 }] }] });
    const json = await reseller.call("POST", "/ghost/orders/sold", { body, headers: { accept: "application/json" } });
    expect(json.status).toBe(429);
    expect(json.json).toMatchObject({ field: "operations.0.models.1.stock_id" });
    const asXml = await reseller.call("POST", "/ghost/orders/sold", { body });
    expect(asXml.status).toBe(429);
    expect(readXml(asXml.text).error.field).toBe("operations.0.models.1.stock_id");
    expect(readXml((await reseller.call("GET", "/ghost/orders/dropshipping/locked")).text).root.model).toBeUndefined();
  });
});

describe("send order", () => {
  it("XML: the spec's example; the new id is the root's order_id attribute", async () => {
    await reseller.call("POST", "/ghost/orders/sold", { body: `<root><operation type="lock"><model stock_id="${ids.a}" quantity="12"/></operation></root>` });
    const answer = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: sendXml() });
    expect(answer.status).toBe(200);
    const root = readXml(answer.text).root;
    expect(Number(root.order_id)).toBeGreaterThan(0);
    // 10 of A came from the 12 reserved: 2 stay reserved.
    expect(root.model).toEqual([{ stock_id: String(ids.a), locked: "2", available: "8" }]);
    const spec = readXml(fixtureText("send-order.response.xml")).root;
    expect(Object.keys(root).sort()).toEqual(Object.keys(spec).sort());
    const order = world.gateway.store.read((r) => r.getOrder(Number(root.order_id)))!;
    expect(order.items.map((i) => [i.positionId, i.quantity.ordered])).toEqual([[ids.a, 10], [ids.b, 15]]);
    expect(order.shippingAddress).toMatchObject({ name: "ACME srl", street: "Via Roma 1", city: "TORINO", zipCode: "10100", country: "IT", telephoneNumber: "+39 0112838474" });
  });

  it("JSON: the spec's example answers {models, order_id}", async () => {
    const answer = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: sendJson(), headers: { accept: "application/json" } });
    expect(answer.status).toBe(200);
    const body = answer.json as { models: unknown[]; order_id: number };
    expect(body.models).toEqual([]);
    expect(body.order_id).toBeGreaterThan(0);
    expect(Object.keys(body).sort()).toEqual(Object.keys(JSON.parse(fixtureText("send-order.response.json"))).sort());
  });

  it("a field the spec constrains is a 429 naming it; a body that is not XML either", async () => {
    const badDate = sendXml().replace("2017/01/31 23:59:59 +0000", "31-01-2017");
    const answer = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: badDate });
    expect(answer.status).toBe(429);
    expect(readXml(answer.text).error.field).toBe("order_list.0.date");
    const missing = await reseller.call("POST", "/ghost/orders/0/dropshipping", {
      body: sendJson().replace('"city": "TORINO",', ""),
      headers: { accept: "application/json" },
    });
    expect(missing.status).toBe(429);
    expect(missing.json).toMatchObject({ field: "order_list.0.recipient_details.address.city", message: expect.stringContaining("is missing") });
    // A day the calendar does not have, and a country code that is not ISO 3166-1 alpha-2.
    const noSuchDay = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: sendXml().replace("2017/01/31 23:59:59 +0000", "2017/02/31 23:59:59 +0000") });
    expect(noSuchDay.status).toBe(429);
    expect(readXml(noSuchDay.text).error.field).toBe("order_list.0.date");
    const country = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: sendXml().replace("<countrycode>IT</countrycode>", "<countrycode>1T</countrycode>") });
    expect(country.status).toBe(429);
    expect(readXml(country.text).error.field).toBe("order_list.0.recipient_details.address.countrycode");
    const broken = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: "<root><order_list></root>" });
    expect(broken.status).toBe(429);
    expect(readXml(broken.text).error.message).toContain("Malformed XML");
  });
});

describe("order status", () => {
  it("by key and by id, XML root/order_list/order and JSON {orders}", async () => {
    const sent = await reseller.call("POST", "/ghost/orders/0/dropshipping", { body: sendJson(), headers: { accept: "application/json" } });
    const orderId = (sent.json as { order_id: number }).order_id;
    const byKey = await reseller.call("GET", "/ghost/clientorders/clientkey/2357");
    const order = readXml(byKey.text).root.order_list.order[0];
    expect(order).toMatchObject({ order_id: String(orderId), ext_ref: "2357", status: "2", carrier_name: "UPS" });
    expect(order.last_update).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(order.parsedDate).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const byId = await reseller.call("GET", `/ghost/clientorders/serverkey/${orderId}`, { headers: { accept: "application/json" } });
    const spec = JSON.parse(fixtureText("order-status.response.json")).orders[0];
    const ours = (byId.json as { orders: Record<string, unknown>[] }).orders[0]!;
    expect(Object.keys(ours).sort()).toEqual(Object.keys(spec).sort());
    expect(ours).toMatchObject({ order_id: orderId, ext_ref: "2357", status: 2, substatus: null, tracking_code: null });
    expect(typeof ours.parsedDate).toBe("number");
  });

  it("unknown keys and ids are 404 in the negotiated format", async () => {
    expect((await reseller.call("GET", "/ghost/clientorders/clientkey/nope")).status).toBe(404);
    const json = await reseller.call("GET", "/ghost/clientorders/serverkey/424242", { headers: { accept: "application/json" } });
    expect(json.status).toBe(404);
    expect(json.json).toMatchObject({ message: "Order not found" });
    expect((await reseller.call("GET", "/ghost/clientorders/serverkey/abc")).status).toBe(404);
  });
});

describe("carriers and catalogue", () => {
  it("carriers: <collection><carrier id name/></collection> and [{id, name, cost}]", async () => {
    const asXml = readXml((await reseller.call("GET", "/export/carriers")).text);
    expect(asXml.collection.carrier).toEqual([{ id: "10", name: "DHL", cost: "14.90" }, { id: "20", name: "UPS", cost: "9.90" }]);
    const asJson = await reseller.call("GET", "/export/carriers/", { headers: { accept: "application/json" } });
    expect(asJson.json).toEqual([{ id: 10, name: "DHL", cost: 14.9 }, { id: 20, name: "UPS", cost: 9.9 }]);
  });

  it("products.json wins over an XML Accept; products.xml is XML; models carry the stock_id and availability", async () => {
    await reseller.call("POST", "/ghost/orders/sold", { body: `<root><operation type="lock"><model stock_id="${ids.a}" quantity="5"/></operation></root>` });
    const asJson = await reseller.call("GET", "/export/api/products.json?pageSize=1", { headers: { accept: "application/xml" } });
    expect(asJson.type).toBe("application/json");
    const page = asJson.json as { pageItems: { code: string; models: { id: number; availability: number; taxable: number }[] }[]; totalItems: number; totalPages: number };
    expect(page).toMatchObject({ totalItems: 2, totalPages: 2, currentPage: 1, pageSize: 1 });
    expect(page.pageItems[0]).toMatchObject({ code: "RWX-A", models: [{ id: ids.a, availability: 15, taxable: 12.5 }] });
    const second = await reseller.call("GET", "/export/api/products.xml?pageSize=1&page=2", { headers: { accept: "application/json" } });
    expect(second.type).toBe("application/xml");
    const xmlPage = readXml(second.text).page;
    expect(xmlPage).toMatchObject({ currentPage: "2", totalPages: "2", totalNumberOfElements: "2" });
    expect(xmlPage.items.item[0].code).toBe("RWX-B");
    expect(xmlPage.items.item[0].models.model[0].id).toBe(String(ids.b));
    const past = await reseller.call("GET", "/export/api/products.json?page=9");
    expect(past.json).toMatchObject({ pageItems: [], totalItems: 2 });
  });

  it("since keeps what changed, and the change shows in the next read", async () => {
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    world.stock({ sku: "RWX-B", onHand: 7 });
    const changed = await reseller.call("GET", `/export/api/products.json?since=${encodeURIComponent(since)}`);
    expect((changed.json as { pageItems: { code: string; availability: number }[] }).pageItems).toEqual([expect.objectContaining({ code: "RWX-B", availability: 7 })]);
    const bad = await reseller.call("GET", "/export/api/products.json?since=yesterday");
    expect(bad.status).toBe(429);
    expect(bad.json).toMatchObject({ field: "since" });
  });
});

describe("transport", () => {
  it("401 without or with wrong credentials, in the negotiated format, with a Basic challenge", async () => {
    const none = await anonymous(world, "GET", "/ghost/orders/dropshipping/locked");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Basic /);
    expect(readXml(none.text).error.message).toMatch(/Authentication required/);
    const wrong = await anonymous(world, "GET", "/export/carriers", basic(reseller.key, "wrong"));
    expect(wrong.status).toBe(401);
  });

  it("406 for an Accept that allows neither XML nor JSON", async () => {
    const answer = await reseller.call("GET", "/export/carriers", { headers: { accept: "text/html" } });
    expect(answer.status).toBe(406);
    expect(answer.type).toBe("application/xml");
  });

  it("a GET with Content-Type XML and no body is served normally", async () => {
    const answer = await reseller.call("GET", "/ghost/orders/dropshipping/locked", { headers: { "content-type": "application/xml" } });
    expect(answer.status).toBe(200);
  });

  it("an XML attack is refused with 429 and changes nothing; a 10 MB body is refused by size", async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE root [<!ENTITY x SYSTEM "file:///etc/passwd">]><root><operation type="lock"><model stock_id="${ids.a}" quantity="&x;"/></operation></root>`;
    const answer = await reseller.call("POST", "/ghost/orders/sold", { body: xxe });
    expect(answer.status).toBe(429);
    expect(answer.text).not.toContain("root:");
    const big = `<root>${`<operation type="lock"><model stock_id="${ids.a}" quantity="1"/></operation>`.repeat(150_000)}</root>`;
    const huge = await reseller.call("POST", "/ghost/orders/sold", { body: big });
    expect(huge.status).toBe(413);
    expect(world.gateway.store.read((r) => r.getPositionById(ids.a))?.reserved).toBe(0);
  });

  it("the OpenAPI document describes both media types", async () => {
    const document = world.api.document("/rewix") as { paths: Record<string, Record<string, { requestBody?: { content: object }; responses: Record<string, { content?: object }> }>> };
    const send = document.paths["/restful/ghost/orders/0/dropshipping"]?.post;
    expect(Object.keys(send?.requestBody?.content ?? {})).toEqual(expect.arrayContaining(["application/xml", "application/json"]));
    expect(Object.keys(send?.responses["200"]?.content ?? {})).toEqual(expect.arrayContaining(["application/xml", "application/json"]));
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(["/restful/export/api/products", "/restful/export/carriers"]));
  });
});
