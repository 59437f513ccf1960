import type { MessageBody } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, type Buyer, fixture, type OptoroWorld, sampleOrder, startOptoro } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

/** One valid call per Drop Ship operation. */
function operations(): [string, string, { query?: Record<string, string>; body?: unknown }][] {
  return [
    ["GET", "/listings", { query: { updated_at: anHourAgo(), channel: "rts_drop_ship" } }],
    ["GET", "/listings/S1", { query: { condition: "N" } }],
    ["PUT", "/listings/S1", { body: fixture("update-listing.request.json") }],
    ["GET", "/orders", { query: { updated_at: anHourAgo(), status: "accepted" } }],
    ["POST", "/orders", { body: { order: sampleOrder("V-1") } }],
    ["POST", "/batch/orders", { body: { orders: [sampleOrder("V-2")] } }],
    ["GET", "/orders/V-1", {}],
    ["PUT", "/orders/V-1", { body: fixture("update-order.request.json") }],
    ["DELETE", "/orders/V-1", {}],
    ["GET", "/shipments", { query: { updated_at: anHourAgo() } }],
    ["GET", "/shipments/1Z2E07A20302245707", { query: { carrier: "UPS" } }],
    ["GET", "/shipments/identifier/ORDER-1", {}],
  ];
}

async function everyOperation(buyer: Buyer, headers: Record<string, string | null>) {
  const answers = [];
  for (const [method, path, options] of operations()) {
    answers.push({ call: `${method} ${path}`, answer: await buyer.call<MessageBody>(method, path, { ...options, headers }) });
  }
  return answers;
}

describe("the Optiturn-DropShip-Version header", () => {
  it("is required on all twelve operations: missing → 400 naming it", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const answers = await everyOperation(buyer, { "Optiturn-DropShip-Version": null });
    expect(answers).toHaveLength(12);
    for (const { call, answer } of answers) {
      expect([call, answer.status, answer.body]).toEqual([call, 400, { message: "Missing required header Optiturn-DropShip-Version: 2023-08-15" }]);
    }
    expect(world.gateway.store.read((r) => r.counts().orders)).toBe(0);
  });

  it("must name 2023-08-15 (any header-name case): another version → 400 naming it", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    for (const { call, answer } of await everyOperation(buyer, { "Optiturn-DropShip-Version": "6" })) {
      expect([call, answer.status, answer.body]).toEqual([call, 400, { message: "Unsupported Optiturn-DropShip-Version: this service serves 2023-08-15" }]);
    }
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 1 });
    const lower = await buyer.call("POST", "/orders", {
      body: { order: sampleOrder("lower") },
      headers: { "Optiturn-DropShip-Version": null, "optiturn-dropship-version": "2023-08-15" },
    });
    expect(lower.status).toBe(201);
  });

  it("is checked before the query and the body, as Optoro does", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const headers = { "Optiturn-DropShip-Version": null };
    const missing = { message: "Missing required header Optiturn-DropShip-Version: 2023-08-15" };
    const badQuery = await buyer.call<MessageBody>("GET", "/listings", { query: { per_page: "ten" }, headers });
    expect([badQuery.status, badQuery.body]).toEqual([400, missing]);
    const badBody = await buyer.call<MessageBody>("POST", "/orders", { body: { order: {} }, headers });
    expect([badBody.status, badBody.body]).toEqual([400, missing]);
  });
});

describe("bad requests never reach a 500", () => {
  it("answers malformed JSON with 400 and a non-JSON content type with 415, in the message envelope", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    for (const [method, path] of [["PUT", "/listings/S1"], ["POST", "/orders"], ["POST", "/batch/orders"], ["PUT", "/orders/X"]] as const) {
      const broken = await buyer.call<MessageBody>(method, path, { body: "{", headers: { "content-type": "application/json" } });
      expect([broken.status, broken.body]).toEqual([400, { message: "Request body is not valid JSON" }]);
      const xml = await buyer.call<MessageBody>(method, path, { body: "<order/>", headers: { "content-type": "application/xml" } });
      expect(xml.status).toBe(415);
      expect(xml.body.message).toContain("application/json");
    }
  });

  it("answers an unknown path below the prefix with 404 in the message envelope", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const answer = await buyer.call<MessageBody>("GET", "/nothing-here");
    expect(answer.status).toBe(404);
    expect(typeof answer.body.message).toBe("string");
  });

  it("answers wrong types anywhere with 400 or 422 naming the problem", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const arrays = await buyer.call<MessageBody>("GET", "/listings?channel=a&channel=b&updated_at=" + encodeURIComponent(anHourAgo()));
    expect([arrays.status, arrays.body]).toEqual([400, { message: "Invalid channel" }]);
    const order = await buyer.call<{ reason: string }>("POST", "/orders", { body: { order: { ...sampleOrder("T"), order_items: "all of it" } } });
    expect([order.status, order.body.reason]).toEqual([422, "Validation failed: order.order_items must be an array"]);
    const bodyArray = await buyer.call("PUT", "/listings/S1", { body: [1, 2] });
    expect([bodyArray.status, bodyArray.body]).toEqual([422, { message: "Validation failed: body must be an object" }]);
  });
});
