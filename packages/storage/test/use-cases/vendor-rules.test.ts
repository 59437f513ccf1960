import {
  adviseInventoryBatch,
  cancelOrder,
  completePurchaseOrder,
  createClient,
  createSubscription,
  DEFAULT_PACKAGE_WEIGHT_LB,
  fetchVendorPurchaseOrders,
  markEachPurchaseOrderSubmitted,
  markPurchaseOrdersAccepted,
  markPurchaseOrdersSubmitted,
  namesOwnVendor,
  placeOrder,
  recordShipment,
  setStock,
  updateVendorSettings,
  upsertShipClass,
  vendorSettingsOf,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, failure, must, openWorld, orderInput, vendorStock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
  must(upsertShipClass(world.ctx, { id: 7, name: "FedEx Ground", carrier: "FedEx" }));
  must(upsertShipClass(world.ctx, { id: 62, name: "UPS Ground", carrier: "UPS", defaultWeight: 3, defaultCostCents: 1_250 }));
  vendorStock(world.ctx, "27", "V1", "ABC123", 10);
  vendorStock(world.ctx, "27", "V2", "ABC124", 10);
});
afterEach(() => world.close());

/** A buyer subscribed to every drop-ship event, and an order of theirs with its PO. */
function subscribedOrder(lines: [string, number][], name = "buyer") {
  const client = buyer(world.ctx, name);
  must(
    createSubscription(world.ctx, {
      clientId: client.id,
      url: "http://127.0.0.1:9/hook",
      auth: { kind: "none" },
      eventTypes: ["drop_shipment_confirmation", "drop_shipment_cancellation", "drop_shipment_partial_cancellation"],
    }),
  );
  const { order } = must(placeOrder(world.ctx, orderInput(client.id, lines)));
  const po = world.storage.read((r) => r.listPurchaseOrders({ orderId: order.id, limit: 1 })).rows[0]!;
  return { client, order, po };
}

const deliveries = () => world.storage.read((r) => r.listDeliveries({ limit: 100 })).rows;

describe("partial cancellation events", () => {
  it("a short MarkSubmitted queues one partial cancellation with the line's cancelled quantity", () => {
    const { order, po } = subscribedOrder([["V1", 3], ["V2", 2]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po, items: [{ poItemId: po.items[0]!.poItemId, quantity: 1 }] }] }));
    const queued = deliveries();
    expect(queued.map((d) => d.eventType)).toEqual(["drop_shipment_partial_cancellation"]);
    expect(queued[0]?.payload).toEqual({ orderId: order.id, items: [{ orderItemId: order.items[0]!.id, cancelledQuantity: 2 }] });
    expectInvariants(world);
  });

  it("a line cancelled whole while the order stays open is partial; every line cancelled is the cancellation", () => {
    const { po } = subscribedOrder([["V1", 1], ["V2", 1]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po, items: [{ poItemId: po.items[0]!.poItemId, quantity: 0 }] }] }));
    const second = subscribedOrder([["V1", 1]], "other");
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: second.po.po, items: [{ poItemId: second.po.items[0]!.poItemId, quantity: 0 }] }] }));
    expect(deliveries().map((d) => d.eventType)).toEqual(["drop_shipment_partial_cancellation", "drop_shipment_cancellation"]);
    expect(world.storage.read((r) => r.getOrder(second.order.id))?.status).toBe("cancelled");
    expectInvariants(world);
  });

  it("a full acknowledgement queues nothing; completing short cancels the rest as a partial cancellation", () => {
    const { order, po } = subscribedOrder([["V1", 2]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    expect(deliveries()).toEqual([]);
    must(completePurchaseOrder(world.ctx, { vendorId: "27", po: po.po, packages: [{ shipClassId: 62, trackingNumber: "1Z9", items: [{ vpc: "ABC123", quantity: 1 }] }] }));
    expect(deliveries().map((d) => d.eventType)).toEqual(["drop_shipment_confirmation", "drop_shipment_partial_cancellation"]);
    const after = world.storage.read((r) => r.getOrder(order.id))!;
    expect(after.status).toBe("shipped");
    expect(after.items[0]?.quantity).toMatchObject({ ordered: 2, shipped: 1, cancelled: 1 });
    expectInvariants(world);
  });
});

describe("per-record acknowledgement", () => {
  it("a refused record does not block the others and leaves no trace", () => {
    const { po } = subscribedOrder([["V1", 2]]);
    const outcomes = must(
      markEachPurchaseOrderSubmitted(world.ctx, {
        vendorId: "27",
        records: [{ po: "D999" }, { po: po.po, items: [{ poItemId: po.items[0]!.poItemId, quantity: 5 }] }, { po: po.po, items: [{ poItemId: po.items[0]!.poItemId, quantity: 2 }] }],
      }),
    );
    expect(outcomes.map((o) => (o.ok ? o.value.status : o.error.code))).toEqual(["NOT_FOUND", "VALIDATION", "submitted"]);
    expect(outcomes[1]?.ok === false && outcomes[1].error.field).toBe("records.1.items.0.quantity");
  });
});

describe("Change POs after submit", () => {
  it("off (the default): an operator cancel cannot reach a submitted PO, and changes nothing", () => {
    const { order, po } = subscribedOrder([["V1", 2]]);
    expect(world.storage.read((r) => vendorSettingsOf(r, "27")).changePosAfterSubmit).toBe(false);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    expect(failure(cancelOrder(world.ctx, { orderId: order.id })).code).toBe("ILLEGAL_TRANSITION");
    expect(world.storage.read((r) => r.getPurchaseOrder(po.id))?.status).toBe("submitted");
    expect(world.storage.read((r) => r.getOrder(order.id))?.status).toBe("accepted");
  });

  it("on: a submitted PO is cancelled with its order until the vendor accepts it", () => {
    must(updateVendorSettings(world.ctx, { vendorId: "27", changePosAfterSubmit: true }));
    const first = subscribedOrder([["V1", 2]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: first.po.po }] }));
    must(cancelOrder(world.ctx, { orderId: first.order.id }));
    expect(world.storage.read((r) => r.getPurchaseOrder(first.po.id))?.status).toBe("cancelled");

    const second = subscribedOrder([["V1", 1]], "second");
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: second.po.po }] }));
    must(markPurchaseOrdersAccepted(world.ctx, { vendorId: "27", records: [{ po: second.po.po }] }));
    expect(failure(cancelOrder(world.ctx, { orderId: second.order.id })).code).toBe("ILLEGAL_TRANSITION");
    expect(world.storage.read((r) => r.getPurchaseOrder(second.po.id))?.status).toBe("accepted");
    expectInvariants(world);
  });

  it("a ready PO is cancelled with its order whatever the setting", () => {
    const { order, po } = subscribedOrder([["V1", 2]]);
    must(cancelOrder(world.ctx, { orderId: order.id }));
    expect(world.storage.read((r) => r.getPurchaseOrder(po.id))?.status).toBe("cancelled");
  });
});

describe("completion fills what Optoro's confirmation requires", () => {
  it("from the ship class's defaults, else the documented defaults; the vendor's own figures win", () => {
    const { po } = subscribedOrder([["V1", 3]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    const done = must(
      completePurchaseOrder(world.ctx, {
        vendorId: "27",
        po: po.po,
        packages: [
          { shipClassId: 62, trackingNumber: "1ZA", items: [{ vpc: "ABC123", quantity: 1 }] },
          { shipClassId: 7, trackingNumber: "1ZB", items: [{ vpc: "ABC123", quantity: 1 }] },
          { shipClassId: 7, trackingNumber: "1ZC", billedWeight: 4.5, shippingCostCents: 710, items: [{ vpc: "ABC123", quantity: 1 }] },
        ],
      }),
    );
    expect(done.shipments.map((s) => [s.carrier, s.shippingMethod, s.billedWeight, s.shippingCostCents])).toEqual([
      ["UPS", "UPS Ground", 3, 1_250],
      ["FedEx", "FedEx Ground", DEFAULT_PACKAGE_WEIGHT_LB, 0],
      ["FedEx", "FedEx Ground", 4.5, 710],
    ]);
  });
});

describe("an operator's shipment gets the same defaults", () => {
  it("takes the method from the order and documented weight and cost when none are given", () => {
    const client = buyer(world.ctx, "ops-buyer");
    must(setStock(world.ctx, { sku: "OWN-1", condition: "N", channel: "rts_drop_ship", onHand: 3 }));
    const { order } = must(placeOrder(world.ctx, { ...orderInput(client.id, [["OWN-1", 1]]), shippingMethod: "STANDARD" }));
    const { shipment } = must(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "1ZOP", carrier: "UPS", items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] }));
    expect([shipment.carrier, shipment.shippingMethod, shipment.billedWeight, shipment.shippingCostCents]).toEqual(["UPS", "STANDARD", DEFAULT_PACKAGE_WEIGHT_LB, 0]);
  });
});

describe("PO fetch paging", () => {
  it("start/limit pages neither repeat nor skip while new POs arrive, and only due POs show", () => {
    const client = buyer(world.ctx);
    vendorStock(world.ctx, "27", "V3", "ABC125", 1_000);
    const place = () => must(placeOrder(world.ctx, orderInput(client.id, [["V3", 1]])));
    for (let i = 0; i < 7; i++) place();
    const seen: string[] = [];
    for (let start = 0; ; start += 3) {
      const page = must(fetchVendorPurchaseOrders(world.ctx, { vendorId: "27", statuses: ["ready"], start, limit: 3 }));
      if (page.rows.length === 0) break;
      seen.push(...page.rows.map((p) => p.po));
      place(); // a new PO arrives between pages
      world.advance(1);
    }
    const all = world.storage.read((r) => r.listPurchaseOrders({ vendorId: "27", limit: 100 })).rows.map((p) => p.po);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.slice(0, seen.length));
    expect(seen.length).toBeGreaterThanOrEqual(7);
    expect(must(fetchVendorPurchaseOrders(world.ctx, { vendorId: "99" })).rows).toEqual([]);
  });
});

describe("vendor inventory advice in batches", () => {
  it("applies every known vpc, reports unknown ones in place, never takes available below zero", () => {
    const client = buyer(world.ctx);
    must(placeOrder(world.ctx, orderInput(client.id, [["V1", 4]])));
    const outcomes = must(
      adviseInventoryBatch(world.ctx, { vendorId: "27", records: [{ vpc: "ABC123", quantity: 1 }, { vpc: "NOPE", quantity: 3 }, { vpc: "ABC124", quantity: 12 }] }),
    );
    expect(outcomes.map((o) => (o.ok ? [o.onHand, o.available, o.clampedFrom] : o.error.code))).toEqual([[4, 0, 1], "NOT_FOUND", [12, 12, null]]);
    const tooMany = Array.from({ length: 1001 }, () => ({ vpc: "ABC123", quantity: 1 }));
    expect(failure(adviseInventoryBatch(world.ctx, { vendorId: "27", records: tooMany })).message).toBe("At most 1000 records per call; 1001 were sent");
    expectInvariants(world);
  });
});

describe("vendor names", () => {
  it("a vendor client keeps its name and matches it without regard to case", () => {
    const { client } = must(createClient(world.ctx, { name: "deben", dialect: "retailops", scope: "vendor", vendorId: "27", vendorName: " Deben " }));
    expect(client.vendorName).toBe("Deben");
    expect(namesOwnVendor(client, { vendorName: "DEBEN" })).toBe(true);
    expect(namesOwnVendor(client, { vendorId: "27", vendorName: "deben" })).toBe(true);
    expect(namesOwnVendor(client, { vendorName: "Swarovski" })).toBe(false);
    expect(namesOwnVendor(client, { vendorId: "28" })).toBe(false);
    expect(failure(createClient(world.ctx, { name: "b", dialect: "optoro", scope: "buyer", vendorName: "X" })).field).toBe("vendorName");
  });
});
