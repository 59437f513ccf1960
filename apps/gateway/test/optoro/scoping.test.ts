import { recordShipment } from "@dropgate/core-domain";
import type { OrderEnvelope, OrdersPage, ShipmentsEnvelope, ShipmentsPage } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, fixture, type OptoroWorld, sampleOrder, startOptoro, unwrap } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

describe("every read and write is scoped to the authenticated client", () => {
  it("client B cannot see, pay, cancel or track client A's orders, and may reuse A's identifiers", async () => {
    world = await startOptoro();
    const a = await world.buyer("buyer-a");
    const b = await world.buyer("buyer-b");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 10 });
    world.stock({ sku: "LOT-1", condition: "N", channel: "rts_drop_ship", onHand: 1, kind: "lot", lot: { templateName: "t", weight: 1 } });
    expect((await a.call("POST", "/orders", { body: { order: sampleOrder("A-1") } })).status).toBe(201);
    expect((await a.call("POST", "/orders", { body: { order: sampleOrder("A-LOT", [{ sku: "LOT-1", quantity: 1 }]) } })).status).toBe(201);
    const order = world.gateway.store.read((r) => r.findOrder(a.clientId, "A-1"))!;
    unwrap(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "1Z-A", carrier: "UPS", items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] }));

    const notFound = fixture("order-not-found.response.json");
    for (const [method, path, body] of [
      ["GET", "/orders/A-1", undefined],
      ["PUT", "/orders/A-LOT", fixture("update-order.request.json")],
      ["DELETE", "/orders/A-LOT", undefined],
    ] as const) {
      const answer = await b.call(method, path, { body });
      expect([method, answer.status, answer.body]).toEqual([method, 404, notFound]);
    }
    const bOrders = await b.call<OrdersPage>("GET", "/orders", { query: { updated_at: anHourAgo(), status: "shipped" } });
    expect([bOrders.body.orders, bOrders.headers.get("record_count")]).toEqual([[], "0"]);
    const bShipments = await b.call<ShipmentsPage>("GET", "/shipments", { query: { updated_at: anHourAgo() } });
    expect([bShipments.body.shipments, bShipments.headers.get("record_count")]).toEqual([[], "0"]);
    expect((await b.call<ShipmentsEnvelope>("GET", "/shipments/1Z-A")).body.shipments).toEqual([]);
    expect((await b.call<ShipmentsEnvelope>("GET", "/shipments/identifier/A-1")).body.shipments).toEqual([]);

    // A still sees all of it, untouched by B's attempts.
    expect((await a.call<OrderEnvelope>("GET", "/orders/A-LOT")).body.order.status).toBe("pending_payment");
    expect((await a.call<ShipmentsEnvelope>("GET", "/shipments/1Z-A")).body.shipments).toHaveLength(1);
    expect((await a.call<ShipmentsEnvelope>("GET", "/shipments/identifier/A-1")).body.shipments).toHaveLength(1);

    // Client identifiers are unique per client, not across clients.
    expect((await b.call("POST", "/orders", { body: { order: sampleOrder("A-1") } })).status).toBe(201);
    const bOwn = await b.call<OrderEnvelope>("GET", "/orders/A-1");
    expect(bOwn.body.order.id).not.toBe(order.id);
  });
});
