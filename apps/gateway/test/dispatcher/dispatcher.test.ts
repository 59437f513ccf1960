import { openStorage } from "@dropgate/storage";
import {
  cancelOrder,
  claimDueDeliveries,
  createClient,
  createUnit,
  DEFAULT_RETRY_DELAYS_MS,
  moveUnit,
  placeOrder,
  recordShipment,
  retryDelivery,
  setStock,
  type UseCaseContext,
} from "@dropgate/core-domain";
import { DispositionPayload, DropShipmentCancellation, DropShipmentConfirmation } from "@dropgate/optoro-adapter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type DispatcherWorld, must, openDispatcherWorld } from "./support/dispatcher-world.js";

let world: DispatcherWorld;
beforeEach(async () => {
  world = await openDispatcherWorld();
});
afterEach(async () => {
  await world.close();
});

/** The one delivery in the outbox. */
function onlyDelivery() {
  const rows = world.deliveries();
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** Moves the clock to when the delivery is due again. */
function untilDue(id: number): void {
  world.setNow(world.delivery(id).nextAttemptAt);
}

describe("webhook dispatcher: disposition updates", () => {
  it("delivers a unit moved with moveUnit to its subscriber: Optoro's exact payload, the endpoint's auth, the URL as given", async () => {
    const receiver = await world.receiver();
    world.subscribe(`${receiver.url}/optoro/dispositions?tenant=north`, { auth: { kind: "basic", username: "optoro", password: "pa55word" } });
    must(
      createUnit(world.ctx, {
        lp: "LPAA1234567",
        sku: "012344566700",
        upc: "0123456789012",
        condition: "N",
        disposition: "rtv",
        warehouse: "22",
        location: "RTS-1111",
        program: "parcel_returns",
        referenceUnitIdentifier: "Unit A",
        storeIdentifier: "Store A",
      }),
    );
    world.setNow("2026-11-22T14:03:45.678Z");
    must(moveUnit(world.ctx, { lp: "LPAA1234567", toDisposition: "rts_drop_ship", toCondition: "A", location: "RTS-1112", userLogin: "client_user_login" }));

    expect(await world.dispatcher().drainOnce()).toBe(1);

    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("/optoro/dispositions?tenant=north");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.authorization).toBe(`Basic ${Buffer.from("optoro:pa55word").toString("base64")}`);
    expect(request?.body).toEqual({
      from_disposition: "rtv",
      to_disposition: "rts_drop_ship",
      timestamp: "2026-11-22T14:03:45",
      location_identifier: "RTS-1112",
      warehouse_identifier: "22",
      optiturn_lp: "LPAA1234567",
      program_identifier: "parcel_returns",
      from_sku: "012344566700",
      to_sku: "012344566700",
      sku: "012344566700",
      upc: "0123456789012",
      from_condition: "N",
      to_condition: "A",
      reference_unit_identifier: "Unit A",
      store_identifier: "Store A",
      user_login: "client_user_login",
    });
    expect(DispositionPayload.safeParse(request?.body).success).toBe(true);
    const [delivery] = world.deliveries();
    expect(delivery).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
  });

  it("retries a receiver that answers 500 twice, when each retry comes due, and ends delivered after 3 attempts", async () => {
    const receiver = await world.receiver((_request, index) => (index < 2 ? { status: 500, body: { message: "busy" } } : { status: 200 }));
    world.subscribe(receiver.url);
    world.moveNewUnit("LP1");
    const dispatcher = world.dispatcher();
    const { id } = onlyDelivery();

    expect(await dispatcher.drainOnce()).toBe(1);
    expect(world.delivery(id)).toMatchObject({ status: "pending", attempts: 1, lastError: "HTTP 500: busy" });
    expect(new Date(world.delivery(id).nextAttemptAt).getTime() - world.ctx.now().getTime()).toBe(DEFAULT_RETRY_DELAYS_MS[0]);
    expect(await dispatcher.drainOnce()).toBe(0);

    untilDue(id);
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(world.delivery(id)).toMatchObject({ status: "pending", attempts: 2 });

    untilDue(id);
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(world.delivery(id)).toMatchObject({ status: "delivered", attempts: 3, lastError: null });

    // Optoro retries "with the same message".
    expect(receiver.requests).toHaveLength(3);
    expect(new Set(receiver.requests.map((r) => r.text)).size).toBe(1);
  });

  it("parks a delivery as failed after six attempts (five retries); retryDelivery puts it back and it is sent again", async () => {
    let healthy = false;
    const receiver = await world.receiver(() => (healthy ? { status: 200 } : { status: 500 }));
    world.subscribe(receiver.url);
    world.moveNewUnit("LP1");
    const dispatcher = world.dispatcher();
    const { id } = onlyDelivery();

    for (let attempt = 1; attempt <= 6; attempt += 1) {
      expect(await dispatcher.drainOnce()).toBe(1);
      if (attempt < 6) untilDue(id);
    }
    expect(world.delivery(id)).toMatchObject({ status: "failed", attempts: 6, lastError: "HTTP 500" });
    world.advance(24 * 3_600_000);
    expect(await dispatcher.drainOnce()).toBe(0);
    expect(receiver.requests).toHaveLength(6);

    healthy = true;
    expect(must(retryDelivery(world.ctx, { id }))).toMatchObject({ status: "pending", attempts: 0 });
    expect(await dispatcher.drainOnce()).toBe(1);
    expect(world.delivery(id)).toMatchObject({ status: "delivered", attempts: 1 });
    expect(receiver.requests).toHaveLength(7);
  });

  it("takes over, once their lease has run out, deliveries a crashed dispatcher left in flight, and never before", async () => {
    const receiver = await world.receiver();
    world.subscribe(receiver.url);
    world.moveNewUnit("LP1");
    world.moveNewUnit("LP2");
    // A dispatcher claims them and dies before sending or recording anything.
    expect(must(claimDueDeliveries(world.ctx, { owner: "crashed", limit: 10, leaseMs: 60_000 }))).toHaveLength(2);
    expect(world.deliveries().map((d) => [d.status, d.leaseOwner])).toEqual([
      ["in_flight", "crashed"],
      ["in_flight", "crashed"],
    ]);

    const restarted = world.dispatcher();
    world.advance(59_999);
    expect(await restarted.drainOnce()).toBe(0);
    expect(receiver.requests).toHaveLength(0);
    world.advance(1);
    expect(await restarted.drainOnce()).toBe(2);
    expect(world.deliveries().map((d) => [d.status, d.attempts, d.leaseOwner])).toEqual([
      ["delivered", 1, null],
      ["delivered", 1, null],
    ]);
    expect(receiver.requests.map((r) => (r.body as { optiturn_lp: string }).optiturn_lp).sort()).toEqual(["LP1", "LP2"]);
  });
});

describe("webhook dispatcher: drop-ship events", () => {
  it("sends a shipment recorded with recordShipment as {shipment} to the buyer's confirmation endpoint", async () => {
    const receiver = await world.receiver();
    const buyer = must(createClient(world.ctx, { name: "buyer", dialect: "optoro", scope: "buyer" })).client;
    world.subscribe(`${receiver.url}/drop_shipment_confirmation`, {
      clientId: buyer.id,
      eventTypes: ["drop_shipment_confirmation"],
      auth: { kind: "header", name: "x-api-key", value: "key-123" },
    });
    const order = world.placeShippableOrder(buyer.id, 2);
    const line = order.items[0]!;
    const { shipment } = must(
      recordShipment(world.ctx, {
        orderId: order.id,
        trackingNumber: "1Z2E07A20302245707",
        carrier: "UPS",
        shippingMethod: "UPS Ground",
        billedWeight: 10,
        shippingCostCents: 1000,
        items: [{ orderItemId: line.id, quantity: 2 }],
      }),
    );

    expect(await world.dispatcher().drainOnce()).toBe(1);

    const [request] = receiver.requests;
    expect(request?.url).toBe("/drop_shipment_confirmation");
    expect(request?.headers["x-api-key"]).toBe("key-123");
    const at = shipment.createdAt;
    expect(request?.body).toEqual({
      shipment: {
        id: shipment.id,
        client_identifier: order.clientIdentifier,
        channel: "rts_drop_ship",
        carrier: "UPS",
        shipping_method: "UPS Ground",
        tracking_number: "1Z2E07A20302245707",
        billed_weight: 10,
        shipping_cost_cents: 1000,
        // The order has no packing slip, so Optoro's rule uses its client identifier.
        packing_slip_identifier: order.clientIdentifier,
        shipment_items: [{ id: shipment.items[0]?.id, client_identifier: "line-1", quantity: 2, created_at: at, updated_at: at }],
        created_at: at,
        updated_at: at,
      },
    });
    expect(DropShipmentConfirmation.safeParse(request?.body).success).toBe(true);
    expect(world.deliveries()).toMatchObject([{ eventType: "drop_shipment_confirmation", status: "delivered", attempts: 1 }]);
  });

  it("sends a cancelled order as {order} to its buyer's endpoint, and never to another client's", async () => {
    const ours = await world.receiver();
    const theirs = await world.receiver();
    const buyer = must(createClient(world.ctx, { name: "buyer", dialect: "optoro", scope: "buyer" })).client;
    const other = must(createClient(world.ctx, { name: "other", dialect: "optoro", scope: "buyer" })).client;
    world.subscribe(ours.url, { clientId: buyer.id, eventTypes: ["drop_shipment_cancellation"] });
    const foreign = world.subscribe(theirs.url, { clientId: other.id, eventTypes: ["drop_shipment_cancellation"] });
    const order = world.placeShippableOrder(buyer.id, 1);
    must(cancelOrder(world.ctx, { orderId: order.id }));

    // The outbox queues an order's events for its buyer's subscriptions only.
    expect(world.deliveries().map((d) => d.subscriptionId)).not.toContain(foreign.id);
    expect(await world.dispatcher().drainOnce()).toBe(1);

    expect(ours.requests).toHaveLength(1);
    const body = ours.requests[0]?.body as { order: Record<string, unknown> };
    expect(DropShipmentCancellation.safeParse(body).success).toBe(true);
    expect(body.order).toMatchObject({ id: order.id, client_identifier: order.clientIdentifier, status: "cancelled", brand: "acme" });
    expect(body.order).not.toHaveProperty("channel");
    expect(theirs.requests).toHaveLength(0);

    // Second line: a delivery queued for every subscriber (as an unscoped event would be) is
    // still withheld from the other client by the dispatcher.
    world.storage.transaction((tx) => tx.enqueueEvent("drop_shipment_cancellation", { orderId: order.id }, world.ctx.now().toISOString()));
    await world.dispatcher().drainOnce();
    expect(theirs.requests).toHaveLength(0);
    const withheld = world.deliveries().find((d) => d.subscriptionId === foreign.id);
    expect(withheld).toMatchObject({ status: "failed", attempts: 1 });
    expect(withheld?.lastError).toBe(`Order ${order.id} belongs to another client; subscription ${foreign.id} may not receive it`);
  });

  it("fails at once, with the reason, a delivery whose rows are gone or whose payload cannot be built", async () => {
    const receiver = await world.receiver();
    const buyer = must(createClient(world.ctx, { name: "buyer", dialect: "optoro", scope: "buyer" })).client;
    world.subscribe(receiver.url, { clientId: buyer.id, eventTypes: ["disposition_update", "drop_shipment_confirmation", "drop_shipment_cancellation"] });
    const at = world.ctx.now().toISOString();
    world.storage.transaction((tx) => {
      tx.enqueueEvent("drop_shipment_confirmation", { shipmentId: 999, orderId: 999 }, at);
      tx.enqueueEvent("drop_shipment_cancellation", { orderId: 998 }, at);
      tx.enqueueEvent("disposition_update", { lp: "LP-without-the-rest" }, at);
    });
    // An order without a brand or addresses cannot become Optoro's cancellation body.
    must(placeAndCancelBareOrder(world.ctx, buyer.id));

    expect(await world.dispatcher().drainOnce()).toBe(4);

    expect(receiver.requests).toHaveLength(0);
    const rows = world.deliveries();
    expect(rows.every((d) => d.status === "failed" && d.attempts === 1)).toBe(true);
    expect(rows[0]?.lastError).toBe("Shipment 999 no longer exists");
    expect(rows[1]?.lastError).toBe("Order 998 no longer exists");
    expect(rows[2]?.lastError).toMatch(/^Unreadable disposition_update payload: /);
    expect(rows[3]?.lastError).toMatch(/^Order \d+ cannot be sent as Optoro's webhook body: .*order\.brand/);
  });
});

/** Places (as a dialect without brand or addresses might) and cancels an order with nothing but its line. */
function placeAndCancelBareOrder(ctx: UseCaseContext, clientId: number) {
  must(setStock(ctx, { sku: "BARE-1", condition: "N", channel: "rts_drop_ship", onHand: 1 }));
  const placed = must(
    placeOrder(ctx, {
      clientId,
      clientIdentifier: "bare-1",
      channel: "rts_drop_ship",
      fill: "available",
      payment: "none",
      items: [{ ref: { sku: "BARE-1", condition: "N" }, quantity: 1 }],
    }),
  );
  return cancelOrder(ctx, { orderId: placed.order.id });
}

describe("webhook dispatcher: several dispatchers, stopping, logs", () => {
  it("two dispatchers on one store (two connections) never send the same delivery twice in one round", async () => {
    const receiver = await world.receiver();
    world.subscribe(receiver.url);
    for (let n = 1; n <= 12; n += 1) world.moveNewUnit(`LP${n}`);
    const second = await openStorage({ path: world.storage.path });
    try {
      const a = world.dispatcher({ concurrency: 3 });
      const b = world.dispatcher({ ctx: { store: second, now: world.ctx.now }, concurrency: 3 });
      const rounds: number[][] = [];
      for (;;) {
        const round = await Promise.all([a.drainOnce(), b.drainOnce()]);
        if (round[0] === 0 && round[1] === 0) break;
        rounds.push(round);
      }
      expect(rounds[0]).toEqual([3, 3]);
      const sent = receiver.requests.map((r) => (r.body as { optiturn_lp: string }).optiturn_lp);
      expect(sent).toHaveLength(12);
      expect(new Set(sent).size).toBe(12);
      expect(world.deliveries().every((d) => d.status === "delivered" && d.attempts === 1)).toBe(true);
    } finally {
      second.close();
    }
  });

  it("stop() waits for the sends in flight and records them", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const receiver = await world.receiver(async () => {
      arrived();
      await held;
      return { status: 200 };
    });
    world.subscribe(receiver.url);
    world.moveNewUnit("LP1");
    const dispatcher = world.dispatcher();
    const draining = dispatcher.drainOnce();
    await reached;

    let stopped = false;
    const stopping = dispatcher.stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(stopped).toBe(false);
    expect(world.deliveries()[0]?.status).toBe("in_flight");
    release();
    await stopping;
    expect(await draining).toBe(1);
    expect(world.deliveries()[0]?.status).toBe("delivered");
    expect(await dispatcher.drainOnce()).toBe(0);
  });

  it("keeps endpoint credentials out of its logs and delivery errors", async () => {
    const receiver = await world.receiver((request) => ({ status: 500, body: { message: `saw ${request.headers.authorization}` } }));
    world.subscribe(receiver.url, { auth: { kind: "basic", username: "optoro", password: "log-secret" } });
    world.moveNewUnit("LP1");
    await world.dispatcher().drainOnce();
    const [delivery] = world.deliveries();
    expect(delivery?.lastError).toContain("[redacted]");
    const basic = Buffer.from("optoro:log-secret").toString("base64");
    for (const text of [world.rawLogs(), delivery?.lastError ?? ""]) {
      expect(text).not.toContain("log-secret");
      expect(text).not.toContain(basic);
    }
    expect(world.rawLogs()).toContain("webhook delivery will be retried");
  });
});
