import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  buildXml,
  parseXml,
  ReserveRequest,
  reservationXml,
  reserveRequestXml,
  SendOrderRequest,
  sendOrderRequestXml,
} from "../src/index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

/** Decodes an XML request the way the dialect does: safe parse, XML shape, then the one zod schema. */
function decode<S extends z.ZodType>(text: string, doc: { arrays: readonly string[]; fromXml: (root: Record<string, unknown>) => unknown }, schema: S): z.output<S> {
  const parsed = parseXml(text, { arrays: doc.arrays });
  if (!parsed.ok) throw new Error(parsed.message);
  return schema.parse(doc.fromXml(parsed.root));
}

describe("XML requests decode to the JSON body's object", () => {
  it("the spec's reserve XML and JSON examples validate to the same shape", () => {
    const xml = decode(fixture("reserve.request.xml"), reserveRequestXml, ReserveRequest);
    expect(xml.operations.map((op) => [op.type, op.models])).toEqual([
      ["lock", [{ stock_id: 3, quantity: 3 }, { stock_id: 5, quantity: 10 }]],
      ["unlock", [{ stock_id: 69, quantity: 5 }, { stock_id: 79, quantity: 8 }]],
      ["set", [{ stock_id: 55, quantity: 10 }, { stock_id: 29, quantity: 15 }]],
    ]);
    const json = ReserveRequest.parse(JSON.parse(fixture("reserve.request.json")));
    expect(json.operations[0]?.models).toEqual([{ stock_id: 1567, quantity: 1 }, { stock_id: 1578, quantity: 2 }]);
    expect(json.operations[1]?.models).toEqual([]);
  });

  it("empty operations in both spellings, one operation alone, a one-line document", () => {
    const text = '<root><operation type="lock"><model stock_id="7" quantity="2"/></operation><operation type="unlock"></operation><operation type="set"/></root>';
    const body = decode(text, reserveRequestXml, ReserveRequest);
    expect(body.operations).toEqual([
      { type: "lock", models: [{ stock_id: 7, quantity: 2 }] },
      { type: "unlock", models: [] },
      { type: "set", models: [] },
    ]);
  });

  it("the spec's send-order XML and JSON examples: empty elements, numbers as text, zip kept as written", () => {
    const xml = decode(fixture("send-order.request.xml"), sendOrderRequestXml, SendOrderRequest);
    const order = xml.order_list[0]!;
    expect(order).toMatchObject({ key: "2345", carrierId: 20, autoConfirm: true, date: "2017/01/31 23:59:59 +0000" });
    expect(order.recipient_details).toMatchObject({ recipient: "ACME srl", careof: undefined, notes: undefined, cfpiva: "12345558" });
    expect(order.recipient_details.address).toMatchObject({ street_name: "Roma", zip: "10100", countrycode: "IT" });
    expect(order.item_list).toEqual([{ stock_id: 148148, quantity: 10 }, { stock_id: 148367, quantity: 15 }]);
    const json = SendOrderRequest.parse(JSON.parse(fixture("send-order.request.json")));
    expect(json.order_list[0]).toMatchObject({ key: "2357", carrierId: 20, autoConfirm: true, item_list: [{ stock_id: 1578, quantity: 1 }] });
  });

  it("a real client's variant: indentation, a comment, order_id before order_list, elements in another order, extra fields", () => {
    const text = fixture("send-order-client.request.xml")
      .replace("<root>", "<root><order_id>77</order_id>")
      .replace("<autoConfirm>true</autoConfirm>", "<price_total>12.5</price_total><autoConfirm>true</autoConfirm>")
      .replace("<street_type>Via</street_type>", "<street_type>0</street_type>");
    const body = decode(text, sendOrderRequestXml, SendOrderRequest);
    expect(body.order_list[0]?.item_list).toEqual([{ stock_id: 3, quantity: 1 }]);
    expect(body.order_list[0]?.recipient_details.address.street_type).toBe("0");
    expect(body.order_list[0]).not.toHaveProperty("price_total");
  });

  it("keeps leading zeros and decodes the predefined entities only", () => {
    const parsed = parseXml("<root><zip>07302</zip><name>A &amp; B &lt;C&gt;</name></root>", { arrays: [] });
    expect(parsed).toEqual({ ok: true, rootName: "root", root: { zip: "07302", name: "A & B <C>" } });
  });
});

describe("XML attacks are refused, fast and without harm", () => {
  const refused = (text: string) => {
    const started = performance.now();
    const parsed = parseXml(text, { arrays: [] });
    return { parsed, ms: performance.now() - started };
  };

  it("refuses an external entity (no file is read)", () => {
    const { parsed } = refused('<?xml version="1.0"?><!DOCTYPE root [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><root><key>&xxe;</key></root>');
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining("document type declarations") });
    expect(JSON.stringify(parsed)).not.toContain("root:");
  });

  it("refuses entity expansion (billion laughs)", () => {
    const lol = ['<!DOCTYPE lolz [<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) lol.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? "" : i - 1};`.repeat(10)}">`);
    const { parsed } = refused(`${lol.join("")}]><root>&lol9;</root>`);
    expect(parsed.ok).toBe(false);
  });

  it("refuses a doctype however it is spelled", () => {
    expect(parseXml("<!doctype root><root/>", { arrays: [] }).ok).toBe(false);
    expect(parseXml("<root><! ENTITY x 'y'></root>", { arrays: [] }).ok).toBe(false);
  });

  it("refuses deep nesting", () => {
    const depth = 5_000;
    const { parsed } = refused(`<root>${"<a>".repeat(depth)}x${"</a>".repeat(depth)}</root>`);
    expect(parsed).toMatchObject({ ok: false });
    expect(parseXml(`<root>${"<a>".repeat(10)}x${"</a>".repeat(10)}</root>`, { arrays: [] }).ok).toBe(true);
  });

  it("refuses a 10 MB document before parsing it", () => {
    const big = `<root>${"<model stock_id=\"1\" quantity=\"1\"/>".repeat(320_000)}</root>`;
    expect(big.length).toBeGreaterThan(10_000_000);
    const { parsed } = refused(big);
    expect(parsed).toMatchObject({ ok: false, message: expect.stringContaining("larger than") });
  });

  it("refuses malformed documents: mismatched tags, text, two roots, empty", () => {
    for (const text of ["<root><a>x</b></root>", "not xml", "<a/><b/>", "", "<root>"]) {
      expect(parseXml(text, { arrays: [] }).ok, text).toBe(false);
    }
  });
});

describe("XML answers", () => {
  it("the reservation answer carries order_id and the models as attributes, escaped by the builder", () => {
    const xml = buildXml(reservationXml.rootName, reservationXml.toXml({ order_id: 1000, models: [{ stock_id: 148148, locked: 10, available: 5 }] }));
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><root order_id="1000"><model stock_id="148148" locked="10" available="5"/></root>');
    const spec = parseXml(readFileSync(new URL("./fixtures/send-order.response.xml", import.meta.url), "utf8"), { arrays: reservationXml.arrays });
    const ours = parseXml(xml, { arrays: reservationXml.arrays });
    expect(ours).toEqual(spec);
    expect(buildXml("error", { message: '<script>&"' })).toContain("<message>&lt;script&gt;&amp;&quot;</message>");
  });
});

const text = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() === s && s.trim() !== "");
const orderArb = fc.record({
  key: fc.stringMatching(/^[A-Za-z0-9-]{1,20}$/),
  date: fc.constant("2017/01/31 23:59:59 +0000"),
  carrierId: fc.option(fc.integer({ min: 1, max: 9999 }), { nil: undefined }),
  recipient_details: fc.record({
    recipient: text,
    careof: fc.option(text, { nil: undefined }),
    cfpiva: fc.option(text, { nil: undefined }),
    customer_key: fc.option(text, { nil: undefined }),
    notes: fc.option(text, { nil: undefined }),
    email: fc.constant(undefined),
    address: fc.record({
      street_type: fc.option(text, { nil: undefined }),
      street_name: text,
      address_number: fc.option(text, { nil: undefined }),
      zip: fc.stringMatching(/^[0-9]{5}$/),
      city: text,
      province: fc.option(text, { nil: undefined }),
      countrycode: fc.constantFrom("IT", "US", "DE"),
    }),
    phone: fc.record({ prefix: fc.option(text, { nil: undefined }), number: fc.option(text, { nil: undefined }) }),
  }),
  item_list: fc.array(fc.record({ stock_id: fc.integer({ min: 1, max: 1e9 }), quantity: fc.integer({ min: 1, max: 1000 }) }), { minLength: 1, maxLength: 5 }),
  autoConfirm: fc.option(fc.boolean(), { nil: undefined }),
});

describe("round trips (fast-check)", () => {
  it("a send-order body written as XML decodes to the same validated object as its JSON", () => {
    fc.assert(
      fc.property(fc.array(orderArb, { minLength: 1, maxLength: 3 }), (orders) => {
        const body = { order_list: orders };
        const fromJson = SendOrderRequest.parse(JSON.parse(JSON.stringify(body)));
        const xml = buildXml(sendOrderRequestXml.rootName, sendOrderRequestXml.toXml(body as never));
        expect(decode(xml, sendOrderRequestXml, SendOrderRequest)).toEqual(fromJson);
      }),
      { numRuns: 200 },
    );
  });

  it("a reserve body written as XML decodes to the same validated object as its JSON", () => {
    const op = fc.record({
      type: fc.constantFrom("lock", "unlock", "set" as const),
      models: fc.array(fc.record({ stock_id: fc.integer({ min: 1, max: 1e9 }), quantity: fc.integer({ min: 0, max: 1e6 }) }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 4 }), (operations) => {
        const body = { operations };
        const xml = buildXml("root", reserveRequestXml.toXml(body));
        expect(decode(xml, reserveRequestXml, ReserveRequest)).toEqual(ReserveRequest.parse(body));
      }),
      { numRuns: 200 },
    );
  });
});
