import { adjustStock, adviseInventory, availableOf, placeOrder, setStock } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, failure, must, openWorld, orderInput, stock, vendorStock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

describe("stock use cases", () => {
  it("sets absolute stock, creating product and position, with every change in the ledger", () => {
    const position = stock(world.ctx, "S1", 5);
    expect(position).toMatchObject({ sku: "S1", onHand: 5, allocated: 0, reserved: 0, kind: "unit" });
    expect(world.storage.read((r) => r.getProduct("S1"))).toBeDefined();
    must(setStock(world.ctx, { sku: "S1", condition: "N", channel: "rts_drop_ship", onHand: 2 }));
    const ledger = world.storage.read((r) => r.listMovements(position.id, { limit: 10 }));
    expect(ledger.rows.map((m) => m.onHand)).toEqual([5, -3]);
    expectInvariants(world);
  });

  it("refuses to set stock below what orders hold, and a lot above 1", () => {
    stock(world.ctx, "S1", 5);
    const client = buyer(world.ctx);
    must(placeOrder(world.ctx, orderInput(client.id, [["S1", 4]])));
    const refused = failure(setStock(world.ctx, { sku: "S1", condition: "N", channel: "rts_drop_ship", onHand: 3 }));
    expect(refused).toMatchObject({ code: "INSUFFICIENT_STOCK", field: "onHand" });
    const lot = { templateName: "t", weight: 1, manifestItems: [] };
    expect(failure(setStock(world.ctx, { sku: "L1", condition: "N", channel: "rts_drop_ship", onHand: 2, lot })).code).toBe("VALIDATION");
    expect(must(setStock(world.ctx, { sku: "L1", condition: "N", channel: "rts_drop_ship", onHand: 1, lot })).kind).toBe("lot");
    expectInvariants(world);
  });

  it("takes vendor advice as an absolute quantity, clamped at what is committed", () => {
    vendorStock(world.ctx, "27", "V1", "ABC123", 0);
    expect(must(adviseInventory(world.ctx, { vendorId: "27", vpc: "ABC123", quantity: 12 })).position.onHand).toBe(12);
    const client = buyer(world.ctx);
    must(placeOrder(world.ctx, orderInput(client.id, [["V1", 5]])));
    const advised = must(adviseInventory(world.ctx, { vendorId: "27", vpc: "ABC123", quantity: 3 }));
    expect(advised.clampedFrom).toBe(3);
    expect(advised.position).toMatchObject({ onHand: 5, allocated: 5 });
    expect(availableOf(advised.position)).toBe(0);
    expect(failure(adviseInventory(world.ctx, { vendorId: "27", vpc: "NOPE", quantity: 1 }))).toMatchObject({ code: "NOT_FOUND", field: "vpc" });
    expect(failure(adviseInventory(world.ctx, { vendorId: "28", vpc: "ABC123", quantity: 1 })).code).toBe("NOT_FOUND");
    expectInvariants(world);
  });

  it("adjusts on-hand by a delta but never into committed stock", () => {
    const position = stock(world.ctx, "S1", 3);
    expect(must(adjustStock(world.ctx, { positionId: position.id, delta: 2, reason: "found" })).onHand).toBe(5);
    const client = buyer(world.ctx);
    must(placeOrder(world.ctx, orderInput(client.id, [["S1", 4]])));
    expect(failure(adjustStock(world.ctx, { positionId: position.id, delta: -2, reason: "lost" })).code).toBe("INSUFFICIENT_STOCK");
    expect(failure(adjustStock(world.ctx, { positionId: 999, delta: 1, reason: "x" })).code).toBe("NOT_FOUND");
    expectInvariants(world);
  });
});
