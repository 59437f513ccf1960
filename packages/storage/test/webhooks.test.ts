import { WebhookDelivery } from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AT, minutesAfter, seedClient } from "./seed.js";

let storage: TestStorage;
beforeEach(async () => {
  storage = await createTestStorage();
});
afterEach(() => storage.cleanup());

function seedSubscriptions() {
  return storage.transaction((tx) => {
    const client = seedClient(tx, "receiver");
    const sub = (url: string, eventTypes: Parameters<typeof tx.insertSubscription>[0]["eventTypes"]) =>
      tx.insertSubscription({ clientId: client.id, url, auth: { kind: "header", name: "X-Key", value: "s3cret" }, eventTypes, at: AT });
    const dispositions = sub("https://a.example/hook", ["disposition_update"]);
    const both = sub("https://b.example/hook", ["drop_shipment_confirmation", "disposition_update"]);
    const shipmentsOnly = sub("https://c.example/hook", ["drop_shipment_confirmation"]);
    const paused = sub("https://d.example/hook", ["disposition_update"]);
    tx.updateSubscription(paused.id, { active: false }, AT);
    return { client, dispositions, both, shipmentsOnly, paused };
  });
}

describe("enqueueEvent", () => {
  it("writes one pending delivery per active subscription to the event type, due at once", () => {
    const { dispositions, both } = seedSubscriptions();
    const payload = { lp: "LP-1", from: "rts", to: "rts_drop_ship" };
    const written = storage.transaction((tx) => tx.enqueueEvent("disposition_update", payload, minutesAfter(1)));
    expect(written).toBe(2);
    const page = storage.read((r) => r.listDeliveries({ status: "pending", limit: 10 }));
    expect(page.total).toBe(2);
    expect(page.rows.map((d) => d.subscriptionId)).toEqual([dispositions.id, both.id]);
    for (const delivery of page.rows) {
      expect(WebhookDelivery.parse(delivery)).toEqual(delivery);
      expect(delivery).toMatchObject({
        eventType: "disposition_update",
        payload,
        status: "pending",
        attempts: 0,
        nextAttemptAt: minutesAfter(1),
        lastError: null,
      });
    }
    expect(storage.transaction((tx) => tx.enqueueEvent("drop_shipment_cancellation", {}, AT))).toBe(0);
    expect(storage.read((r) => r.counts().pendingDeliveries)).toBe(2);
  });
});

/** A claim by `owner` at `now` with a lease of ten minutes. */
function claimAt(now: string, limit: number, owner = "A", extra: { perSubscription?: number; skipSubscriptions?: number[] } = {}) {
  return storage.transaction((tx) =>
    tx.claimDueDeliveries({
      now,
      limit,
      owner,
      leaseExpiresAt: minutesAfter(Number(now.slice(14, 16)) + 10),
      perSubscription: extra.perSubscription ?? limit,
      skipSubscriptions: extra.skipSubscriptions ?? [],
    }),
  );
}

describe("claimDueDeliveries", () => {
  it("claims due pending deliveries up to the limit, taking turns between subscriptions, exactly once", () => {
    seedSubscriptions();
    storage.transaction((tx) => {
      tx.enqueueEvent("disposition_update", { n: 1 }, minutesAfter(0)); // 1 (a), 2 (b)
      tx.enqueueEvent("drop_shipment_confirmation", { n: 2 }, minutesAfter(1)); // 3 (b), 4 (c)
      tx.enqueueEvent("disposition_update", { n: 3 }, minutesAfter(30)); // 5, 6: not yet due
    });
    const now = minutesAfter(5);
    // b's second delivery (3) waits until a, b and c have each had one.
    const first = claimAt(now, 3);
    expect(first.map((d) => d.id)).toEqual([1, 2, 4]);
    expect(first.every((d) => d.status === "in_flight" && d.updatedAt === now && d.leaseOwner === "A")).toBe(true);
    expect(first.every((d) => d.leaseExpiresAt === minutesAfter(15))).toBe(true);
    const second = claimAt(now, 10, "B");
    expect(second.map((d) => d.id)).toEqual([3]);
    expect(claimAt(now, 10)).toEqual([]);
    expect(storage.read((r) => r.getDelivery(3))).toMatchObject({ status: "in_flight", leaseOwner: "B" });

    // A retry puts a delivery back with a later due time; it is claimed again only then.
    storage.transaction((tx) =>
      tx.settleDelivery(1, "A", { status: "pending", attempts: 1, nextAttemptAt: minutesAfter(10), lastError: "503" }, now),
    );
    expect(storage.read((r) => r.getDelivery(1))).toMatchObject({ leaseOwner: null, leaseExpiresAt: null });
    expect(claimAt(minutesAfter(9), 10)).toEqual([]);
    const retried = claimAt(minutesAfter(10), 10);
    expect(retried.map((d) => [d.id, d.attempts, d.lastError])).toEqual([[1, 1, "503"]]);
  });

  it("never takes a live lease; takes an expired one; renewing keeps it; only the holder settles", () => {
    seedSubscriptions();
    storage.transaction((tx) => tx.enqueueEvent("drop_shipment_confirmation", { n: 1 }, minutesAfter(0))); // 1 (b), 2 (c)
    expect(claimAt(minutesAfter(0), 10, "A").map((d) => d.id)).toEqual([1, 2]);
    // Before the lease ends (minute 10) nobody else gets them.
    expect(claimAt(minutesAfter(9), 10, "B")).toEqual([]);
    // A renews its leases to minute 20: still nobody at minute 15.
    expect(storage.transaction((tx) => tx.renewDeliveryLeases("A", [1, 2], minutesAfter(20)))).toBe(2);
    expect(storage.transaction((tx) => tx.renewDeliveryLeases("B", [1, 2], minutesAfter(20)))).toBe(0);
    expect(claimAt(minutesAfter(15), 10, "B")).toEqual([]);
    // A dies: at minute 20 its leases have run out and B takes both over.
    const taken = claimAt(minutesAfter(20), 10, "B");
    expect(taken.map((d) => [d.id, d.leaseOwner])).toEqual([
      [1, "B"],
      [2, "B"],
    ]);
    // A late answer from A cannot overwrite B's claim.
    const late = { status: "delivered" as const, attempts: 1, nextAttemptAt: minutesAfter(21), lastError: null };
    expect(storage.transaction((tx) => tx.settleDelivery(1, "A", late, minutesAfter(21)))).toBe(false);
    expect(storage.read((r) => r.getDelivery(1))).toMatchObject({ status: "in_flight", leaseOwner: "B", attempts: 0 });
    expect(storage.transaction((tx) => tx.settleDelivery(1, "B", late, minutesAfter(21)))).toBe(true);
    expect(storage.read((r) => r.getDelivery(1))).toMatchObject({ status: "delivered", leaseOwner: null, attempts: 1 });
    // B stops before sending 2: it gives the lease back, due at once, and A cannot release it again.
    expect(storage.transaction((tx) => tx.releaseDeliveries("A", [2], minutesAfter(22)))).toBe(0);
    expect(storage.transaction((tx) => tx.releaseDeliveries("B", [1, 2], minutesAfter(22)))).toBe(1);
    expect(storage.read((r) => r.getDelivery(2))).toMatchObject({ status: "pending", leaseOwner: null, nextAttemptAt: minutesAfter(22), attempts: 0 });
  });

  it("renews only the leases named, so a delivery its dispatcher lost track of still expires", () => {
    seedSubscriptions();
    storage.transaction((tx) => tx.enqueueEvent("drop_shipment_confirmation", { n: 1 }, minutesAfter(0))); // 1, 2
    claimAt(minutesAfter(0), 10, "A");
    expect(storage.transaction((tx) => tx.renewDeliveryLeases("A", [1], minutesAfter(30)))).toBe(1);
    expect(claimAt(minutesAfter(10), 10, "B").map((d) => d.id)).toEqual([2]);
  });

  it("caps each subscription's share of a claim and leaves skipped subscriptions out", () => {
    const { dispositions, both } = seedSubscriptions();
    storage.transaction((tx) => {
      for (let n = 0; n < 4; n += 1) tx.enqueueEvent("disposition_update", { n }, minutesAfter(0)); // a: 1,3,5,7  b: 2,4,6,8
    });
    const claimed = claimAt(minutesAfter(1), 10, "A", { perSubscription: 2, skipSubscriptions: [both.id] });
    expect(claimed.map((d) => [d.id, d.subscriptionId])).toEqual([
      [1, dispositions.id],
      [3, dispositions.id],
    ]);
    expect(storage.read((r) => r.countDeliveriesByStatus())).toEqual({ pending: 6, in_flight: 2, delivered: 0, failed: 0 });
  });
});

describe("delivery attempts", () => {
  it("keeps every exchange of a delivery in order, with its status, latency, error and dispatcher", () => {
    seedSubscriptions();
    storage.transaction((tx) => tx.enqueueEvent("disposition_update", { n: 1 }, AT));
    const rows = [
      { attempt: 1, startedAt: minutesAfter(1), latencyMs: 12, httpStatus: 401, outcome: "token_rejected" as const, error: "HTTP 401" },
      { attempt: 1, startedAt: minutesAfter(1), latencyMs: 8, httpStatus: 200, outcome: "delivered" as const, error: null },
      { attempt: 2, startedAt: minutesAfter(2), latencyMs: 10_000, httpStatus: null, outcome: "timeout" as const, error: "no answer" },
    ];
    storage.transaction((tx) => {
      for (const row of rows) tx.insertDeliveryAttempt({ deliveryId: 1, dispatcher: "A", ...row });
    });
    const stored = storage.read((r) => r.listDeliveryAttempts(1));
    expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(rows.map((row) => ({ deliveryId: 1, dispatcher: "A", ...row })));
    expect(storage.read((r) => r.listDeliveryAttempts(2))).toEqual([]);
  });
});
