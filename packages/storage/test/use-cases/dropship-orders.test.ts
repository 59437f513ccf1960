import {
  cancelOrder,
  confirmPayment,
  createClient,
  type DropshipOrderInput,
  placeDropshipOrder,
  releaseReservations,
  reserve,
  setStock,
  upsertCarrier,
  upsertProduct,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectInvariants, failure, must, openWorld, stock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

const ADDRESS = { name: "ACME srl", street: "Via Roma 1", city: "TORINO", zipCode: "10100", country: "IT" };

function reseller(name = "reseller", settings: { ecreditCents?: number; autoConfirm?: boolean } = {}) {
  return must(createClient(world.ctx, { name, dialect: "rewix", scope: "buyer", ...settings })).client;
}

function carriers(withDefault = true) {
  must(upsertCarrier(world.ctx, { id: 10, name: "DHL", costCents: 1_000, isDefault: false }));
  must(upsertCarrier(world.ctx, { id: 20, name: "UPS", costCents: 500, isDefault: withDefault }));
}

function order(clientId: number, key: string, items: [positionId: number, quantity: number][], extra: Partial<DropshipOrderInput> = {}): DropshipOrderInput {
  return {
    clientId,
    key,
    fingerprint: `${key}:${JSON.stringify(items)}:${JSON.stringify(extra)}`,
    channel: "rts_drop_ship",
    items: items.map(([positionId, quantity]) => ({ positionId, quantity })),
    carrierId: 10,
    autoConfirm: true,
    shippingAddress: ADDRESS,
    ...extra,
  };
}

function priced(sku: string, onHand: number, priceCents: number) {
  return must(setStock(world.ctx, { sku, condition: "N", channel: "rts_drop_ship", onHand, priceCents }));
}

describe("placeDropshipOrder", () => {
  it("takes the buyer's reservation first, then available stock, and caps silently", () => {
    carriers();
    const p = priced("S1", 10, 100);
    const buyer = reseller("r1", { autoConfirm: true });
    const other = reseller("r2");
    must(reserve(world.ctx, { clientId: buyer.id, operations: [{ type: "lock", positionId: p.id, quantity: 3 }] }));
    must(reserve(world.ctx, { clientId: other.id, operations: [{ type: "lock", positionId: p.id, quantity: 4 }] }));
    // 3 reserved + 3 available = 6 at most; 9 asked.
    const placed = must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 9]])));
    expect(placed.order.items[0]?.quantity.ordered).toBe(6);
    expect(placed.models).toEqual([]);
    expect(world.storage.read((r) => r.getPositionById(p.id))).toMatchObject({ allocated: 6, reserved: 4 });
    expect(world.storage.read((r) => r.getReservation(other.id, p.id))?.locked).toBe(4);
    expectInvariants(world);
  });

  it("aborts the whole order on an unknown stock_id or one of another channel, writing nothing", () => {
    carriers();
    const p = priced("S1", 10, 100);
    const elsewhere = must(setStock(world.ctx, { sku: "S2", condition: "N", channel: "rts", onHand: 5 }));
    const buyer = reseller("r1", { autoConfirm: true });
    must(reserve(world.ctx, { clientId: buyer.id, operations: [{ type: "lock", positionId: p.id, quantity: 2 }] }));
    expect(failure(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 1], [999, 1]]))).field).toBe("items.1.positionId");
    expect(failure(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[elsewhere.id, 1]]))).code).toBe("NOT_FOUND");
    expect(world.storage.read((r) => r.findOrder(buyer.id, "K1"))).toBeUndefined();
    expect(world.storage.read((r) => r.getPositionById(p.id))).toMatchObject({ allocated: 0, reserved: 2 });
    expectInvariants(world);
  });

  it("confirms from ecredit when it covers the cost and debits it; POs are raised", () => {
    carriers();
    must(upsertProduct(world.ctx, { sku: "V1", vendorId: "27", vpc: "ABC" }));
    const p = priced("V1", 10, 1_000);
    const buyer = reseller("r1", { ecreditCents: 5_000 });
    const placed = must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 2]])));
    expect(placed.order.status).toBe("accepted");
    expect(placed.order).toMatchObject({ priceCents: 2_000, shippingCostCents: 1_000, carrierId: 10 });
    expect(world.storage.read((r) => r.getClient(buyer.id))?.ecreditCents).toBe(2_000);
    expect(world.storage.read((r) => r.listPurchaseOrders({ orderId: placed.order.id, limit: 10 }).total)).toBe(1);
  });

  it("stays booked when ecredit is short and auto-confirm is off; the operator confirms or cancels", () => {
    carriers();
    const p = priced("S1", 10, 1_000);
    const buyer = reseller("r1", { ecreditCents: 100 });
    const booked = must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 2]])));
    expect(booked.order.status).toBe("pending_payment");
    expect(world.storage.read((r) => r.getClient(buyer.id))?.ecreditCents).toBe(100);
    expect(world.storage.read((r) => r.getPositionById(p.id))?.allocated).toBe(2);
    expect(must(confirmPayment(world.ctx, { orderId: booked.order.id })).status).toBe("accepted");
    const second = must(placeDropshipOrder(world.ctx, order(buyer.id, "K2", [[p.id, 3]])));
    expect(must(cancelOrder(world.ctx, { orderId: second.order.id })).status).toBe("cancelled");
    expect(world.storage.read((r) => r.getPositionById(p.id))?.allocated).toBe(2);
    expectInvariants(world);
  });

  it("confirms by the auto-confirm setting without touching ecredit", () => {
    carriers();
    const p = priced("S1", 10, 1_000);
    const buyer = reseller("r1", { ecreditCents: 100, autoConfirm: true });
    expect(must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 2]]))).order.status).toBe("accepted");
    expect(world.storage.read((r) => r.getClient(buyer.id))?.ecreditCents).toBe(100);
  });

  it("autoConfirm false keeps the order booked even when ecredit covers it", () => {
    carriers();
    const p = priced("S1", 10, 100);
    const buyer = reseller("r1", { ecreditCents: 100_000, autoConfirm: true });
    const booked = must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 1]], { autoConfirm: false })));
    expect(booked.order.status).toBe("pending_payment");
    expect(world.storage.read((r) => r.getClient(buyer.id))?.ecreditCents).toBe(100_000);
  });

  it("an unknown carrier gets the default carrier; with no default the order stays booked", () => {
    carriers(true);
    const p = priced("S1", 10, 100);
    const buyer = reseller("r1", { ecreditCents: 100_000 });
    const withDefault = must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 1]], { carrierId: 777 })));
    expect(withDefault.order).toMatchObject({ status: "accepted", carrierId: 20, shippingCostCents: 500 });
    must(upsertCarrier(world.ctx, { id: 20, name: "UPS", costCents: 500, isDefault: false }));
    const noDefault = must(placeDropshipOrder(world.ctx, order(buyer.id, "K2", [[p.id, 1]], { carrierId: 777 })));
    expect(noDefault.order).toMatchObject({ status: "pending_payment", carrierId: null });
    const none = must(placeDropshipOrder(world.ctx, order(buyer.id, "K3", [[p.id, 1]], { carrierId: null })));
    expect(none.order.status).toBe("pending_payment");
  });

  it("the same key and order answers the first result; another order under the key is refused", () => {
    carriers();
    const p = priced("S1", 10, 100);
    const buyer = reseller("r1", { autoConfirm: true });
    must(reserve(world.ctx, { clientId: buyer.id, operations: [{ type: "lock", positionId: p.id, quantity: 5 }] }));
    const first = must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 2]])));
    must(reserve(world.ctx, { clientId: buyer.id, operations: [{ type: "set", positionId: p.id, quantity: 1 }] }));
    const again = must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 2]])));
    expect(again.kind).toBe("duplicate");
    expect(again.order.id).toBe(first.order.id);
    expect(again.models).toEqual(first.models);
    expect(first.models).toEqual([{ positionId: p.id, locked: 3, available: 5 }]);
    expect(world.storage.read((r) => r.getPositionById(p.id))).toMatchObject({ allocated: 2, reserved: 1 });
    const other = failure(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 3]])));
    expect(other).toMatchObject({ code: "CONFLICT", field: "key" });
    expectInvariants(world);
  });

  it("refuses when nothing at all is available, keeping the key free for a retry", () => {
    carriers();
    const p = priced("S1", 0, 100);
    const buyer = reseller("r1", { autoConfirm: true });
    expect(failure(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 2]]))).code).toBe("INSUFFICIENT_STOCK");
    must(setStock(world.ctx, { sku: "S1", condition: "N", channel: "rts_drop_ship", onHand: 3 }));
    expect(must(placeDropshipOrder(world.ctx, order(buyer.id, "K1", [[p.id, 2]]))).kind).toBe("placed");
  });
});

describe("releaseReservations", () => {
  it("gives back every lock of one buyer, or one position's, and leaves others alone", () => {
    const a = stock(world.ctx, "S1", 10);
    const b = stock(world.ctx, "S2", 10);
    const buyer = reseller("r1");
    const other = reseller("r2");
    must(reserve(world.ctx, { clientId: buyer.id, operations: [{ type: "lock", positionId: a.id, quantity: 3 }, { type: "lock", positionId: b.id, quantity: 4 }] }));
    must(reserve(world.ctx, { clientId: other.id, operations: [{ type: "lock", positionId: a.id, quantity: 2 }] }));
    expect(must(releaseReservations(world.ctx, { clientId: buyer.id, positionId: b.id })).released).toEqual([{ positionId: b.id, locked: 4, available: 10 }]);
    expect(must(releaseReservations(world.ctx, { clientId: buyer.id })).released).toEqual([{ positionId: a.id, locked: 3, available: 8 }]);
    expect(world.storage.read((r) => r.getPositionById(a.id))?.reserved).toBe(2);
    expect(failure(releaseReservations(world.ctx, { clientId: 999 })).code).toBe("NOT_FOUND");
    expectInvariants(world);
  });
});

describe("catalogue", () => {
  it("lists products with positions in the channel by keyset, with since and numbered page starts", () => {
    for (const sku of ["A", "B", "C", "D"]) stock(world.ctx, sku, 1);
    must(setStock(world.ctx, { sku: "B", condition: "A", channel: "rts_drop_ship", onHand: 2 }));
    must(setStock(world.ctx, { sku: "E", condition: "N", channel: "rts", onHand: 2 }));
    const first = world.storage.read((r) => r.listCatalogue({ channel: "rts_drop_ship", limit: 2 }));
    expect(first.rows.map((e) => [e.product.sku, e.positions.map((p) => p.condition)])).toEqual([["A", ["N"]], ["B", ["N", "A"]]]);
    expect(first).toMatchObject({ total: 4, nextAfterSku: "B" });
    const second = world.storage.read((r) => r.listCatalogue({ channel: "rts_drop_ship", afterSku: "B", limit: 2 }));
    expect(second.rows.map((e) => e.product.sku)).toEqual(["C", "D"]);
    expect(second.nextAfterSku).toBeNull();
    expect(world.storage.read((r) => r.catalogueSkuAt({ channel: "rts_drop_ship" }, 1))).toBe("B");
    expect(world.storage.read((r) => r.catalogueSkuAt({ channel: "rts_drop_ship" }, 4))).toBeUndefined();
    world.advance(60_000);
    const since = world.ctx.now().toISOString();
    must(setStock(world.ctx, { sku: "C", condition: "N", channel: "rts_drop_ship", onHand: 7 }));
    const changed = world.storage.read((r) => r.listCatalogue({ channel: "rts_drop_ship", updatedSince: since, limit: 10 }));
    expect(changed.rows.map((e) => e.product.sku)).toEqual(["C"]);
    expect(changed.total).toBe(1);
  });
});
