import { recordShipment } from "@dropgate/core-domain";
import type { OrderEnvelope, ShipmentsEnvelope, ShipmentsPage } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, type Buyer, type OptoroWorld, sampleOrder, startOptoro, unwrap, parameterMissing } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

/** Places an order over HTTP and ships `quantities` of its lines through the spine. */
async function shippedOrder(buyer: Buyer, clientIdentifier: string, packages: { tracking: string; carrier: string; quantities: number[] }[]) {
  const order = sampleOrder(
    clientIdentifier,
    [
      { sku: "SKU-A", quantity: 2 },
      { sku: "SKU-B", quantity: 1 },
    ],
  );
  order.packing_slip_identifier = `SLIP-${clientIdentifier}`;
  const placed = await buyer.call("POST", "/orders", { body: { order } });
  expect(placed.status).toBe(201);
  const stored = world.gateway.store.read((r) => r.findOrder(buyer.clientId, clientIdentifier))!;
  for (const pkg of packages) {
    unwrap(
      recordShipment(world.ctx, {
        orderId: stored.id,
        trackingNumber: pkg.tracking,
        carrier: pkg.carrier,
        shippingMethod: `${pkg.carrier} Ground`,
        billedWeight: 10,
        shippingCostCents: 1000,
        items: pkg.quantities.flatMap((quantity, index) => (quantity > 0 ? [{ orderItemId: stored.items[index]!.id, quantity }] : [])),
      }),
    );
  }
  return stored;
}

describe("shipments", () => {
  it("GET /shipments lists the buyer's shipments with Optoro's shipment object, paged", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "SKU-A", condition: "N", channel: "rts_drop_ship", onHand: 50 });
    world.stock({ sku: "SKU-B", condition: "N", channel: "rts_drop_ship", onHand: 50 });
    await shippedOrder(buyer, "S-1", [
      { tracking: "1Z2E07A20302245707", carrier: "UPS", quantities: [1, 0] },
      { tracking: "1Z2E07A20302245708", carrier: "UPS", quantities: [1, 1] },
    ]);
    await shippedOrder(buyer, "S-2", [{ tracking: "9400100000000000000001", carrier: "USPS", quantities: [2, 1] }]);

    // One instant for both pages: a cursor is bound to its query, and a second ticking by between
    // two anHourAgo() calls on a slow machine would make it another query.
    const since = anHourAgo();
    const first = await buyer.call<ShipmentsPage>("GET", "/shipments", { query: { updated_at: since, per_page: 2 } });
    expect(first.status).toBe(200);
    expect(first.headers.get("record_count")).toBe("3");
    expect(first.body.shipments.map((s) => [s.client_identifier, s.tracking_number])).toEqual([
      ["S-1", "1Z2E07A20302245707"],
      ["S-1", "1Z2E07A20302245708"],
    ]);
    expect(first.body.shipments[1]).toMatchObject({
      channel: "rts_drop_ship",
      carrier: "UPS",
      shipping_method: "UPS Ground",
      billed_weight: 10,
      shipping_cost_cents: 1000,
      packing_slip_identifier: "SLIP-S-1",
      shipment_items: [
        { client_identifier: "S-1-1", sku: "SKU-A", quantity: 1 },
        { client_identifier: "S-1-2", sku: "SKU-B", quantity: 1 },
      ],
    });
    const second = await buyer.call<ShipmentsPage>("GET", "/shipments", {
      query: { updated_at: since, per_page: 2, offset: first.body.next_page!.offset },
    });
    expect(second.body.shipments.map((s) => s.tracking_number)).toEqual(["9400100000000000000001"]);
    expect(second.body.next_page).toBeNull();

    const shipped = await buyer.call<OrderEnvelope>("GET", "/orders/S-1");
    expect(shipped.body.order.status).toBe("shipped");
    const b2b = await buyer.call<ShipmentsPage>("GET", "/shipments", { query: { updated_at: anHourAgo(), channel: "b2b" } });
    expect(b2b.body.shipments).toEqual([]);
    expect(b2b.headers.get("record_count")).toBe("0");
  });

  it("GET /shipments/{tracking number} answers a list, optionally of one carrier", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "SKU-A", condition: "N", channel: "rts_drop_ship", onHand: 50 });
    world.stock({ sku: "SKU-B", condition: "N", channel: "rts_drop_ship", onHand: 50 });
    await shippedOrder(buyer, "S-1", [{ tracking: "1Z2E07A20302245707", carrier: "UPS", quantities: [2, 1] }]);
    const byTracking = await buyer.call<ShipmentsEnvelope>("GET", "/shipments/1Z2E07A20302245707");
    expect(byTracking.status).toBe(200);
    expect(byTracking.body.shipments.map((s) => [s.client_identifier, s.carrier])).toEqual([["S-1", "UPS"]]);
    expect(Object.keys(byTracking.body)).toEqual(["shipments"]);
    const ups = await buyer.call<ShipmentsEnvelope>("GET", "/shipments/1Z2E07A20302245707", { query: { carrier: "UPS" } });
    expect(ups.body.shipments).toHaveLength(1);
    const fedex = await buyer.call<ShipmentsEnvelope>("GET", "/shipments/1Z2E07A20302245707", { query: { carrier: "FedEx" } });
    expect(fedex.body.shipments).toEqual([]);
    const unknown = await buyer.call<ShipmentsEnvelope>("GET", "/shipments/NOPE");
    expect([unknown.status, unknown.body]).toEqual([200, { shipments: [] }]);
  });

  it("GET /shipments/identifier/{order} lists an order's shipments", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "SKU-A", condition: "N", channel: "rts_drop_ship", onHand: 50 });
    world.stock({ sku: "SKU-B", condition: "N", channel: "rts_drop_ship", onHand: 50 });
    await shippedOrder(buyer, "ORDER-1", [
      { tracking: "T-1", carrier: "UPS", quantities: [1, 0] },
      { tracking: "T-2", carrier: "UPS", quantities: [0, 1] },
    ]);
    await shippedOrder(buyer, "ORDER-2", [{ tracking: "T-3", carrier: "UPS", quantities: [1, 0] }]);
    const partly = await buyer.call<OrderEnvelope>("GET", "/orders/ORDER-2");
    expect(partly.body.order.status).toBe("partially_shipped");
    const answer = await buyer.call<ShipmentsEnvelope>("GET", "/shipments/identifier/ORDER-1");
    expect(answer.status).toBe(200);
    expect(answer.body.shipments.map((s) => s.tracking_number)).toEqual(["T-1", "T-2"]);
    // The order's own packing slip wins; without one the client identifier is used (dispatcher test).
    expect(answer.body.shipments.map((s) => s.packing_slip_identifier)).toEqual(["SLIP-ORDER-1", "SLIP-ORDER-1"]);
    const none = await buyer.call<ShipmentsEnvelope>("GET", "/shipments/identifier/ORDER-404");
    expect([none.status, none.body]).toEqual([200, { shipments: [] }]);
  });

  it("GET /shipments answers 400 without updated_at and 422 when it is older than 3 months", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const missing = await buyer.call("GET", "/shipments");
    expect([missing.status, missing.body]).toEqual([400, parameterMissing("updated_at")]);
    const old = await buyer.call("GET", "/shipments", { query: { updated_at: "2022-01-01T17:27:46" } });
    expect([old.status, old.body]).toEqual([422, { message: "Invalid updated_at date; should not be older than 3 months" }]);
  });
});
