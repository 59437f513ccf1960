import { placeOrder, type PlaceOrderInput, upsertForwardOrders, type UseCaseContext } from "@dropgate/core-domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection } from "./support/rejection.js";
import { type Harness, startHarness } from "./support/rpc-harness.js";

let h: Harness;
let ctx: UseCaseContext;
let buyerId: number;
let orderSeq = 0;

beforeAll(async () => {
  h = await startHarness();
  ctx = { store: h.storage, now: () => new Date() };
  const demo = await h.rpc.world.demo.mutate();
  buyerId = demo.credentials["demo-buyer"]?.clientId ?? 0;
});
afterAll(() => h.close());

/** Places an order the way a buyer's dialect would, straight through the core use case. */
function order(items: PlaceOrderInput["items"], payment: PlaceOrderInput["payment"] = "lots") {
  const placed = placeOrder(ctx, {
    clientId: buyerId,
    clientIdentifier: `ORDER-${++orderSeq}`,
    channel: "rts_drop_ship",
    fill: "all_or_nothing",
    payment,
    items,
  });
  if (!placed.ok || placed.value.kind !== "accepted") throw new Error(`order not accepted: ${JSON.stringify(placed)}`);
  return placed.value.order;
}

describe("orders", () => {
  it("searches by client and status and shows an order with its POs", async () => {
    const placed = order([
      { ref: { sku: "ACME-ABC123", condition: "N" }, quantity: 2 },
      { ref: { sku: "OPT-KETTLE-01", condition: "A" }, quantity: 1 },
    ]);
    const found = await h.rpc.orders.search.query({ client: "demo-buyer", status: "accepted" });
    expect(found.rows.map((o) => o.id)).toContain(placed.id);
    const detail = await h.rpc.orders.get.query({ id: placed.id });
    expect(detail.order.items).toHaveLength(2);
    expect(detail.purchaseOrders).toHaveLength(1);
    expect(detail.purchaseOrders[0]?.vendorId).toBe("27");
    expect(detail.shipments).toEqual([]);
  });

  it("cancels an order, then refuses to cancel it again (ILLEGAL_TRANSITION → PRECONDITION_FAILED)", async () => {
    const placed = order([{ ref: { sku: "OPT-KETTLE-01", condition: "A" }, quantity: 1 }]);
    const cancelled = await h.rpc.orders.cancel.mutate({ id: placed.id });
    expect(cancelled.status).toBe("cancelled");
    const error = await rejection(h.rpc.orders.cancel.mutate({ id: placed.id }));
    expect(error.data).toMatchObject({ code: "PRECONDITION_FAILED", httpStatus: 412, domainCode: "ILLEGAL_TRANSITION" });
  });

  it("confirms payment of a lot order", async () => {
    const placed = order([{ ref: { sku: "CSAA12346", condition: "A" }, quantity: 1 }]);
    expect(placed.status).toBe("pending_payment");
    expect((await h.rpc.orders.confirmPayment.mutate({ id: placed.id })).status).toBe("accepted");
  });

  it("answers NOT_FOUND for an unknown order and zod errors for a bad status", async () => {
    expect((await rejection(h.rpc.orders.get.query({ id: 999_999 }))).data?.domainCode).toBe("NOT_FOUND");
    // @ts-expect-error: not an order status
    const error = await rejection(h.rpc.orders.search.query({ status: "lost" }));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("status");
  });
});

describe("purchase orders", () => {
  it("submits, accepts and completes a PO; the order ships", async () => {
    const placed = order([{ ref: { sku: "ACME-DEF456", condition: "N" }, quantity: 2 }]);
    const { rows } = await h.rpc.purchaseOrders.search.query({ orderId: placed.id, statuses: ["ready"] });
    const po = rows[0]?.po ?? "";
    expect(po).toMatch(/^D\d+$/);
    expect((await h.rpc.purchaseOrders.submit.mutate({ po })).status).toBe("submitted");
    expect((await h.rpc.purchaseOrders.accept.mutate({ po })).status).toBe("accepted");
    const completed = await h.rpc.purchaseOrders.complete.mutate({
      po,
      packages: [{ shipClassId: 7, trackingNumber: "1Z999", items: [{ vpc: "DEF456", quantity: 2 }] }],
    });
    expect(completed.purchaseOrder.status).toBe("complete");
    expect(completed.order.status).toBe("shipped");
    const detail = await h.rpc.purchaseOrders.get.query({ po });
    expect(detail.shipments.map((s) => s.trackingNumber)).toEqual(["1Z999"]);
  });

  it("refuses to complete a PO twice and answers NOT_FOUND for an unknown PO", async () => {
    const placed = order([{ ref: { sku: "ACME-GHI789", condition: "N" }, quantity: 1 }]);
    const po = (await h.rpc.orders.get.query({ id: placed.id })).purchaseOrders[0]?.po ?? "";
    await h.rpc.purchaseOrders.submit.mutate({ po });
    await h.rpc.purchaseOrders.complete.mutate({ po, packages: [{ trackingNumber: "T-1", items: [{ vpc: "GHI789", quantity: 1 }] }] });
    const again = await rejection(h.rpc.purchaseOrders.submit.mutate({ po }));
    expect(again.data).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "ILLEGAL_TRANSITION" });
    expect((await rejection(h.rpc.purchaseOrders.get.query({ po: "D999999" }))).data?.domainCode).toBe("NOT_FOUND");
  });

  it("answers zod errors for a malformed PO number", async () => {
    const error = await rejection(h.rpc.purchaseOrders.get.query({ po: "PO-1" }));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("po");
  });
});

describe("shipments", () => {
  it("records a package of operator-held stock and finds it by tracking number", async () => {
    const placed = order([{ ref: { sku: "OPT-HEADSET-02", condition: "A" }, quantity: 2 }]);
    const item = placed.items[0];
    const recorded = await h.rpc.shipments.record.mutate({
      orderId: placed.id,
      trackingNumber: "9400-1",
      shipClassId: 62,
      items: [{ orderItemId: item?.id ?? 0, quantity: 1 }],
    });
    expect(recorded.order.status).toBe("partially_shipped");
    expect(recorded.shipment.carrier).toBe("UPS");
    const found = await h.rpc.shipments.search.query({ trackingNumber: "9400-1" });
    expect(found.rows.map((s) => s.id)).toEqual([recorded.shipment.id]);
  });

  it("refuses to ship a vendor-managed line directly (VALIDATION) and an empty package (zod)", async () => {
    const placed = order([{ ref: { sku: "ACME-ABC123", condition: "N" }, quantity: 1 }]);
    const error = await rejection(
      h.rpc.shipments.record.mutate({ orderId: placed.id, trackingNumber: "X", items: [{ orderItemId: placed.items[0]?.id ?? 0, quantity: 1 }] }),
    );
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "VALIDATION", field: "items.0.orderItemId" });
    const zodError = await rejection(h.rpc.shipments.record.mutate({ orderId: placed.id, trackingNumber: "X", items: [] }));
    expect(zodError.data?.zodError?.fieldErrors).toHaveProperty("items");
  });
});

describe("reservations", () => {
  it("locks what is available and lists it", async () => {
    const positions = await h.rpc.stock.positions.query({ sku: "ACME-ABC123" });
    const position = positions.rows[0];
    if (!position) throw new Error("demo position missing");
    const reserved = await h.rpc.reservations.reserve.mutate({
      client: "rewix-buyer",
      operations: [{ type: "lock", positionId: position.id, quantity: 3 }],
    });
    expect(reserved.models).toEqual([{ positionId: position.id, locked: 3, available: expect.any(Number) }]);
    expect((await h.rpc.reservations.list.query({ client: "rewix-buyer" })).map((r) => r.locked)).toEqual([3]);
  });

  it("the operator releases a buyer's reservation and its stock is available again", async () => {
    const position = (await h.rpc.stock.positions.query({ sku: "ACME-DEF456" })).rows[0];
    if (!position) throw new Error("demo position missing");
    const before = position.onHand - position.allocated - position.reserved;
    await h.rpc.reservations.reserve.mutate({ client: "rewix-buyer", operations: [{ type: "lock", positionId: position.id, quantity: 4 }] });
    const { released } = await h.rpc.reservations.release.mutate({ client: "rewix-buyer", positionId: position.id });
    expect(released).toEqual([{ positionId: position.id, locked: 4, available: before }]);
    expect((await h.rpc.reservations.list.query({ client: "rewix-buyer" })).find((r) => r.positionId === position.id)?.locked).toBe(0);
  });

  it("answers NOT_FOUND for an unknown position and zod errors for an unknown operation", async () => {
    const error = await rejection(
      h.rpc.reservations.reserve.mutate({ client: "rewix-buyer", operations: [{ type: "lock", positionId: 999_999, quantity: 1 }] }),
    );
    expect(error.data).toMatchObject({ code: "NOT_FOUND", domainCode: "NOT_FOUND", field: "operations.0.positionId" });
    const zodError = await rejection(
      // @ts-expect-error: steal is no reservation operation
      h.rpc.reservations.reserve.mutate({ client: "rewix-buyer", operations: [{ type: "steal", positionId: 1, quantity: 1 }] }),
    );
    expect(zodError.data?.zodError?.fieldErrors).toHaveProperty("operations");
  });
});

describe("forward orders", () => {
  it("searches a sender's forward orders and shows one", async () => {
    const sender = await h.rpc.clients.create.mutate({ name: "retailer", dialect: "optoro", scope: "forward_order_sender" });
    const saved = upsertForwardOrders(ctx, {
      clientId: sender.client.id,
      orders: [{ identifier: "FO-1", items: [{ identifier: "1", upc: "840000000011", sku: "OPT-KETTLE-01", quantity: 1 }] }],
    });
    expect(saved.ok).toBe(true);
    const page = await h.rpc.forwardOrders.search.query({ client: "retailer" });
    expect(page.rows.map((f) => f.identifier)).toEqual(["FO-1"]);
    expect((await h.rpc.forwardOrders.get.query({ client: "retailer", identifier: "FO-1" })).items).toHaveLength(1);
  });

  it("answers NOT_FOUND for an unknown forward order or sender, and zod errors for a bad limit", async () => {
    expect((await rejection(h.rpc.forwardOrders.get.query({ client: "retailer", identifier: "nope" }))).data?.domainCode).toBe("NOT_FOUND");
    expect((await rejection(h.rpc.forwardOrders.search.query({ client: "ghost" }))).data?.domainCode).toBe("NOT_FOUND");
    const error = await rejection(h.rpc.forwardOrders.search.query({ limit: 0 }));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("limit");
  });
});
