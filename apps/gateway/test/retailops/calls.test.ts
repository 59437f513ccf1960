import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedBuyer, orderWithPo } from "./support/orders.js";
import { type Envelope, fixture, type RetailOpsWorld, startRetailOps, type Vendor } from "./support/retailops-world.js";

let world: RetailOpsWorld;
let deben: Vendor;
beforeEach(async () => {
  world = await startRetailOps();
  deben = world.vendor("deben", "27", "Deben");
  world.product("27", "DEB-ABC123", "ABC123", 5, "Deben Lamp");
  world.product("27", "DEB-DEF456", "DEF456", 5, "Deben Shade");
  world.product("41", "NORTH-1", "N1", 5);
});
afterEach(() => world.close());

const position = (sku: string) => world.ctx.store.read((r) => r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" }))!;

/** The guide's sample with Dropgate's PO number and item id in place of D123 / 456. */
function withPo<T>(sample: T, po: string, poItemId: number): T {
  return JSON.parse(JSON.stringify(sample).replaceAll('"D123"', JSON.stringify(po)).replaceAll(":456", `:${poItemId}`)) as T;
}

describe("Product.ExternalSku.Update~2", () => {
  it("takes the guide's sample and sets the advised quantity", async () => {
    const answer = await deben.call("/product/externalsku/update~2.json", fixture("externalsku-update.request.json"));
    expect(answer).toMatchObject({ status: 200, body: { success: 1, records: [] } });
    expect(answer.contentType).toMatch(/^application\/json/);
    expect(position("DEB-ABC123").onHand).toBe(12);
  });

  it("takes numeric strings and vendor_name in any case, with one outcome per record when detailed", async () => {
    const sample = fixture<{ records: Record<string, unknown>[] }>("externalsku-update-by-name.request.json");
    const body = { ...sample, records: [...sample.records, { vendor_name: "DEBEN", vpc: "DEF456", quantity: " 7 ", active: "1", unit_cost: "12.50" }], with_detailed_response: "1" };
    const answer = await deben.call<Envelope>("/product/externalsku/update~2.json", body);
    expect(answer.body).toEqual({
      success: 1,
      records: [
        { idx: 0, success: 1, vendor_id: "27", vpc: "ABC123", sku: "DEB-ABC123", quantity: 12, on_hand: 12, available: 12 },
        { idx: 1, success: 1, vendor_id: "27", vpc: "DEF456", sku: "DEB-DEF456", quantity: 7, on_hand: 7, available: 7 },
      ],
    });
  });

  it("names each refused record and applies the others; another vendor's name, id or product is refused", async () => {
    const body = {
      records: [
        { vendor_id: 27, vpc: "ABC123", quantity: "3" },
        { vendor_name: "Swarovski", vpc: "DEF456", quantity: 1 },
        { vendor_id: "41", vpc: "N1", quantity: 1 },
        { vpc: "N1", quantity: 9 },
        { vpc: "DEF456", quantity: "-2" },
        { vpc: "DEF456", quantity: "twelve" },
        { vpc: "DEF456", quantity: 4, active: 0 },
      ],
    };
    const answer = await deben.call<Envelope>("/product/externalsku/update~2.json", body);
    expect(answer.status).toBe(200);
    expect(answer.body.success).toBe(0);
    expect(answer.body.ERRORCODE).toBe("RECORD_ERRORS");
    expect(answer.body.records?.map((r) => [r.idx, r.ERRORCODE])).toEqual([
      [1, "VENDOR_MISMATCH"],
      [2, "VENDOR_MISMATCH"],
      [3, "INVALID_VPC"],
      [4, "INVALID_PARAMS"],
      [5, "INVALID_PARAMS"],
    ]);
    expect(answer.body.ERROR).toContain("for field idx 1: vendor_name Swarovski is not this apikey's vendor");
    expect(answer.body.ERROR).toContain("for field idx 3: invalid vpc N1 for vendor 27");
    expect(answer.body.ERROR).toContain("for field idx 4: quantity must not be negative");
    expect(position("DEB-ABC123").onHand).toBe(3);
    expect(position("DEB-DEF456").onHand).toBe(0); // active 0 advises nothing on sale
    expect(position("NORTH-1").onHand).toBe(5); // the other vendor's product is untouched
  });

  it("refuses more than 1000 records whole, saying the limit and the count", async () => {
    const records = Array.from({ length: 1001 }, () => ({ vpc: "ABC123", quantity: 1 }));
    const answer = await deben.call<Envelope>("/product/externalsku/update~2.json", { records });
    expect(answer.body).toEqual({ success: 0, ERROR: "At most 1000 records per call; 1001 were sent", ERRORCODE: "TOO_MANY_RECORDS" });
    expect(position("DEB-ABC123").onHand).toBe(5);
    const exactly = await deben.call<Envelope>("/product/externalsku/update~2.json", { records: records.slice(1) });
    expect(exactly.body.success).toBe(1);
  });
});

describe("Vendor.PO.fetch", () => {
  it("answers the guide's samples with the vendor's due POs, their ship-to and lines", async () => {
    const buyer = seedBuyer(world.ctx);
    const po = orderWithPo(world.ctx, buyer, [["DEB-ABC123", 2]]);
    orderWithPo(world.ctx, buyer, [["NORTH-1", 1]], "41");
    for (const sample of ["po-fetch.request.json", "po-fetch-open-ready.request.json"]) {
      const answer = await deben.call<Envelope>("/Vendor/PO/Fetch.json", fixture(sample));
      expect(answer.body).toMatchObject({ success: 1, total: 1, start: 0, limit: 100 });
      expect(answer.body.records).toEqual([
        {
          po: po.po,
          id: po.id,
          vendor_id: "27",
          status: "ready",
          date_submit: po.dateSubmit,
          date_created: po.createdAt,
          date_updated: po.updatedAt,
          estimated_ship_date: null,
          order_ref: expect.stringMatching(/^ORDER-/),
          channel_name: "rts_drop_ship",
          ship_service: { name: "STANDARD" },
          ship_address: { addressee: "Jane Doe", company: null, address1: "1 Main St", address2: null, city: "Arlington", state_abbr: "VA", postal_code: "22201", country: "US", phone_number: "555-0100" },
          items: [
            { po_item_id: po.items[0]!.poItemId, vpc: "ABC123", sku: "DEB-ABC123", description: "Deben Lamp", quantity: 2, quantity_acknowledged: 0, quantity_cancelled: 0, quantity_shipped: 0, unit_cost: 20 },
          ],
        },
      ]);
    }
    const none = await deben.call<Envelope>("/Vendor/PO/Fetch.json", { status: "submitted", with_items: "1" });
    expect(none.body).toMatchObject({ success: 1, records: [], total: 0 });
  });

  it("pages by start/limit in PO order; caps the limit; refuses another vendor's id", async () => {
    const buyer = seedBuyer(world.ctx);
    world.product("27", "DEB-BULK", "BULK", 1_000);
    const pos = Array.from({ length: 5 }, () => orderWithPo(world.ctx, buyer, [["DEB-BULK", 1]]));
    const page = await deben.call<Envelope>("/Vendor/PO/Fetch.json", { vendor_id: 27, start: "2", limit: "2", status: ["READY"] });
    expect(page.body.records?.map((r) => r.po)).toEqual(pos.slice(2, 4).map((p) => p.po));
    expect(page.body.records?.[0]?.items).toBeUndefined();
    expect((await deben.call<Envelope>("/Vendor/PO/Fetch.json", { limit: 5000 })).body).toMatchObject({ limit: 1000, total: 5 });
    const foreign = await deben.call<Envelope>("/Vendor/PO/Fetch.json", { vendor_id: "41" });
    expect(foreign.body).toEqual({ success: 0, ERROR: "vendor_id 41 is not this apikey's vendor", ERRORCODE: "VENDOR_MISMATCH" });
    const bad = await deben.call<Envelope>("/Vendor/PO/Fetch.json", { status: "shipped" });
    expect(bad.body).toMatchObject({ success: 0, ERRORCODE: "INVALID_PARAMS" });
    expect(bad.body.ERROR).toMatch(/^for field status: /);
  });
});

describe("Vendor.PO.MarkSubmitted, MarkAccepted, UpdateEstShipDate", () => {
  it("take the guide's samples; a short quantity cancels the rest and releases its stock", async () => {
    const buyer = seedBuyer(world.ctx);
    const po = orderWithPo(world.ctx, buyer, [["DEB-ABC123", 3]]);
    const item = po.items[0]!.poItemId;
    const submitted = await deben.call<Envelope>("/Vendor/PO/MarkSubmitted.json", withPo(fixture("po-mark-submitted.request.json"), po.po, item));
    expect(submitted.body).toEqual({ success: 1, records: [{ idx: 0, success: 1, po: po.po, status: "submitted", estimated_ship_date: null }] });
    expect(position("DEB-ABC123")).toMatchObject({ onHand: 5, allocated: 1 });
    const dated = await deben.call<Envelope>("/vendor/po/updateestshipdate.json", {
      records: [{ po: po.po, estimated_ship_date: "2015-07-02T09:47:47-05:00", items: [{ po_item_id: String(item), quantity: "1" }] }],
    });
    expect(dated.body.records?.[0]).toMatchObject({ success: 1, estimated_ship_date: "2015-07-02T14:47:47.000Z" });
    // RetailOps' own client writes its offsets without a colon.
    const compact = await deben.call<Envelope>("/vendor/po/updateestshipdate.json", { records: [{ po: po.po, estimated_ship_date: "2015-01-02T00:00:00+0000" }] });
    expect(compact.body.records?.[0]).toMatchObject({ success: 1, estimated_ship_date: "2015-01-02T00:00:00.000Z" });
    const accepted = await deben.call<Envelope>("/Vendor/PO/MarkAccepted.json", withPo(fixture("po-mark-accepted.request.json"), po.po, item));
    expect(accepted.body.records?.[0]).toMatchObject({ success: 1, status: "accepted" });
    const again = await deben.call<Envelope>("/Vendor/PO/MarkSubmitted.json", { records: [{ po: po.po }] });
    expect(again.body).toMatchObject({ success: 0, ERRORCODE: "RECORD_ERRORS", records: [{ idx: 0, ERRORCODE: "INVALID_STATUS" }] });
  });

  it("answers each record: unknown PO, another vendor's PO, unknown line, too much, bad field", async () => {
    const buyer = seedBuyer(world.ctx);
    const mine = orderWithPo(world.ctx, buyer, [["DEB-ABC123", 2]]);
    const theirs = orderWithPo(world.ctx, buyer, [["NORTH-1", 1]], "41");
    const answer = await deben.call<Envelope>("/Vendor/PO/MarkSubmitted.json", {
      records: [
        { po: "D999999" },
        { po: theirs.po },
        { po: mine.po, items: [{ po_item_id: 123456, quantity: 1 }] },
        { po: mine.po, items: [{ po_item_id: mine.items[0]!.poItemId, quantity: 5 }] },
        { po: mine.po, items: [{ po_item_id: "x", quantity: 1 }] },
        { po: mine.po, items: [{ po_item_id: mine.items[0]!.poItemId, quantity: "2" }] },
      ],
    });
    expect(answer.body.records?.map((r) => r.ERRORCODE ?? r.status)).toEqual(["INVALID_PO", "INVALID_PO", "INVALID_PO_ITEM", "INVALID_QUANTITY", "INVALID_PARAMS", "submitted"]);
    expect(answer.body.ERROR).toContain(`for field idx 0: invalid po D999999`);
    expect(answer.body.ERROR).toContain(`for field idx 3: items.0.quantity: Item ${mine.items[0]!.poItemId} has only 2 open`);
    expect(world.ctx.store.read((r) => r.getPurchaseOrder(theirs.id))?.status).toBe("ready");
    const tooMany = await deben.call<Envelope>("/Vendor/PO/MarkSubmitted.json", { records: Array.from({ length: 1001 }, () => ({ po: mine.po })) });
    expect(tooMany.body).toEqual({ success: 0, ERROR: "At most 1000 POs per call; 1001 were sent", ERRORCODE: "TOO_MANY_RECORDS" });
  });
});

describe("Vendor.PO.Complete", () => {
  it("takes the guide's sample, ships the PO and answers the package; a replay creates nothing", async () => {
    const buyer = seedBuyer(world.ctx);
    const po = orderWithPo(world.ctx, buyer, [["DEB-ABC123", 1]]);
    await deben.call("/Vendor/PO/MarkSubmitted.json", { records: [{ po: po.po }] });
    const body = withPo(fixture("po-complete.request.json"), po.po, 0);
    const done = await deben.call<Envelope>("/Vendor/PO/Complete.json", body);
    expect(done.body).toEqual({
      success: 1,
      records: [
        {
          po: po.po,
          status: "complete",
          order_ref: expect.any(String),
          order_status: "shipped",
          packages: [
            { shipment_id: expect.any(Number), tracking_number: "1Z1234567890123456", ship_class_id: 7, carrier: "FedEx", ship_method: "FedEx Ground", weight: 1, cost: 0, items: [{ vpc: "ABC123", quantity: 1 }] },
          ],
        },
      ],
    });
    expect(position("DEB-ABC123")).toMatchObject({ onHand: 4, allocated: 0 });
    const replay = await deben.call<Envelope>("/Vendor/PO/Complete.json", body);
    expect(replay.body).toEqual(done.body);
    expect(world.ctx.store.read((r) => r.counts().shipments)).toBe(1);
  });

  it("refuses an unknown ship class, more than is open, another vendor's PO; changes nothing", async () => {
    const buyer = seedBuyer(world.ctx);
    const po = orderWithPo(world.ctx, buyer, [["DEB-ABC123", 1]]);
    const theirs = orderWithPo(world.ctx, buyer, [["NORTH-1", 1]], "41");
    await deben.call("/Vendor/PO/MarkSubmitted.json", { records: [{ po: po.po }] });
    const pkg = (over: Record<string, unknown>) => ({ ship_class_id: 7, tracking_number: "1ZX", items: [{ vpc: "ABC123", quantity: 1 }], ...over });
    const cases: [unknown, string][] = [
      [{ po: po.po, packages: [pkg({ ship_class_id: 999 })] }, "INVALID_SHIP_CLASS"],
      [{ po: po.po, packages: [pkg({ items: [{ vpc: "ABC123", quantity: "2" }] })] }, "INVALID_QUANTITY"],
      [{ po: theirs.po, packages: [pkg({})] }, "INVALID_PO"],
      [{ po: po.po, vendor_id: "41", packages: [pkg({})] }, "VENDOR_MISMATCH"],
      [{ po: po.po, packages: [pkg({ tracking_number: "" })] }, "INVALID_PARAMS"],
      [{ po: po.po, packages: Array.from({ length: 1001 }, () => pkg({})) }, "TOO_MANY_RECORDS"],
    ];
    for (const [body, code] of cases) {
      const answer = await deben.call<Envelope>("/Vendor/PO/Complete.json", body);
      expect(answer.body, code).toMatchObject({ success: 0, ERRORCODE: code });
    }
    expect(world.ctx.store.read((r) => r.counts().shipments)).toBe(0);
    expect(position("DEB-ABC123")).toMatchObject({ onHand: 5, allocated: 1 });
  });
});

describe("Constant.Ship.CarrierClass.fetch", () => {
  it("answers every class for both spellings of `all`", async () => {
    for (const sample of ["carrierclass-fetch.request.json", "carrierclass-fetch-string.request.json"]) {
      const answer = await deben.call<Envelope>("/Constant/Ship/CarrierClass/fetch.json", fixture(sample));
      expect(answer.body).toEqual({ success: 1, records: [{ id: 7, name: "FedEx Ground", carrier: "FedEx" }, { id: 62, name: "UPS Ground", carrier: "UPS" }] });
    }
  });
});

describe("transport", () => {
  it("reads paths without regard to case, with or without ~N and .json", async () => {
    for (const path of ["/constant/ship/carrierclass/fetch~1.json", "/CONSTANT/SHIP/CARRIERCLASS/FETCH.JSON", "/Constant/Ship/CarrierClass/fetch~1", "/constant/ship/carrierclass/fetch.json/"]) {
      expect((await deben.call<Envelope>(path, { all: 1 })).body.success, path).toBe(1);
    }
  });

  it("names what exists for an unknown action or version", async () => {
    const action = await deben.call<Envelope>("/Vendor/PO/Teleport.json", {});
    expect(action.body).toMatchObject({ success: 0, ERRORCODE: "NO_SUCH_ACTION" });
    expect(action.body.ERROR).toContain("Vendor.PO.fetch (/vendor/po/fetch~1.json)");
    const version = await deben.call<Envelope>("/product/externalsku/update~1.json", { records: [] });
    expect(version.body).toEqual({ success: 0, ERROR: "/product/externalsku/update has no version 1; it exists in version 2", ERRORCODE: "NO_SUCH_VERSION" });
    // Without ~N an action with one version is that version (the guide's own samples omit ~1).
    expect((await deben.call<Envelope>("/product/externalsku/update.json", { records: [] })).body.success).toBe(1);
    expect((await deben.call<Envelope>("/Vendor/PO/Fetch~3.json", {})).body.ERRORCODE).toBe("NO_SUCH_VERSION");
  });

  it("authenticates by the apikey header or ?apikey=; refuses a bad key with 401 and a buyer's key", async () => {
    expect((await deben.call<Envelope>("/Vendor/PO/Fetch.json", {}, { inQuery: true })).body.success).toBe(1);
    const none = await world.call<Envelope>("/Vendor/PO/Fetch.json", {});
    expect(none).toMatchObject({ status: 401, body: { success: 0, ERRORCODE: "INVALID_APIKEY" } });
    const wrong = await world.call<Envelope>("/Vendor/PO/Fetch.json", {}, { apikey: `${deben.apikey}x` });
    expect(wrong).toMatchObject({ status: 401, body: { success: 0, ERROR: "Invalid apikey", ERRORCODE: "INVALID_APIKEY" } });
    const { createClient, apiKeyOf } = await import("@dropgate/core-domain");
    const buyer = createClient(world.ctx, { name: "shop", dialect: "optoro", scope: "buyer" });
    if (!buyer.ok) throw new Error("seed");
    const asBuyer = await world.call<Envelope>("/Vendor/PO/Fetch.json", {}, { apikey: apiKeyOf(buyer.value.key, buyer.value.secret) });
    expect(asBuyer).toMatchObject({ status: 200, body: { success: 0, ERRORCODE: "NOT_A_VENDOR" } });
  });

  it("answers malformed JSON (the guide's own UpdateEstShipDate sample) in the envelope, never a 5xx", async () => {
    const raw = fixture<string>("po-update-est-ship-date.request.txt");
    const answer = await deben.call<Envelope>("/Vendor/PO/UpdateEstShipDate.json", undefined, { raw });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: 0, ERRORCODE: "INVALID_JSON" });
    // The sample lacks the comma between the date and "items": the parser stops at that quote.
    expect(answer.body.ERROR).toContain(`at position ${raw.indexOf('Z"items') + 2}`);
  });

  it("refuses a call that is not POST, and a body that is not JSON, in the envelope", async () => {
    const get = await deben.call<Envelope>("/vendor/po/fetch~1.json", undefined, { method: "GET" });
    expect(get.body).toMatchObject({ success: 0, ERRORCODE: "METHOD_NOT_ALLOWED" });
    const xml = await deben.call<Envelope>("/Vendor/PO/Fetch.json", undefined, { raw: "<x/>", contentType: "application/xml" });
    expect(xml.body).toMatchObject({ success: 0, ERRORCODE: "UNSUPPORTED_MEDIA_TYPE" });
  });

  it("serves its OpenAPI document from the action table", async () => {
    const response = await fetch(`${world.gateway.baseUrl}/retailops/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, unknown>; info: { description: string } };
    for (const path of ["/product/externalsku/update~2", "/vendor/po/fetch", "/vendor/po/marksubmitted", "/vendor/po/complete", "/constant/ship/carrierclass/fetch", "/vendor/po/markaccepted", "/vendor/po/updateestshipdate"]) {
      expect(document.paths, path).toHaveProperty([path]);
    }
    expect(document.info.description).toContain("RECORD_ERRORS");
  });
});
