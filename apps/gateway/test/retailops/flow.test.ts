import { createSubscription, upsertProduct, upsertShipClass } from "@dropgate/core-domain";
import { startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startWebhookDispatcher } from "../../src/dispatcher/webhook-dispatcher.js";
import { createLogger } from "../../src/logging/logger.js";
import { type OptoroWorld, sampleOrder, startOptoro } from "../optoro/support/optoro-world.js";
import { createVendor, type Envelope, unwrap, type Vendor } from "./support/retailops-world.js";

/*
 * The whole drop-ship flow across dialects, over real HTTP on one SQLite file: a vendor advises
 * stock over RetailOps, a buyer orders it over Optoro, the vendor works the PO over RetailOps and
 * ships it in two packages, the buyer sees the order shipped over Optoro and its endpoint
 * receives the partial cancellation and both confirmations from the dispatcher.
 */

let optoro: OptoroWorld;
let vendor: Vendor;
let receiver: TestEndpoint;
beforeEach(async () => {
  optoro = await startOptoro();
  vendor = createVendor(optoro.gateway, "deben", "27", "Deben");
  receiver = await startEndpoint(() => ({ status: 200, body: { message: "Success" } }));
  unwrap(upsertShipClass(optoro.ctx, { id: 7, name: "FedEx Ground", carrier: "FedEx" }));
  unwrap(upsertShipClass(optoro.ctx, { id: 62, name: "UPS Ground", carrier: "UPS", defaultWeight: 2, defaultCostCents: 995 }));
  unwrap(upsertProduct(optoro.ctx, { sku: "DEB-LAMP", vendorId: "27", vpc: "LAMP-1", brand: "acme", title: "Desk Lamp" }));
  unwrap(upsertProduct(optoro.ctx, { sku: "DEB-SHADE", vendorId: "27", vpc: "SHADE-1", brand: "acme", title: "Lamp Shade" }));
});
afterEach(async () => {
  await receiver.close();
  await optoro.close();
});

describe("vendor advises → buyer orders over Optoro → vendor ships over RetailOps", () => {
  it("ends with the order shipped in two packages, the short quantity cancelled, the ledger whole and the buyer told", async () => {
    // 1. The vendor advises its stock, the way its CSV feed sends it.
    const advice = await vendor.call<Envelope>("/product/externalsku/update~2.json", {
      records: [
        { vendor_name: "Deben", vpc: "LAMP-1", quantity: "10" },
        { vendor_name: "deben", vpc: "SHADE-1", quantity: "4" },
      ],
      with_detailed_response: 0,
    });
    expect(advice.body).toEqual({ success: 1, records: [] });

    // 2. The buyer sees it on Optoro and orders 3 lamps and 2 shades, with a webhook endpoint.
    const buyer = await optoro.buyer("shop");
    unwrap(
      createSubscription(optoro.ctx, {
        clientId: buyer.clientId,
        url: `${receiver.url}/hooks`,
        auth: { kind: "none" },
        eventTypes: ["drop_shipment_confirmation", "drop_shipment_cancellation", "drop_shipment_partial_cancellation"],
      }),
    );
    const listings = await buyer.call<{ listings: { identifier: string; quantity: number }[] }>("GET", "/listings", {
      query: { updated_at: new Date(Date.now() - 3_600_000).toISOString().slice(0, 19), channel: "rts_drop_ship" },
    });
    expect(listings.body.listings.map((l) => [l.identifier, l.quantity])).toEqual([
      ["DEB-LAMP", 10],
      ["DEB-SHADE", 4],
    ]);
    const order = sampleOrder("FLOW-1", [
      { sku: "DEB-LAMP", quantity: 3, client_identifier: "LAMP-LINE" },
      { sku: "DEB-SHADE", quantity: 2, client_identifier: "SHADE-LINE" },
    ]);
    const placed = await buyer.call<{ message: string }>("POST", "/orders", { body: { order } });
    expect(placed.body.message).toBe("accepted");

    // 3. The vendor fetches the PO with its items.
    const fetched = await vendor.call<Envelope>("/Vendor/PO/Fetch.json", { vendor_id: "27", start: 0, limit: 100, status: ["open", "ready"], with_items: true });
    expect(fetched.body.total).toBe(1);
    const po = fetched.body.records![0] as { po: string; order_ref: string; items: { po_item_id: number; vpc: string; quantity: number }[] };
    expect(po.order_ref).toBe("FLOW-1");
    const lamp = po.items.find((i) => i.vpc === "LAMP-1")!;
    expect(lamp.quantity).toBe(3);

    // 4. It submits the PO one lamp short, sets a ship date, accepts it.
    const submitted = await vendor.call<Envelope>("/Vendor/PO/MarkSubmitted.json", { records: [{ po: po.po, items: [{ po_item_id: lamp.po_item_id, quantity: "2" }] }] });
    expect(submitted.body.records?.[0]).toMatchObject({ success: 1, status: "submitted" });
    const dated = await vendor.call<Envelope>("/Vendor/PO/UpdateEstShipDate.json", { records: [{ po: po.po, estimated_ship_date: "2026-12-03T17:00:00Z" }] });
    expect(dated.body.success).toBe(1);
    const accepted = await vendor.call<Envelope>("/Vendor/PO/MarkAccepted.json", { records: [{ po: po.po }] });
    expect(accepted.body.records?.[0]).toMatchObject({ success: 1, status: "accepted" });

    // 5. It completes the PO with two packages, through its typed client.
    const completion = await vendor.client().complete({
      po: po.po,
      packages: [
        { ship_class_id: 62, tracking_number: "1ZFLOW0000000001", items: [{ vpc: "LAMP-1", quantity: 2 }], unit_count: 2 },
        { ship_class_id: "7", tracking_number: "1ZFLOW0000000002", items: [{ vpc: "SHADE-1", quantity: "2" }], unit_count: 2, weight: "3.5", cost: 7.1 },
      ],
    });
    expect(completion.records[0]).toMatchObject({ status: "complete", order_status: "shipped" });

    // 6. Optoro shows the order shipped with two shipments and the short lamp cancelled.
    const shown = await buyer.call<{ order: { status: string; order_items: { client_identifier: string; quantity: number; status: string }[] } }>("GET", "/orders/FLOW-1");
    expect(shown.body.order.status).toBe("shipped");
    const shipments = await buyer.call<{ shipments: { tracking_number: string; carrier: string; shipping_method: string; billed_weight: number; shipping_cost_cents: number }[] }>(
      "GET",
      "/shipments/identifier/FLOW-1",
    );
    expect(shipments.body.shipments.map((s) => [s.tracking_number, s.carrier, s.shipping_method, s.billed_weight, s.shipping_cost_cents])).toEqual([
      ["1ZFLOW0000000001", "UPS", "UPS Ground", 2, 995],
      ["1ZFLOW0000000002", "FedEx", "FedEx Ground", 3.5, 710],
    ]);
    const stored = optoro.ctx.store.read((r) => r.findOrder(buyer.clientId, "FLOW-1"))!;
    expect(stored.items.map((i) => [i.clientIdentifier, i.quantity.shipped, i.quantity.cancelled])).toEqual([
      ["LAMP-LINE", 2, 1],
      ["SHADE-LINE", 2, 0],
    ]);
    const lampStock = optoro.ctx.store.read((r) => r.getPosition({ sku: "DEB-LAMP", condition: "N", channel: "rts_drop_ship" }))!;
    expect(lampStock).toMatchObject({ onHand: 8, allocated: 0 });
    expect(optoro.ctx.store.read((r) => r.checkInvariants())).toEqual([]);

    // 7. The dispatcher delivers the partial cancellation and both confirmations to the buyer's endpoint.
    const logger = createLogger({ level: "silent", destination: { write: () => undefined } });
    const dispatcher = startWebhookDispatcher({ ctx: optoro.ctx, logger, pollIntervalMs: 3_600_000 });
    try {
      await dispatcher.drainOnce();
    } finally {
      await dispatcher.stop();
    }
    const partial = receiver.requests.find((r) => JSON.stringify(r.body).includes("cancelled_quantity"));
    expect(partial?.body).toEqual({
      order: {
        id: stored.id,
        client_identifier: "FLOW-1",
        // Bodies are built from the rows as they are when sent: by then the order has shipped.
        status: "shipped",
        order_items: [{ id: stored.items[0]!.id, client_identifier: "LAMP-LINE", status: "shipped", quantity: 3, cancelled_quantity: 1 }],
      },
    });
    const confirmations = receiver.requests.filter((r) => (r.body as { shipment?: unknown }).shipment !== undefined);
    expect(confirmations).toHaveLength(2);
    const deliveries = optoro.ctx.store.read((r) => r.listDeliveries({ limit: 10 })).rows;
    expect(deliveries.map((d) => [d.eventType, d.status])).toEqual([
      ["drop_shipment_partial_cancellation", "delivered"],
      ["drop_shipment_confirmation", "delivered"],
      ["drop_shipment_confirmation", "delivered"],
    ]);
  });
});
