import { availableOf, cancelOrder, confirmPayment, placeOrder, setStock } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, failure, must, openWorld, orderInput, stock, vendorStock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

const position = (sku: string) => world.storage.read((r) => r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" }))!;
const lot = { templateName: "pallet", weight: 40.5, manifestItems: [] };

describe("placing orders", () => {
  it("accepts an order it can fill and allocates its stock", () => {
    stock(world.ctx, "S1", 5);
    stock(world.ctx, "S2", 2);
    const client = buyer(world.ctx);
    const outcome = must(placeOrder(world.ctx, orderInput(client.id, [["S1", 3], ["S2", 2]])));
    expect(outcome.kind).toBe("accepted");
    if (outcome.kind !== "accepted") return;
    expect(outcome.order.status).toBe("accepted");
    expect(outcome.order.items.map((i) => [i.status, i.quantity.allocated])).toEqual([["accepted", 3], ["accepted", 2]]);
    expect(availableOf(position("S1"))).toBe(2);
    expect(availableOf(position("S2"))).toBe(0);
    expectInvariants(world);
  });

  it("rejects a short order all or nothing, lists only the short lines, and allocates nothing", () => {
    stock(world.ctx, "S1", 5);
    stock(world.ctx, "S2", 1);
    const client = buyer(world.ctx);
    const outcome = must(placeOrder(world.ctx, orderInput(client.id, [["S1", 3], ["S2", 3], ["GHOST", 1]], "A-1")));
    expect(outcome.kind).toBe("rejected");
    if (outcome.kind !== "rejected") return;
    expect(outcome.shortages).toEqual([
      { itemClientIdentifier: "line-2", sku: "S2", condition: "N", requested: 3, available: 1 },
      { itemClientIdentifier: "line-3", sku: "GHOST", condition: "N", requested: 1, available: 0 },
    ]);
    // Stored structured, exactly as answered: each dialect words the shortages itself.
    expect(outcome.order).toMatchObject({ status: "rejected", shortages: outcome.shortages, rejectReason: null });
    expect(world.storage.read((r) => r.getOrder(outcome.order.id))?.shortages).toEqual(outcome.shortages);
    expect(availableOf(position("S1"))).toBe(5);
    // Stored, so a replay finds it.
    expect(must(placeOrder(world.ctx, orderInput(client.id, [["S1", 1]], "A-1"))).kind).toBe("duplicate");
    expectInvariants(world);
  });

  it("answers a replay of the same client identifier with the existing order; another client may reuse it", () => {
    stock(world.ctx, "S1", 5);
    const a = buyer(world.ctx, "a");
    const b = buyer(world.ctx, "b");
    must(placeOrder(world.ctx, orderInput(a.id, [["S1", 1]], "SAME")));
    const replay = must(placeOrder(world.ctx, orderInput(a.id, [["S1", 1]], "SAME")));
    expect(replay.kind).toBe("duplicate");
    expect(replay.order.status).toBe("accepted");
    expect(must(placeOrder(world.ctx, orderInput(b.id, [["S1", 1]], "SAME"))).kind).toBe("accepted");
    expect(position("S1").allocated).toBe(2);
    expectInvariants(world);
  });

  it("counts two lines of one position together", () => {
    stock(world.ctx, "S1", 3);
    const client = buyer(world.ctx);
    expect(must(placeOrder(world.ctx, orderInput(client.id, [["S1", 2], ["S1", 2]]))).kind).toBe("rejected");
    expect(must(placeOrder(world.ctx, orderInput(client.id, [["S1", 2], ["S1", 1]]))).kind).toBe("accepted");
    expectInvariants(world);
  });

  it("in fill-available mode takes what there is and refuses unknown items without writing", () => {
    const s1 = stock(world.ctx, "S1", 2);
    const client = buyer(world.ctx);
    const input = { ...orderInput(client.id, [["S1", 5]]), fill: "available" as const, payment: "none" as const };
    const outcome = must(placeOrder(world.ctx, input));
    expect(outcome.kind).toBe("accepted");
    expect(outcome.order.items[0]?.quantity.ordered).toBe(2);
    const unknown = { ...input, clientIdentifier: "U", items: [{ ref: { positionId: s1.id }, quantity: 1 }, { ref: { positionId: 999 }, quantity: 1 }] };
    expect(failure(placeOrder(world.ctx, unknown))).toMatchObject({ code: "NOT_FOUND", field: "items.1.ref" });
    expect(world.storage.read((r) => r.findOrder(client.id, "U"))).toBeUndefined();
    expectInvariants(world);
  });
});

describe("lot orders, payment and cancellation", () => {
  it("a lot order waits for payment holding its stock; payment accepts it", () => {
    must(setStock(world.ctx, { sku: "LOT1", condition: "N", channel: "rts_drop_ship", onHand: 1, lot }));
    const client = buyer(world.ctx);
    const outcome = must(placeOrder(world.ctx, orderInput(client.id, [["LOT1", 1]])));
    expect(outcome.order).toMatchObject({ status: "pending_payment", paymentRequired: true });
    expect(outcome.order.items[0]?.status).toBe("pending");
    expect(availableOf(position("LOT1"))).toBe(0);
    const paid = must(confirmPayment(world.ctx, { orderId: outcome.order.id }));
    expect(paid.status).toBe("accepted");
    expect(paid.items[0]?.status).toBe("accepted");
    expect(failure(confirmPayment(world.ctx, { orderId: outcome.order.id }))).toMatchObject({ code: "ILLEGAL_TRANSITION", message: "Order status should be pending_payment" });
    expect(failure(confirmPayment(world.ctx, { orderId: 999 })).code).toBe("NOT_FOUND");
    expectInvariants(world);
  });

  it("refusalWithoutLot refuses a unit-only order with nothing taken, and lets a lot order wait for payment", () => {
    stock(world.ctx, "U1", 2);
    must(setStock(world.ctx, { sku: "LOT2", condition: "N", channel: "rts_drop_ship", onHand: 1, lot }));
    const client = buyer(world.ctx);
    const refusals = { refusalWithoutLot: "units cannot wait for payment", refusal: "address refused" };
    const units = must(placeOrder(world.ctx, { ...orderInput(client.id, [["U1", 1]]), ...refusals }));
    expect(units.kind).toBe("rejected");
    // The lot refusal wins over the dialect's other refusal.
    expect(units.order).toMatchObject({ status: "rejected", rejectReason: "units cannot wait for payment" });
    expect(availableOf(position("U1"))).toBe(2);
    // With a lot line the lot refusal does not apply; the other refusal still does.
    const mixedRefused = must(placeOrder(world.ctx, { ...orderInput(client.id, [["U1", 1], ["LOT2", 1]]), ...refusals }));
    expect(mixedRefused.order).toMatchObject({ status: "rejected", rejectReason: "address refused" });
    const mixed = must(placeOrder(world.ctx, { ...orderInput(client.id, [["U1", 1], ["LOT2", 1]]), refusalWithoutLot: refusals.refusalWithoutLot }));
    expect(mixed.order).toMatchObject({ status: "pending_payment", paymentRequired: true });
    expect(availableOf(position("U1"))).toBe(1);
    expectInvariants(world);
  });

  it("cancelling returns the stock; cancelled and rejected orders cannot be cancelled again", () => {
    must(setStock(world.ctx, { sku: "LOT1", condition: "N", channel: "rts_drop_ship", onHand: 1, lot }));
    const client = buyer(world.ctx);
    const { order } = must(placeOrder(world.ctx, orderInput(client.id, [["LOT1", 1]])));
    const cancelled = must(cancelOrder(world.ctx, { orderId: order.id }));
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.items[0]).toMatchObject({ status: "cancelled", quantity: { allocated: 0, cancelled: 1 } });
    expect(availableOf(position("LOT1"))).toBe(1);
    expect(failure(cancelOrder(world.ctx, { orderId: order.id })).code).toBe("ILLEGAL_TRANSITION");
    const rejected = must(placeOrder(world.ctx, orderInput(client.id, [["LOT1", 2]])));
    expect(failure(cancelOrder(world.ctx, { orderId: rejected.order.id })).code).toBe("ILLEGAL_TRANSITION");
    expect(failure(confirmPayment(world.ctx, { orderId: rejected.order.id })).code).toBe("ILLEGAL_TRANSITION");
    expectInvariants(world);
  });
});

describe("purchase orders raised for vendor-managed lines", () => {
  it("raises one PO per vendor with the vendor's vpc, none for operator-held lines", () => {
    vendorStock(world.ctx, "27", "V1", "ABC123", 5);
    vendorStock(world.ctx, "27", "V2", "ABC124", 5);
    vendorStock(world.ctx, "31", "W1", "XYZ", 5);
    stock(world.ctx, "S1", 5);
    const client = buyer(world.ctx);
    const { order } = must(placeOrder(world.ctx, orderInput(client.id, [["V1", 1], ["V2", 2], ["W1", 1], ["S1", 1]])));
    const pos = world.storage.read((r) => r.listPurchaseOrders({ orderId: order.id, limit: 10 })).rows;
    expect(pos.map((po) => [po.vendorId, po.status, po.items.map((i) => [i.vpc, i.quantity.ordered])])).toEqual([
      ["27", "ready", [["ABC123", 1], ["ABC124", 2]]],
      ["31", "ready", [["XYZ", 1]]],
    ]);
    expect(pos[0]?.po).toMatch(/^D\d+$/);
  });

  it("raises POs of a lot-free pending order only when payment arrives", () => {
    vendorStock(world.ctx, "27", "V1", "ABC123", 5);
    const client = buyer(world.ctx);
    const input = { ...orderInput(client.id, [["V1", 1]]), payment: "required" as const };
    const { order } = must(placeOrder(world.ctx, input));
    expect(world.storage.read((r) => r.listPurchaseOrders({ orderId: order.id, limit: 10 })).rows).toHaveLength(0);
    must(confirmPayment(world.ctx, { orderId: order.id }));
    expect(world.storage.read((r) => r.listPurchaseOrders({ orderId: order.id, limit: 10 })).rows).toHaveLength(1);
  });
});
