import { createClient, createSubscription, createUnit, moveUnit, placeOrder } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, failure, must, openWorld, orderInput, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

const unit = (lp: string, condition: "N" | "TT" = "N", disposition = "rts") => ({
  lp,
  sku: "S1",
  upc: "0123456789012",
  condition,
  disposition,
  warehouse: "22",
  location: "RTS-1112",
  program: "parcel_returns",
});

describe("units and dispositions", () => {
  it("receiving a unit in a listing condition adds one to its position; TT does not", () => {
    must(createUnit(world.ctx, unit("LP1")));
    must(createUnit(world.ctx, unit("LP2", "TT")));
    const position = world.storage.read((r) => r.getPosition({ sku: "S1", condition: "N", channel: "rts" }));
    expect(position?.onHand).toBe(1);
    expect(failure(createUnit(world.ctx, unit("LP1"))).code).toBe("CONFLICT");
    expectInvariants(world);
  });

  it("moving a unit moves one unit of stock, records the event and queues a delivery per subscriber", () => {
    const receiver = must(createClient(world.ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client;
    must(createSubscription(world.ctx, { clientId: receiver.id, url: "http://127.0.0.1:9/hook", auth: { kind: "none" }, eventTypes: ["disposition_update"] }));
    must(createUnit(world.ctx, unit("LP1")));
    const { unit: moved, event } = must(moveUnit(world.ctx, { lp: "LP1", toDisposition: "rts_drop_ship", userLogin: "ops" }));
    expect(moved.disposition).toBe("rts_drop_ship");
    expect(event).toMatchObject({ fromDisposition: "rts", toDisposition: "rts_drop_ship", fromCondition: "N", toCondition: "N", userLogin: "ops" });
    const positions = world.storage.read((r) => r.findPositionsBySku("S1"));
    expect(Object.fromEntries(positions.map((p) => [p.channel, p.onHand]))).toEqual({ rts: 0, rts_drop_ship: 1 });
    expect(world.storage.read((r) => r.listDispositionEvents("LP1"))).toHaveLength(1);
    const deliveries = world.storage.read((r) => r.listDeliveries({ limit: 10 })).rows;
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ eventType: "disposition_update", status: "pending", payload: { lp: "LP1" } });
    expectInvariants(world);
  });

  it("a condition change to TT takes the unit out of stock", () => {
    must(createUnit(world.ctx, unit("LP1", "N", "rts_drop_ship")));
    must(moveUnit(world.ctx, { lp: "LP1", toCondition: "TT" }));
    expect(world.storage.read((r) => r.getPosition({ sku: "S1", condition: "N", channel: "rts_drop_ship" }))?.onHand).toBe(0);
    expectInvariants(world);
  });

  it("refuses to move a unit whose stock is committed to an order, and writes nothing", () => {
    must(createUnit(world.ctx, unit("LP1", "N", "rts_drop_ship")));
    const client = buyer(world.ctx);
    expect(must(placeOrder(world.ctx, orderInput(client.id, [["S1", 1]]))).kind).toBe("accepted");
    expect(failure(moveUnit(world.ctx, { lp: "LP1", toDisposition: "recycle" })).code).toBe("INSUFFICIENT_STOCK");
    expect(world.storage.read((r) => r.getUnit("LP1"))?.disposition).toBe("rts_drop_ship");
    expect(world.storage.read((r) => r.listDispositionEvents("LP1"))).toHaveLength(0);
    expect(failure(moveUnit(world.ctx, { lp: "NOPE", toDisposition: "recycle" })).code).toBe("NOT_FOUND");
    expect(failure(moveUnit(world.ctx, { lp: "LP1", toDisposition: "rts_drop_ship" })).code).toBe("VALIDATION");
    expectInvariants(world);
  });
});
