import {
  claimDueDeliveries,
  createClient,
  createSubscription,
  createUnit,
  MAX_DELIVERY_RETRIES,
  moveUnit,
  recordDeliveryAttempt,
  retryDelivery,
  setSubscriptionActive,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, must, openWorld, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

function oneDelivery() {
  const receiver = must(createClient(world.ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client;
  const sub = must(createSubscription(world.ctx, { clientId: receiver.id, url: "http://127.0.0.1:9/hook", auth: { kind: "none" }, eventTypes: ["disposition_update"] }));
  must(createUnit(world.ctx, { lp: "LP1", sku: "S1", upc: "1", condition: "N", disposition: "rts", warehouse: "22", location: "L", program: "p" }));
  must(moveUnit(world.ctx, { lp: "LP1", toDisposition: "rts_drop_ship" }));
  return sub;
}

describe("webhook deliveries", () => {
  it("retries with exponential backoff, then parks the delivery as failed; a manual retry requeues it", () => {
    oneDelivery();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_DELIVERY_RETRIES + 1; attempt += 1) {
      const [claimed] = must(claimDueDeliveries(world.ctx, { limit: 10 }));
      expect(claimed?.status).toBe("in_flight");
      const after = must(recordDeliveryAttempt(world.ctx, { id: claimed!.id, outcome: "retry", error: "HTTP 500" }));
      if (attempt <= MAX_DELIVERY_RETRIES) {
        expect(after.status).toBe("pending");
        expect(must(claimDueDeliveries(world.ctx, { limit: 10 }))).toHaveLength(0);
        const wait = new Date(after.nextAttemptAt).getTime() - world.ctx.now().getTime();
        delays.push(wait);
        world.advance(wait);
      } else {
        expect(after).toMatchObject({ status: "failed", attempts: 6, lastError: "HTTP 500" });
      }
    }
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    const failed = world.storage.read((r) => r.listDeliveries({ status: "failed", limit: 10 })).rows[0]!;
    expect(must(retryDelivery(world.ctx, { id: failed.id }))).toMatchObject({ status: "pending", attempts: 0 });
    const [again] = must(claimDueDeliveries(world.ctx, { limit: 10 }));
    expect(must(recordDeliveryAttempt(world.ctx, { id: again!.id, outcome: "delivered" })).status).toBe("delivered");
    expect(failure(retryDelivery(world.ctx, { id: again!.id })).code).toBe("ILLEGAL_TRANSITION");
  });

  it("a paused subscription gets no new deliveries", () => {
    const sub = oneDelivery();
    must(setSubscriptionActive(world.ctx, { id: sub.id, active: false }));
    must(moveUnit(world.ctx, { lp: "LP1", toDisposition: "recycle" }));
    expect(world.storage.read((r) => r.listDeliveries({ limit: 10 })).total).toBe(1);
    expect(failure(recordDeliveryAttempt(world.ctx, { id: 999, outcome: "delivered" })).code).toBe("NOT_FOUND");
  });
});

describe("who hears of an order", () => {
  it("a shipment confirmation is queued only for the ordering buyer's subscriptions; dispositions for every subscriber", async () => {
    const { placeOrder, recordShipment } = await import("@dropgate/core-domain");
    const { buyer, orderInput, stock } = await import("./support.js");
    const a = buyer(world.ctx, "a");
    const b = buyer(world.ctx, "b");
    const subscribe = (clientId: number) =>
      must(createSubscription(world.ctx, { clientId, url: `http://127.0.0.1:9/${clientId}`, auth: { kind: "none" }, eventTypes: ["drop_shipment_confirmation", "disposition_update"] }));
    const subA = subscribe(a.id);
    subscribe(b.id);
    stock(world.ctx, "S1", 2);
    const { order } = must(placeOrder(world.ctx, orderInput(a.id, [["S1", 1]])));
    must(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "T1", items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] }));
    const confirmations = world.storage.read((r) => r.listDeliveries({ limit: 10 })).rows.filter((d) => d.eventType === "drop_shipment_confirmation");
    expect(confirmations.map((d) => d.subscriptionId)).toEqual([subA.id]);
    must(createUnit(world.ctx, { lp: "LP9", sku: "S9", upc: "1", condition: "N", disposition: "rts", warehouse: "22", location: "L", program: "p" }));
    must(moveUnit(world.ctx, { lp: "LP9", toDisposition: "rts_drop_ship" }));
    expect(world.storage.read((r) => r.listDeliveries({ limit: 10 })).rows.filter((d) => d.eventType === "disposition_update")).toHaveLength(2);
  });
});
