import {
  type Result,
  adjustStock,
  completePurchaseOrder,
  markPurchaseOrdersAccepted,
  markPurchaseOrdersSubmitted,
  moveUnit,
  recordShipment,
  setEstimatedShipDate,
  upsertCarrier,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, openWorld, stock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

describe("every use case validates its input through the one helper", () => {
  it("guards the use cases that took their input unchecked, before anything is written", () => {
    const position = stock(world.ctx, "VAL-1", 3);
    const counts = world.storage.read((r) => r.counts());
    const refusals: [Result<unknown>, string][] = [
      [adjustStock(world.ctx, { positionId: position.id, delta: 0, reason: "x" }), "delta"],
      [adjustStock(world.ctx, { positionId: position.id, delta: 1.5, reason: "x" }), "delta"],
      [moveUnit(world.ctx, { lp: "" }), "lp"],
      [recordShipment(world.ctx, { orderId: 1, trackingNumber: "1Z", items: [] }), "items"],
      [completePurchaseOrder(world.ctx, { vendorId: "27", po: "D1", packages: [{ trackingNumber: "", items: [{ vpc: "A", quantity: 1 }] }] }), "packages.0.trackingNumber"],
      [markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [] }), "records"],
      [markPurchaseOrdersAccepted(world.ctx, { vendorId: "27", records: [{ po: "D1", items: [{ poItemId: 1, quantity: -1 }] }] }), "records.0.items.0.quantity"],
      [setEstimatedShipDate(world.ctx, { vendorId: "27", records: [{ po: "D1", estimatedShipDate: "soon" }] }), "records.0.estimatedShipDate"],
      [upsertCarrier(world.ctx, { id: 0, name: "X", costCents: 1 } as never), "id"],
    ];
    for (const [result, field] of refusals) {
      expect(failure(result)).toMatchObject({ code: "VALIDATION", field });
      expect(failure(result).message.startsWith(`${field}: `)).toBe(true);
    }
    expect(world.storage.read((r) => r.counts())).toEqual(counts);
  });
});
