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

describe("claimDueDeliveries", () => {
  it("claims due pending deliveries oldest first, up to the limit, exactly once", () => {
    seedSubscriptions();
    storage.transaction((tx) => {
      tx.enqueueEvent("disposition_update", { n: 1 }, minutesAfter(0)); // 2 deliveries
      tx.enqueueEvent("drop_shipment_confirmation", { n: 2 }, minutesAfter(1)); // 2 deliveries
      tx.enqueueEvent("disposition_update", { n: 3 }, minutesAfter(30)); // 2, not yet due
    });
    const now = minutesAfter(5);
    const first = storage.transaction((tx) => tx.claimDueDeliveries(now, 3));
    expect(first.map((d) => d.id)).toEqual([1, 2, 3]);
    expect(first.every((d) => d.status === "in_flight" && d.updatedAt === now)).toBe(true);
    const second = storage.transaction((tx) => tx.claimDueDeliveries(now, 10));
    expect(second.map((d) => d.id)).toEqual([4]);
    expect(storage.transaction((tx) => tx.claimDueDeliveries(now, 10))).toEqual([]);
    expect(storage.read((r) => r.getDelivery(3))?.status).toBe("in_flight");

    // A retry puts a delivery back with a later due time; it is claimed again only then.
    storage.transaction((tx) =>
      tx.updateDelivery(1, { status: "pending", attempts: 1, nextAttemptAt: minutesAfter(10), lastError: "503" }, now),
    );
    expect(storage.transaction((tx) => tx.claimDueDeliveries(minutesAfter(9), 10))).toEqual([]);
    const retried = storage.transaction((tx) => tx.claimDueDeliveries(minutesAfter(31), 10));
    expect(retried.map((d) => [d.id, d.attempts, d.lastError])).toEqual([
      [1, 1, "503"],
      [5, 0, null],
      [6, 0, null],
    ]);
  });
});
