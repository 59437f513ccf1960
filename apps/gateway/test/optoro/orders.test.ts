import { availableOf, upsertProduct } from "@dropgate/core-domain";
import type {
  CreateOrderAnswer,
  MessageBody,
  OrderEnvelope,
  OrderNotCreatedBody,
  OrderRejectedBody,
  OrderRequest,
  OrdersPage,
} from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, fixture, type OptoroWorld, sampleOrder, startOptoro, unwrap, lotStock as lotStockIn, queryErrorBody } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

const NOT_FOUND = fixture<MessageBody>("order-not-found.response.json");

function available(sku: string, condition: "N" | "A" | "B" | "R" = "N", channel = "rts_drop_ship"): number {
  const position = world.gateway.store.read((r) => r.getPosition({ sku, condition, channel }));
  return position ? availableOf(position) : 0;
}

function invariants() {
  return world.gateway.store.read((r) => r.checkInvariants());
}

function lotStock(sku: string) {
  return lotStockIn(world, sku);
}

describe("POST /orders", () => {
  it("accepts the spec's sample order with 201, and GET /orders/{id} shows it as Optoro does", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const body = fixture<{ order: OrderRequest }>("create-order.request.json");
    const created = await buyer.call<CreateOrderAnswer>("POST", "/orders", { body });
    expect([created.status, created.body]).toEqual([201, fixture("create-order-accepted.response.json")]);
    expect(available("PTBQ121308")).toBe(4);

    const shown = await buyer.call<OrderEnvelope>("GET", `/orders/${body.order.client_identifier}`);
    expect(shown.status).toBe(200);
    const { order_items: _requested, ...sent } = body.order;
    const order = shown.body.order;
    expect(order).toMatchObject({ ...sent, status: "accepted", reject_reason: "" });
    expect(order.order_items).toEqual([
      expect.objectContaining({ ...body.order.order_items[0], status: "accepted", id: expect.any(Number) }),
    ]);
    expect(invariants()).toEqual([]);
  });

  it("answers 200 rejected naming only the short lines (unknown sku: available 0), with nothing allocated", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 1 });
    world.stock({ sku: "PLENTY", condition: "N", channel: "rts_drop_ship", onHand: 50 });
    const order = sampleOrder("3573390128", [
      { sku: "PTBQ121308", quantity: 3, client_identifier: "296f0b98-7bc5-4750-8cb9-2e36db1ff766" },
      { sku: "PLENTY", quantity: 2, client_identifier: "line-2" },
      { sku: "NO-SUCH-SKU", quantity: 1, condition: "A", client_identifier: "line-3" },
    ]);
    const answer = await buyer.call<OrderRejectedBody>("POST", "/orders", { body: { order } });
    expect(answer.status).toBe(200);
    const sample = fixture<OrderRejectedBody>("create-order-rejected.response.json");
    expect(answer.body).toEqual({
      message: "rejected",
      reason: "Insufficient Quantity for: 296f0b98-7bc5-4750-8cb9-2e36db1ff766 - PTBQ121308(N), line-3 - NO-SUCH-SKU(A)",
      order: {
        client_identifier: sample.order!.client_identifier,
        order_items: [sample.order!.order_items[0], { client_identifier: "line-3", sku: "NO-SUCH-SKU", condition: "A", quantity: 1, available_quantity: 0 }],
      },
    });
    expect([available("PTBQ121308"), available("PLENTY")]).toEqual([1, 50]);
    const shown = await buyer.call<OrderEnvelope>("GET", "/orders/3573390128");
    expect(shown.body.order.status).toBe("rejected");
    // One wording: the stored order's reject_reason is the answer's reason, word for word.
    expect(shown.body.order.reject_reason).toBe(answer.body.reason);
    expect(invariants()).toEqual([]);
  });

  it("words a short line sent without client_identifier the same in the answer and in the stored order", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const order = sampleOrder("NO-LINE-ID", [{ sku: "NOPE", quantity: 1, condition: "A" }]);
    delete (order.order_items[0] as { client_identifier?: string }).client_identifier;
    const answer = await buyer.call<OrderRejectedBody>("POST", "/orders", { body: { order } });
    expect([answer.status, answer.body.reason]).toEqual([200, "Insufficient Quantity for: NOPE(A)"]);
    const shown = await buyer.call<OrderEnvelope>("GET", "/orders/NO-LINE-ID");
    expect(shown.body.order.reject_reason).toBe("Insufficient Quantity for: NOPE(A)");
  });

  it("answers 422 Order not created for a duplicate client identifier, naming the existing order's status", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const first = await buyer.call("POST", "/orders", { body: { order: sampleOrder("123") } });
    expect(first.status).toBe(201);
    const again = await buyer.call<OrderNotCreatedBody>("POST", "/orders", { body: { order: sampleOrder("123") } });
    expect([again.status, again.body]).toEqual([422, fixture("create-order-duplicate.response.json")]);
    expect(available("PTBQ121308")).toBe(4);

    const short = await buyer.call("POST", "/orders", { body: { order: sampleOrder("R-1", [{ sku: "PTBQ121308", quantity: 99 }]) } });
    expect(short.status).toBe(200);
    const replay = await buyer.call<OrderNotCreatedBody>("POST", "/orders", { body: { order: sampleOrder("R-1", [{ sku: "PTBQ121308", quantity: 1 }]) } });
    expect(replay.status).toBe(422);
    expect(replay.body.reason).toBe("Order with identifier R-1 already exists. Order is in status 'rejected'");
  });

  it("answers 422 Order not created naming the field for invalid orders, and 400 for JSON that does not parse", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 500 });
    const base = sampleOrder("V-1");
    const { zip_code: _zip, ...noZip } = base.billing_address;
    const { client_identifier: _id, ...noIdentifier } = base;
    const cases: [unknown, string][] = [
      // Missing keys in the document's wording (json_schemer's), a missing identifier in its Rails words (issue 9).
      [{ order: { ...base, billing_address: noZip } }, "property '/billing_address' is missing required keys: zip_code"],
      [{ order: { ...base, billing_address: noZip, brand: undefined, channel: undefined } }, "root is missing required keys: channel, brand, property '/billing_address' is missing required keys: zip_code"],
      [{ order: noIdentifier }, "Validation failed: Client identifier can't be blank"],
      [{ order: { ...base, client_identifier: "  " } }, "Validation failed: Client identifier can't be blank"],
      [{ order: { ...base, price_cents: "100" } }, "Validation failed: order.price_cents must be a number"],
      [{ order: { ...base, tax_cents: -1 } }, "Validation failed: order.tax_cents must be at least 0"],
      [{ order: { ...base, shipping_method: "SLOW" } }, "Validation failed: order.shipping_method must be one of STANDARD, EXPRESS, OVERNIGHT, FREIGHT, PICK-UP"],
      [{ order: { ...base, order_items: [] } }, "Validation failed: order.order_items must have at least 1 entries"],
      [{ order: { ...base, order_items: [{ sku: "PTBQ121308", condition: "N", quantity: 0 }] } }, "Validation failed: order.order_items.0.quantity must be at least 1"],
      [{ order: { ...base, order_items: [{ sku: "PTBQ121308", quantity: 1 }] } }, "property '/order_items/0' is missing required keys: condition"],
      [{ order: { ...base, expected_delivery_date: "soon" } }, "Validation failed: order.expected_delivery_date must be a date (YYYY-MM-DD)"],
      [{ order: { ...base, order_items: Array.from({ length: 126 }, () => base.order_items[0]) } }, "The maximum number of items in an order is 125. Please try again with a smaller number of items"],
      [{ orders: [base] }, "Validation failed: order is missing"],
      [undefined, "Validation failed: order is missing"],
    ];
    for (const [body, reason] of cases) {
      const answer = await buyer.call("POST", "/orders", { body });
      expect([answer.status, answer.body]).toEqual([422, { message: "Order not created", reason }]);
    }
    const notJson = await buyer.call<MessageBody>("POST", "/orders", { body: '{"order": {', headers: { "content-type": "application/json" } });
    expect([notJson.status, notJson.body]).toEqual([400, { message: "Request body is not valid JSON" }]);
    expect(world.gateway.store.read((r) => r.counts().orders)).toBe(0);
    // 125 items is still fine.
    const most = await buyer.call("POST", "/orders", { body: { order: { ...base, order_items: Array.from({ length: 125 }, () => base.order_items[0]) } } });
    expect(most.status).toBe(201);
  });

  it("raises a purchase order for vendor-managed lines of an accepted order", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    unwrap(upsertProduct(world.ctx, { sku: "VEND-1", vendorId: "acme-vendor", vpc: "A-100" }));
    world.stock({ sku: "VEND-1", condition: "N", channel: "rts_drop_ship", onHand: 10 });
    world.stock({ sku: "OWN-1", condition: "N", channel: "rts_drop_ship", onHand: 10 });
    const answer = await buyer.call("POST", "/orders", {
      body: { order: sampleOrder("PO-1", [{ sku: "VEND-1", quantity: 2 }, { sku: "OWN-1", quantity: 1 }]) },
    });
    expect(answer.status).toBe(201);
    const order = world.gateway.store.read((r) => r.findOrder(buyer.clientId, "PO-1"))!;
    const pos = world.gateway.store.read((r) => r.listPurchaseOrders({ orderId: order.id, limit: 10 })).rows;
    expect(pos).toHaveLength(1);
    expect(pos[0]).toMatchObject({ vendorId: "acme-vendor", status: "ready" });
    expect(pos[0]!.items.map((i) => [i.sku, i.vpc, i.quantity.ordered])).toEqual([["VEND-1", "A-100", 2]]);
  });
});

describe("lot orders: pending_payment, PUT and DELETE /orders/{id}", () => {
  it("accepts a lot order as pending_payment; PUT payment complete (the spec's sample) makes it accepted", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    lotStock("CSAA12345");
    const created = await buyer.call("POST", "/orders", { body: { order: sampleOrder("LOT-1", [{ sku: "CSAA12345", quantity: 1 }]) } });
    expect([created.status, created.body]).toEqual([201, fixture("create-order-pending-payment.response.json")]);
    const pending = await buyer.call<OrderEnvelope>("GET", "/orders/LOT-1");
    expect(pending.body.order.status).toBe("pending_payment");
    expect(pending.body.order.order_items[0]!.status).toBe("pending");

    const paid = await buyer.call("PUT", "/orders/LOT-1", { body: fixture("update-order.request.json") });
    expect([paid.status, paid.body, paid.text]).toEqual([204, undefined, ""]);
    const accepted = await buyer.call<OrderEnvelope>("GET", "/orders/LOT-1");
    expect(accepted.body.order.status).toBe("accepted");
    expect(accepted.body.order.order_items[0]!.status).toBe("accepted");

    const again = await buyer.call("PUT", "/orders/LOT-1", { body: fixture("update-order.request.json") });
    expect([again.status, again.body]).toEqual([422, { message: "Order status should be pending_payment" }]);
    const cancel = await buyer.call("DELETE", "/orders/LOT-1");
    expect([cancel.status, cancel.body]).toEqual([422, { message: "Order status should be pending_payment" }]);
  });

  it("answers 422 Payment status is not valid for anything but payment_status complete", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    lotStock("CSAA12345");
    await buyer.call("POST", "/orders", { body: { order: sampleOrder("LOT-1", [{ sku: "CSAA12345", quantity: 1 }]) } });
    for (const body of [{ order: { payment_status: "pending" } }, { order: {} }, { payment_status: "complete" }, undefined]) {
      const answer = await buyer.call("PUT", "/orders/LOT-1", { body });
      expect([answer.status, answer.body]).toEqual([422, { message: "Payment status is not valid" }]);
    }
  });

  it("DELETE cancels a lot order waiting for payment and its stock returns", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    lotStock("CSAA12345");
    await buyer.call("POST", "/orders", { body: { order: sampleOrder("LOT-1", [{ sku: "CSAA12345", quantity: 1 }]) } });
    expect(available("CSAA12345")).toBe(0);
    const cancelled = await buyer.call("DELETE", "/orders/LOT-1");
    expect([cancelled.status, cancelled.text]).toEqual([204, ""]);
    expect(available("CSAA12345")).toBe(1);
    const shown = await buyer.call<OrderEnvelope>("GET", "/orders/LOT-1");
    expect(shown.body.order.status).toBe("cancelled");
    const again = await buyer.call("DELETE", "/orders/LOT-1");
    expect([again.status, again.body]).toEqual([422, { message: "Order status should be pending_payment" }]);
    expect(invariants()).toEqual([]);
  });

  it("answers 422 for a unit order (accepted at once) and 404 Order cannot be found for an unknown one", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    await buyer.call("POST", "/orders", { body: { order: sampleOrder("U-1") } });
    for (const [method, body] of [["PUT", fixture("update-order.request.json")], ["DELETE", undefined]] as const) {
      const answer = await buyer.call(method, "/orders/U-1", { body });
      expect([answer.status, answer.body]).toEqual([422, { message: "Order status should be pending_payment" }]);
    }
    expect(available("PTBQ121308")).toBe(4);
    for (const [method, body] of [["GET", undefined], ["PUT", fixture("update-order.request.json")], ["DELETE", undefined]] as const) {
      const answer = await buyer.call(method, "/orders/NOPE", { body });
      expect([answer.status, answer.body]).toEqual([404, NOT_FOUND]);
    }
  });
});

describe("GET /orders", () => {
  it("lists the buyer's orders in a status, with record_count and an optional channel filter", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "b2b", onHand: 5 });
    lotStock("CSAA12345");
    await buyer.call("POST", "/orders", { body: { order: sampleOrder("A-1") } });
    await buyer.call("POST", "/orders", { body: { order: sampleOrder("A-2", undefined, "b2b") } });
    await buyer.call("POST", "/orders", { body: { order: sampleOrder("P-1", [{ sku: "CSAA12345", quantity: 1 }]) } });
    await buyer.call("POST", "/orders", { body: { order: sampleOrder("R-1", [{ sku: "PTBQ121308", quantity: 50 }]) } });

    const accepted = await buyer.call<OrdersPage>("GET", "/orders", { query: { updated_at: anHourAgo(), status: "accepted" } });
    expect(accepted.status).toBe(200);
    expect(accepted.body.orders.map((o) => o.client_identifier)).toEqual(["A-1", "A-2"]);
    expect(accepted.headers.get("record_count")).toBe("2");
    expect(accepted.body.next_page).toBeNull();
    const b2b = await buyer.call<OrdersPage>("GET", "/orders", { query: { updated_at: anHourAgo(), status: "accepted", channel: "b2b" } });
    expect(b2b.body.orders.map((o) => [o.client_identifier, o.channel])).toEqual([["A-2", "b2b"]]);
    for (const [status, expected] of [["pending_payment", ["P-1"]], ["rejected", ["R-1"]], ["shipped", []]] as const) {
      const page = await buyer.call<OrdersPage>("GET", "/orders", { query: { updated_at: anHourAgo(), status } });
      expect(page.body.orders.map((o) => o.client_identifier)).toEqual(expected);
    }
  });

  it("answers 400 without status or updated_at, 400 for an unknown status, 422 for updated_at older than 3 months", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const cases: [Record<string, string>, number, string][] = [
      [{ updated_at: anHourAgo() }, 400, "param is missing or the value is empty: status"],
      [{ status: "accepted" }, 400, "param is missing or the value is empty: updated_at"],
      [{ updated_at: anHourAgo(), status: "open" }, 400, "Invalid status; expected one of accepted, rejected, cancelled, pending_payment, partially_shipped, shipped"],
      [{ updated_at: "2021-06-01T00:00:00Z", status: "accepted" }, 422, "Invalid updated_at date; should not be older than 3 months"],
      [{ updated_at: anHourAgo(), status: "accepted", per_page: "500" }, 400, "Invalid per_page"],
    ];
    for (const [query, status, message] of cases) {
      const answer = await buyer.call("GET", "/orders", { query });
      expect([answer.status, answer.body]).toEqual([status, queryErrorBody(message)]);
    }
  });
});
