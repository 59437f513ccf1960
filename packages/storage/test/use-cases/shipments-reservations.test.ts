import {
  availableOf,
  cancelOrder,
  placeOrder,
  recordShipment,
  reserve,
  upsertForwardOrders,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, failure, must, openWorld, orderInput, stock, vendorStock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

describe("shipments of operator-held stock", () => {
  it("ships in parts: partially_shipped, then shipped; stock leaves on-hand", () => {
    const s1 = stock(world.ctx, "S1", 5);
    const client = buyer(world.ctx);
    const { order } = must(placeOrder(world.ctx, orderInput(client.id, [["S1", 3]])));
    const itemId = order.items[0]!.id;
    const first = must(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "T1", carrier: "UPS", items: [{ orderItemId: itemId, quantity: 1 }] }));
    expect(first.order.status).toBe("partially_shipped");
    expect(first.order.items[0]?.status).toBe("partially_shipped");
    expect(failure(cancelOrder(world.ctx, { orderId: order.id })).code).toBe("ILLEGAL_TRANSITION");
    expect(failure(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "T2", items: [{ orderItemId: itemId, quantity: 3 }] })).code).toBe("VALIDATION");
    const second = must(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "T2", items: [{ orderItemId: itemId, quantity: 2 }] }));
    expect(second.order.status).toBe("shipped");
    expect(world.storage.read((r) => r.getPositionById(s1.id))).toMatchObject({ onHand: 2, allocated: 0 });
    expect(failure(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "T3", items: [{ orderItemId: itemId, quantity: 1 }] })).code).toBe("ILLEGAL_TRANSITION");
    expectInvariants(world);
  });

  it("refuses vendor-managed lines, unknown items, pending and unknown orders", () => {
    vendorStock(world.ctx, "27", "V1", "ABC", 5);
    const client = buyer(world.ctx);
    const { order } = must(placeOrder(world.ctx, orderInput(client.id, [["V1", 1]])));
    expect(failure(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "T", items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] })).code).toBe("VALIDATION");
    expect(failure(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "T", items: [{ orderItemId: 999, quantity: 1 }] })).code).toBe("NOT_FOUND");
    expect(failure(recordShipment(world.ctx, { orderId: 999, trackingNumber: "T", items: [{ orderItemId: 1, quantity: 1 }] })).code).toBe("NOT_FOUND");
    expectInvariants(world);
  });
});

describe("reservations", () => {
  it("lock grants min(requested, available), unlock and set adjust it, never failing", () => {
    const s1 = stock(world.ctx, "S1", 5);
    const client = buyer(world.ctx);
    const lock = (type: "lock" | "unlock" | "set", quantity: number) =>
      must(reserve(world.ctx, { clientId: client.id, operations: [{ type, positionId: s1.id, quantity }] })).models;
    expect(lock("lock", 3)).toEqual([{ positionId: s1.id, locked: 3, available: 2 }]);
    expect(lock("lock", 10)).toEqual([{ positionId: s1.id, locked: 5, available: 0 }]);
    expect(lock("unlock", 4)).toEqual([{ positionId: s1.id, locked: 1, available: 4 }]);
    expect(lock("set", 2)).toEqual([{ positionId: s1.id, locked: 2, available: 3 }]);
    expect(lock("unlock", 9)).toEqual([{ positionId: s1.id, locked: 0, available: 5 }]);
    expect(failure(reserve(world.ctx, { clientId: client.id, operations: [{ type: "lock", positionId: 999, quantity: 1 }] })).field).toBe("operations.0.positionId");
    expectInvariants(world);
  });

  it("an order consumes the buyer's own locks first; others cannot take locked stock", () => {
    const s1 = stock(world.ctx, "S1", 3);
    const a = buyer(world.ctx, "a");
    const b = buyer(world.ctx, "b");
    must(reserve(world.ctx, { clientId: a.id, operations: [{ type: "lock", positionId: s1.id, quantity: 2 }] }));
    expect(must(placeOrder(world.ctx, orderInput(b.id, [["S1", 2]]))).kind).toBe("rejected");
    expect(must(placeOrder(world.ctx, orderInput(a.id, [["S1", 3]]))).kind).toBe("accepted");
    expect(world.storage.read((r) => r.getPositionById(s1.id))).toMatchObject({ allocated: 3, reserved: 0 });
    expect(world.storage.read((r) => r.getReservation(a.id, s1.id))?.locked).toBe(0);
    expect(availableOf(world.storage.read((r) => r.getPositionById(s1.id))!)).toBe(0);
    expectInvariants(world);
  });
});

describe("forward orders", () => {
  it("upserts: updates change and add items, never delete", () => {
    const client = buyer(world.ctx);
    const item = (identifier: string, quantity: number) => ({ identifier, upc: "0123456789012", sku: "S1", quantity });
    must(upsertForwardOrders(world.ctx, { clientId: client.id, orders: [{ identifier: "F1", items: [item("i1", 1), item("i2", 1)] }] }));
    const [updated] = must(upsertForwardOrders(world.ctx, { clientId: client.id, orders: [{ identifier: "F1", postalCode: "10100", items: [item("i2", 5), item("i3", 1)] }] }));
    expect(updated?.postalCode).toBe("10100");
    expect(updated?.items.map((i) => [i.identifier, i.quantity])).toEqual([["i1", 1], ["i2", 5], ["i3", 1]]);
    expect(failure(upsertForwardOrders(world.ctx, { clientId: client.id, orders: [{ identifier: "F2", items: [] }] })).code).toBe("VALIDATION");
  });
});
