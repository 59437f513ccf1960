import type { BatchOrdersAnswer, CreateOrderAnswer, OrderEnvelope } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, type OptoroWorld, sampleOrder, startOptoro, lotStock as lotStockIn } from "./support/optoro-world.js";

/*
 * The answers Optoro's documents give that the audit of issue 9 found missing: payment_status on
 * a new order, offline address checks, and the 125-item limit in a batch.
 */

let world: OptoroWorld;
afterEach(() => world?.close());

const TOO_MANY = "The maximum number of items in an order is 125. Please try again with a smaller number of items";

function lotStock(sku: string) {
  return lotStockIn(world, sku);
}

function allocated(sku: string): number | undefined {
  return world.gateway.store.read((r) => r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" }))?.allocated;
}

describe("payment_status on POST /orders", () => {
  it("rejects a unit order sent as pending payment with Optoro's reason, stored and with nothing taken", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const order = { ...sampleOrder("PAY-1", [{ sku: "PTBQ121308", quantity: 1 }]), payment_status: "pending" };
    const answer = await buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order } });
    expect([answer.status, answer.body]).toEqual([200, { message: "rejected", reason: "Order cannot be marked as pending payment" }]);
    expect(allocated("PTBQ121308")).toBe(0);
    const shown = await buyer.call<OrderEnvelope>("GET", "/orders/PAY-1");
    expect(shown.body.order).toMatchObject({ status: "rejected", reject_reason: "Order cannot be marked as pending payment" });
    const replay = await buyer.call("POST", "/orders", { body: { order } });
    expect(replay.status).toBe(422);
  });

  it("keeps a lot order sent as pending waiting for payment; complete accepts lot and unit orders at once", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    lotStock("LOT-1");
    lotStock("LOT-2");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const cases: [string, unknown, number, CreateOrderAnswer][] = [
      ["LOT-1", "pending", 201, { message: "pending_payment", reason: "Order accepted" }],
      ["LOT-2", "complete", 201, { message: "accepted", reason: "Order accepted" }],
      ["PTBQ121308", "complete", 201, { message: "accepted", reason: "Order accepted" }],
      ["PTBQ121308", null, 201, { message: "accepted", reason: "Order accepted" }],
    ];
    for (const [index, [sku, paymentStatus, status, body]] of cases.entries()) {
      const order = { ...sampleOrder(`PAY-${index}`, [{ sku, quantity: 1 }]), payment_status: paymentStatus };
      const answer = await buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order } });
      expect([sku, paymentStatus, answer.status, answer.body]).toEqual([sku, paymentStatus, status, body]);
    }
    const paidLot = await buyer.call<OrderEnvelope>("GET", "/orders/PAY-1");
    expect(paidLot.body.order.status).toBe("accepted");
    expect(allocated("LOT-2")).toBe(1);
  });

  it("answers 422 naming payment_status for a value Optoro does not know", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const order = { ...sampleOrder("PAY-X"), payment_status: "later" };
    const answer = await buyer.call("POST", "/orders", { body: { order } });
    expect([answer.status, answer.body]).toEqual([
      422,
      { message: "Order not created", reason: "Validation failed: order.payment_status must be one of pending, pending_payment, complete" },
    ]);
  });
});

describe("shipping address checks", () => {
  it("rejects the audit's addresses (zip_code z, state st) with Invalid shipping address, nothing taken", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const base = sampleOrder("ADDR-0", [{ sku: "PTBQ121308", quantity: 1 }]);
    const bad = [{ zip_code: "z" }, { state: "st" }, { zip_code: "1001" }, { zip_code: "10016-12" }, { state: "XX", country: "USA" }];
    for (const [index, change] of bad.entries()) {
      const order = { ...base, client_identifier: `ADDR-${index}`, shipping_address: { ...base.shipping_address, ...change } };
      const answer = await buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order } });
      expect([change, answer.status, answer.body]).toEqual([change, 200, { message: "rejected", reason: "Invalid shipping address" }]);
    }
    expect(allocated("PTBQ121308")).toBe(0);
    const shown = await buyer.call<OrderEnvelope>("GET", "/orders/ADDR-0");
    expect(shown.body.order).toMatchObject({ status: "rejected", reject_reason: "Invalid shipping address" });
  });

  it("accepts DC, territories, state names in any case, ZIP+4, and an address outside the US unchecked", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 10 });
    const base = sampleOrder("OK-0", [{ sku: "PTBQ121308", quantity: 1 }]);
    const good = [
      { state: "DC", zip_code: "20001-1234" },
      { state: "pr", zip_code: "00901" },
      { state: "GU", zip_code: "96910" },
      { state: "Virginia", zip_code: "22201" },
      { state: "AE", zip_code: "09001" },
      { state: "ON", zip_code: "M5V 2T6", country: "CA" },
    ];
    for (const [index, change] of good.entries()) {
      const order = { ...base, client_identifier: `OK-${index}`, shipping_address: { ...base.shipping_address, ...change } };
      const answer = await buyer.call<CreateOrderAnswer>("POST", "/orders", { body: { order } });
      expect([change, answer.status]).toEqual([change, 201]);
    }
  });

  it("answers a batch order with a bad address in its slot, as created and rejected", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const base = sampleOrder("BA-1", [{ sku: "PTBQ121308", quantity: 1 }]);
    const body = { orders: [{ ...base, shipping_address: { ...base.shipping_address, zip_code: "z" } }, sampleOrder("BA-2", [{ sku: "PTBQ121308", quantity: 1 }])] };
    const answer = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body });
    expect([answer.status, answer.body]).toEqual([
      200,
      [
        { client_identifier: "BA-1", status: "created", message: "rejected: Invalid shipping address" },
        { client_identifier: "BA-2", status: "created", message: null },
      ],
    ]);
  });
});

describe("POST /batch/orders with an order over 125 items", () => {
  it("answers 422 with Optoro's text (no trailing period) for that order and places nothing", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 500 });
    const line = sampleOrder("x").order_items[0]!;
    const body = {
      orders: [
        sampleOrder("BIG-0", [{ sku: "PTBQ121308", quantity: 1 }]),
        { ...sampleOrder("BIG-1"), order_items: Array.from({ length: 126 }, (_, i) => ({ ...line, client_identifier: `l-${i}` })) },
      ],
    };
    const answer = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body });
    expect([answer.status, answer.body]).toEqual([422, [{ client_identifier: "BIG-1", status: "invalid", message: TOO_MANY }]]);
    expect(world.gateway.store.read((r) => r.counts().orders)).toBe(0);
    const exactly = { orders: [{ ...sampleOrder("BIG-2"), order_items: Array.from({ length: 125 }, (_, i) => ({ ...line, client_identifier: `l-${i}` })) }] };
    const most = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body: exactly });
    expect([most.status, most.body]).toEqual([200, [{ client_identifier: "BIG-2", status: "created", message: null }]]);
  });

  it("words missing keys in a batch slot as the document does, nested objects by pointer", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const base = sampleOrder("MK-1");
    const { zip_code: _zip, ...noZip } = base.shipping_address;
    // The audit's batch: its second order without a shipping_address.
    const { shipping_address: _shipping, ...noShipping } = sampleOrder("MK-2");
    const orders = [{ ...base, shipping_address: noZip }, noShipping, sampleOrder("MK-3", [{ sku: "PTBQ121308", quantity: 1 }])];
    const answer = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body: { orders } });
    expect([answer.status, answer.body]).toEqual([
      200,
      [
        { client_identifier: "MK-1", status: "invalid", message: "property '/shipping_address' is missing required keys: zip_code." },
        { client_identifier: "MK-2", status: "invalid", message: "root is missing required keys: shipping_address." },
        { client_identifier: "MK-3", status: "created", message: null },
      ],
    ]);
  });
});

describe("query and version answers a client of the real service parses", () => {
  it("answers a missing query parameter with Rails' ParameterMissing body, keeping message", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    // The audit's request: GET /listings without updated_at.
    const answer = await buyer.call("GET", "/listings", { query: { channel: "rts_drop_ship" } });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      status: 400,
      error: "Bad Request",
      exception: "#<ActionController::ParameterMissing: param is missing or the value is empty: updated_at>",
      message: "param is missing or the value is empty: updated_at",
    });
    // Other bad parameters keep the {"message"} envelope.
    const bad = await buyer.call("GET", "/listings", { query: { channel: "rts_drop_ship", updated_at: "yesterday" } });
    expect([bad.status, bad.body]).toEqual([400, { message: "Invalid updated_at date" }]);
  });

  it("refuses page= paging on every list with 400 Invalid page instead of serving page 1 forever", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "P-1", condition: "N", channel: "rts_drop_ship", onHand: 1 });
    const lists: [string, Record<string, string>][] = [
      ["/listings", { updated_at: anHourAgo(), channel: "rts_drop_ship" }],
      ["/orders", { updated_at: anHourAgo(), status: "accepted" }],
      ["/shipments", { updated_at: anHourAgo() }],
    ];
    for (const [path, query] of lists) {
      for (const page of ["1", "2", "two"]) {
        const answer = await buyer.call("GET", path, { query: { ...query, page } });
        expect([path, page, answer.status, answer.body]).toEqual([path, page, 400, { message: "Invalid page" }]);
      }
      expect((await buyer.call("GET", path, { query })).status).toBe(200);
    }
  });

  it("answers an api-version it does not serve (Drop Ship 6.0's header) with a clear 400", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const query = { updated_at: anHourAgo(), channel: "rts_drop_ship" };
    // A 6.0 client: api-version 6 and no Optiturn-DropShip-Version.
    const sixOnly = await buyer.call("GET", "/listings", { query, headers: { "api-version": "6", "Optiturn-DropShip-Version": null } });
    const both = await buyer.call("GET", "/listings", { query, headers: { "api-version": "6" } });
    const expected = {
      message: "Unsupported api-version 6: this service serves Drop Ship 2023-08-15 only (send Optiturn-DropShip-Version: 2023-08-15 and no api-version)",
    };
    expect([sixOnly.status, sixOnly.body]).toEqual([400, expected]);
    expect([both.status, both.body]).toEqual([400, expected]);
    const same = await buyer.call("GET", "/listings", { query, headers: { "api-version": "2023-08-15" } });
    expect(same.status).toBe(200);
  });
});
