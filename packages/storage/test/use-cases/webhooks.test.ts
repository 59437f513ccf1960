import {
  claimDueDeliveries,
  createClient,
  createSubscription,
  createUnit,
  MAX_DELIVERY_RETRIES,
  moveUnit,
  recordDeliveryAttempt,
  retryDelivery,
  retryFailedDeliveries,
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

const claim = { owner: "A", limit: 10, leaseMs: 60_000 };

describe("webhook deliveries", () => {
  it("retries with exponential backoff, then parks the delivery as failed; a manual retry requeues it", () => {
    oneDelivery();
    const delays: number[] = [];
    for (let attempt = 1; attempt <= MAX_DELIVERY_RETRIES + 1; attempt += 1) {
      const [claimed] = must(claimDueDeliveries(world.ctx, claim));
      expect(claimed?.status).toBe("in_flight");
      const { delivery: after, settled } = must(recordDeliveryAttempt(world.ctx, { id: claimed!.id, owner: "A", outcome: "retry", error: "HTTP 500" }));
      expect(settled).toBe(true);
      if (attempt <= MAX_DELIVERY_RETRIES) {
        expect(after.status).toBe("pending");
        expect(must(claimDueDeliveries(world.ctx, claim))).toHaveLength(0);
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
    const [again] = must(claimDueDeliveries(world.ctx, claim));
    expect(must(recordDeliveryAttempt(world.ctx, { id: again!.id, owner: "A", outcome: "delivered" })).delivery.status).toBe("delivered");
    expect(failure(retryDelivery(world.ctx, { id: again!.id })).code).toBe("ILLEGAL_TRANSITION");
  });

  it("uses a configured schedule, lengthened by the drawn jitter (at most 20 %), never shortened", () => {
    oneDelivery();
    const schedule = [100, 200, 400, 800, 1600];
    const waits: number[] = [];
    for (const [n, jitter] of [0, 0.5, 0.999, 0.25, 0].entries()) {
      const [claimed] = must(claimDueDeliveries(world.ctx, claim));
      const { delivery } = must(recordDeliveryAttempt(world.ctx, { id: claimed!.id, owner: "A", outcome: "retry", retryDelaysMs: schedule, jitter }));
      expect(delivery.attempts).toBe(n + 1);
      const wait = new Date(delivery.nextAttemptAt).getTime() - world.ctx.now().getTime();
      waits.push(wait);
      world.advance(wait);
    }
    expect(waits).toEqual([100, 220, 480, 840, 1600]);
    const [last] = must(claimDueDeliveries(world.ctx, claim));
    expect(must(recordDeliveryAttempt(world.ctx, { id: last!.id, owner: "A", outcome: "retry", retryDelaysMs: schedule })).delivery.status).toBe("failed");
  });

  it("records the exchanges of a send even when its lease was taken over, and leaves the new holder's state alone", () => {
    oneDelivery();
    const [claimed] = must(claimDueDeliveries(world.ctx, { ...claim, leaseMs: 1000 }));
    world.advance(1000);
    must(claimDueDeliveries(world.ctx, { ...claim, owner: "B" }));
    const exchange = { startedAt: world.ctx.now().toISOString(), latencyMs: 5, httpStatus: 200, outcome: "delivered" as const };
    const late = must(recordDeliveryAttempt(world.ctx, { id: claimed!.id, owner: "A", outcome: "delivered", exchanges: [exchange] }));
    expect(late.settled).toBe(false);
    expect(late.delivery).toMatchObject({ status: "in_flight", leaseOwner: "B", attempts: 0 });
    expect(world.storage.read((r) => r.listDeliveryAttempts(claimed!.id))).toMatchObject([{ attempt: 1, outcome: "delivered", dispatcher: "A", httpStatus: 200 }]);
  });

  it("retryFailedDeliveries requeues every parked delivery of one subscription, and no other", () => {
    const sub = oneDelivery();
    const other = must(createSubscription(world.ctx, { clientId: sub.clientId, url: "http://127.0.0.1:9/other", auth: { kind: "none" }, eventTypes: ["disposition_update"] }));
    must(moveUnit(world.ctx, { lp: "LP1", toDisposition: "recycle" })); // one more for sub, one for other
    for (let round = 0; round <= MAX_DELIVERY_RETRIES; round += 1) {
      for (const d of must(claimDueDeliveries(world.ctx, claim))) must(recordDeliveryAttempt(world.ctx, { id: d.id, owner: "A", outcome: "retry", retryDelaysMs: [1, 1, 1, 1, 1] }));
      world.advance(10);
    }
    const statuses = () => world.storage.read((r) => r.listDeliveries({ limit: 10 })).rows.map((d) => [d.subscriptionId, d.status, d.attempts]);
    expect(statuses()).toEqual([
      [sub.id, "failed", 6],
      [sub.id, "failed", 6],
      [other.id, "failed", 6],
    ]);
    expect(must(retryFailedDeliveries(world.ctx, { subscriptionId: sub.id }))).toEqual({ count: 2 });
    expect(statuses()).toEqual([
      [sub.id, "pending", 0],
      [sub.id, "pending", 0],
      [other.id, "failed", 6],
    ]);
    expect(failure(retryFailedDeliveries(world.ctx, { subscriptionId: 999 })).code).toBe("NOT_FOUND");
  });

  it("a paused subscription gets no new deliveries", () => {
    const sub = oneDelivery();
    must(setSubscriptionActive(world.ctx, { id: sub.id, active: false }));
    must(moveUnit(world.ctx, { lp: "LP1", toDisposition: "recycle" }));
    expect(world.storage.read((r) => r.listDeliveries({ limit: 10 })).total).toBe(1);
    expect(failure(recordDeliveryAttempt(world.ctx, { id: 999, owner: "A", outcome: "delivered" })).code).toBe("NOT_FOUND");
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
