import { afterEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./support/harness.js";
import { CATALOG_API_KEY, CATALOG_PREFIX, createCatalogDialect } from "./support/xml-dialect.js";
import { AUTH, DROP_SHIP, lotStock, type OptoroWorld, sampleOrder, startOptoro, VERSION_HEADERS } from "./optoro/support/optoro-world.js";

/*
 * Text that cannot be stored faithfully is refused at the door with 400 naming the field, in
 * every dialect's own envelope and media type: a lone UTF-16 surrogate written as a JSON escape,
 * and bytes that are not UTF-8 (which used to become U+FFFD without a word).
 */

const INVALID_BYTE = Buffer.from([0xff]);

/** A JSON body whose `marker` string is replaced, byte for byte, by `bytes`. */
function bodyWith(value: unknown, marker: string, bytes: Buffer): Buffer {
  const text = JSON.stringify(value);
  const at = text.indexOf(marker);
  return Buffer.concat([Buffer.from(text.slice(0, at)), bytes, Buffer.from(text.slice(at + marker.length))]);
}

async function send(baseUrl: string, path: string, headers: Record<string, string>, body: string | Buffer, method = "POST") {
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get("content-type") ?? "", text };
}

describe("Optoro dialects", () => {
  let world: OptoroWorld;
  afterEach(() => world?.close());

  it("refuses the audit's lot order with a lone surrogate in client_identifier, holding nothing", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    lotStock(world, "LOT-9");
    const order = { ...sampleOrder("P-\ud800", [{ sku: "LOT-9", quantity: 1 }]) };
    // JSON.stringify writes the lone surrogate as the escape `\ud800`, exactly as the audit sent it.
    expect(JSON.stringify(order)).toContain('"client_identifier":"P-\\ud800"');
    const answer = await buyer.call("POST", "/orders", { body: { order } });
    expect([answer.status, answer.body]).toEqual([
      400,
      { message: 'Invalid body field "order.client_identifier": holds a lone UTF-16 surrogate, which is not text' },
    ]);
    expect(world.gateway.store.read((r) => [r.counts().orders, r.getPosition({ sku: "LOT-9", condition: "N", channel: "rts_drop_ship" })?.allocated])).toEqual([0, 0]);
    // A well-formed pair (an emoji) is text and passes.
    const fine = await buyer.call("POST", "/orders", { body: { order: sampleOrder("P-😀", [{ sku: "LOT-9", quantity: 1 }]) } });
    expect(fine.status).toBe(201);
  });

  it("refuses bytes that are not UTF-8 naming the field, where they used to become U+FFFD", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const body = bodyWith({ order: sampleOrder("BYTES-1", [{ sku: "PTBQ121308", quantity: 1 }]) }, "BYTES-1", Buffer.concat([Buffer.from("B-"), INVALID_BYTE]));
    const answer = await send(world.gateway.baseUrl, `${DROP_SHIP}/orders`, { authorization: `Bearer ${buyer.token}`, "content-type": "application/json", ...VERSION_HEADERS }, body);
    expect([answer.status, JSON.parse(answer.text)]).toEqual([
      400,
      { message: 'Invalid body field "order.client_identifier": the body is not valid UTF-8 (send text as UTF-8)' },
    ]);
    // A key of the body is named as well, and a listing update too.
    const keyed = bodyWith({ condition: "N", channel: "rts_drop_ship", quantity: 0, note: 1 }, "note", Buffer.concat([Buffer.from("n"), INVALID_BYTE]));
    const update = await send(world.gateway.baseUrl, `${DROP_SHIP}/listings/PTBQ121308`, { authorization: `Bearer ${buyer.token}`, "content-type": "application/json", ...VERSION_HEADERS }, keyed, "PUT");
    expect(update.status).toBe(400);
    expect(JSON.parse(update.text).message).toBe('Invalid body field "n\uFFFD": the body is not valid UTF-8 (send text as UTF-8)');
    expect(world.gateway.store.read((r) => r.counts().orders)).toBe(0);
  });

  it("answers the token endpoint in OAuth's envelope", async () => {
    world = await startOptoro();
    const answer = await send(world.gateway.baseUrl, `${AUTH}/oauth/token`, { "content-type": "application/json" }, JSON.stringify({ grant_type: "client_credentials", client_id: "k\ud800", client_secret: "s" }));
    expect([answer.status, JSON.parse(answer.text)]).toEqual([
      400,
      { error: "invalid_request", error_description: 'Invalid body field "client_id": holds a lone UTF-16 surrogate, which is not text' },
    ]);
  });
});

describe("an XML dialect", () => {
  let gateway: TestGateway;
  afterEach(() => gateway?.close());

  it("refuses non-UTF-8 bytes in an XML body in XML, and a lone surrogate in its JSON body", async () => {
    gateway = await startTestGateway({ dialects: [createCatalogDialect()] });
    const path = `${CATALOG_PREFIX}/items?apikey=${CATALOG_API_KEY}`;
    const xml = Buffer.concat([Buffer.from('<?xml version="1.0"?><item><sku>MUG-'), INVALID_BYTE, Buffer.from("</sku><name>Mug</name><quantity>1</quantity></item>")]);
    const asXml = await send(gateway.baseUrl, path, { "content-type": "application/xml", accept: "application/xml" }, xml);
    expect(asXml.status).toBe(400);
    expect(asXml.type).toContain("application/xml");
    expect(asXml.text).toContain("<field>sku</field>");
    expect(asXml.text).toContain("the body is not valid UTF-8");
    const json = await send(gateway.baseUrl, path, { "content-type": "application/json" }, JSON.stringify({ sku: "MUG-1", name: "\udc00", quantity: 1 }));
    expect([json.status, JSON.parse(json.text)]).toEqual([
      400,
      { kind: "bad_request", message: 'Invalid body field "name": holds a lone UTF-16 surrogate, which is not text', field: "name" },
    ]);
  });
});
