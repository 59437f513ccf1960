import { claimDueDeliveries, recordDeliveryAttempt, type UseCaseContext } from "@dropgate/core-domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection } from "./support/rejection.js";
import { type Harness, startHarness } from "./support/rpc-harness.js";

let h: Harness;
let ctx: UseCaseContext;
beforeAll(async () => {
  h = await startHarness();
  ctx = { store: h.storage, now: () => new Date() };
  await h.rpc.world.demo.mutate();
});
afterAll(() => h.close());

describe("webhooks", () => {
  it("subscribes, queues a delivery on a unit move, and retries it from the failure queue", async () => {
    const sub = await h.rpc.webhooks.subscribe.mutate({
      client: "demo-buyer",
      url: "https://buyer.example/hooks/disposition",
      auth: { kind: "header", name: "X-Api-Key", value: "k" },
      eventTypes: ["disposition_update"],
    });
    expect((await h.rpc.webhooks.subscriptions.query({ client: "demo-buyer" })).map((s) => s.id)).toEqual([sub.id]);
    // The endpoint's secret is kept for the dispatcher but never shown back.
    expect(sub.auth).toEqual({ kind: "header", name: "X-Api-Key", value: "********" });
    expect(JSON.stringify(await h.rpc.webhooks.subscriptions.query({ client: "demo-buyer" }))).not.toContain('"k"');
    expect(h.storage.read((r) => r.getSubscription(sub.id))?.auth).toEqual({ kind: "header", name: "X-Api-Key", value: "k" });

    await h.rpc.units.move.mutate({ lp: "LPN0000013", toDisposition: "rts_drop_ship" });
    const pending = await h.rpc.webhooks.deliveries.query({ status: "pending", subscriptionId: sub.id });
    expect(pending.rows).toHaveLength(1);
    const delivery = pending.rows[0];
    if (!delivery) throw new Error("no delivery");
    expect(delivery.eventType).toBe("disposition_update");

    // The dispatcher's part, done by hand: claim it and give up on it.
    expect(claimDueDeliveries(ctx, { owner: "test", limit: 10, leaseMs: 60_000 }).ok).toBe(true);
    const exchange = { startedAt: ctx.now().toISOString(), latencyMs: 42, httpStatus: 500, outcome: "http_error" as const, error: "HTTP 500" };
    expect(recordDeliveryAttempt(ctx, { id: delivery.id, owner: "test", outcome: "fail", error: "HTTP 500", exchanges: [exchange] }).ok).toBe(true);
    expect(await h.rpc.webhooks.attempts.query({ id: delivery.id })).toMatchObject([
      { deliveryId: delivery.id, attempt: 1, httpStatus: 500, latencyMs: 42, outcome: "http_error", error: "HTTP 500", dispatcher: "test" },
    ]);
    const failures = await h.rpc.webhooks.failures.query();
    expect(failures.rows.map((d) => [d.id, d.lastError])).toEqual([[delivery.id, "HTTP 500"]]);

    const retried = await h.rpc.webhooks.retry.mutate({ id: delivery.id });
    expect(retried).toMatchObject({ status: "pending", attempts: 0 });
    expect((await h.rpc.webhooks.failures.query()).rows).toEqual([]);

    // Parked again, then put back with every other failure of its subscription.
    expect(claimDueDeliveries(ctx, { owner: "test", limit: 10, leaseMs: 60_000 }).ok).toBe(true);
    expect(recordDeliveryAttempt(ctx, { id: delivery.id, owner: "test", outcome: "fail", error: "HTTP 500" }).ok).toBe(true);
    expect(await h.rpc.webhooks.retrySubscription.mutate({ subscriptionId: sub.id })).toEqual({ count: 1 });
    expect((await h.rpc.webhooks.failures.query()).rows).toEqual([]);
    await expect(h.rpc.webhooks.attempts.query({ id: 999_999 })).rejects.toThrow(/Delivery 999999 not found/);
  });

  it("pauses a subscription", async () => {
    const sub = await h.rpc.webhooks.subscribe.mutate({
      client: "rewix-buyer",
      url: "https://rewix.example/hooks",
      auth: { kind: "none" },
      eventTypes: ["drop_shipment_confirmation"],
    });
    expect((await h.rpc.webhooks.setActive.mutate({ id: sub.id, active: false })).active).toBe(false);
  });

  it("refuses to retry a delivery that has not failed (ILLEGAL_TRANSITION) and a bad URL (zod)", async () => {
    const sub = await h.rpc.webhooks.subscribe.mutate({
      client: "demo-buyer",
      url: "https://buyer.example/hooks/second",
      auth: { kind: "none" },
      eventTypes: ["disposition_update"],
    });
    await h.rpc.units.move.mutate({ lp: "LPN0000014", toDisposition: "rts_drop_ship" });
    const { rows } = await h.rpc.webhooks.deliveries.query({ status: "pending", subscriptionId: sub.id });
    expect(rows).toHaveLength(1);
    const error = await rejection(h.rpc.webhooks.retry.mutate({ id: rows[0]?.id ?? 0 }));
    expect(error.data).toMatchObject({ code: "PRECONDITION_FAILED", domainCode: "ILLEGAL_TRANSITION" });
    const zodError = await rejection(
      h.rpc.webhooks.subscribe.mutate({ client: "demo-buyer", url: "not a url", auth: { kind: "none" }, eventTypes: ["disposition_update"] }),
    );
    expect(zodError.data?.zodError?.fieldErrors).toHaveProperty("url");
  });

  it("answers NOT_FOUND for a subscription of an unknown client", async () => {
    const error = await rejection(
      h.rpc.webhooks.subscribe.mutate({ client: "ghost", url: "https://x.example/", auth: { kind: "none" }, eventTypes: ["disposition_update"] }),
    );
    expect(error.data?.domainCode).toBe("NOT_FOUND");
  });
});

describe("system", () => {
  it("answers health, counts and a clean invariant check", async () => {
    expect((await h.rpc.system.health.query()).status).toBe("ok");
    const counts = await h.rpc.system.counts.query();
    expect(counts).toMatchObject({ clients: 4, units: 15 });
    expect(await h.rpc.system.check.query()).toEqual({ ok: true, violations: [] });
  });

  it("answers NOT_FOUND for the ledger of an unknown position and zod errors for id 0", async () => {
    expect((await rejection(h.rpc.stock.ledger.query({ positionId: 999_999 }))).data?.domainCode).toBe("NOT_FOUND");
    const error = await rejection(h.rpc.stock.position.query({ id: 0 }));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("id");
  });
});
