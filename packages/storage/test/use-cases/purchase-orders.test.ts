import {
  availableOf,
  cancelOrder,
  completePurchaseOrder,
  markPurchaseOrdersAccepted,
  markPurchaseOrdersSubmitted,
  placeOrder,
  setEstimatedShipDate,
  upsertShipClass,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buyer, expectInvariants, failure, must, openWorld, orderInput, vendorStock, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
  must(upsertShipClass(world.ctx, { id: 7, name: "FedEx Ground", carrier: "FedEx" }));
});
afterEach(() => world.close());

const position = (sku: string) => world.storage.read((r) => r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" }))!;

function orderWithPo(lines: [string, number][]) {
  vendorStock(world.ctx, "27", "V1", "ABC123", 10);
  vendorStock(world.ctx, "27", "V2", "ABC124", 10);
  const client = buyer(world.ctx);
  const { order } = must(placeOrder(world.ctx, orderInput(client.id, lines)));
  const po = world.storage.read((r) => r.listPurchaseOrders({ orderId: order.id, limit: 1 })).rows[0]!;
  return { order, po };
}

describe("purchase order lifecycle", () => {
  it("submitted with a lower quantity cancels the remainder and releases its stock", () => {
    const { order, po } = orderWithPo([["V1", 3], ["V2", 2]]);
    const item = po.items[0]!;
    const [submitted] = must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po, items: [{ poItemId: item.poItemId, quantity: 1 }] }] }));
    expect(submitted?.status).toBe("submitted");
    expect(submitted?.items.map((i) => i.quantity)).toEqual([
      { ordered: 3, acknowledged: 1, shipped: 0, cancelled: 2 },
      { ordered: 2, acknowledged: 2, shipped: 0, cancelled: 0 },
    ]);
    expect(position("V1").allocated).toBe(1);
    const line = world.storage.read((r) => r.getOrder(order.id))!.items[0]!;
    expect(line.quantity).toMatchObject({ ordered: 3, allocated: 1, acknowledged: 1, cancelled: 2 });
    expectInvariants(world);
  });

  it("goes ready → submitted → accepted → complete and refuses every step out of order", () => {
    const { po } = orderWithPo([["V1", 1]]);
    const complete = { vendorId: "27", po: po.po, packages: [{ shipClassId: 7, trackingNumber: "1Z1", items: [{ vpc: "ABC123", quantity: 1 }] }] };
    expect(failure(markPurchaseOrdersAccepted(world.ctx, { vendorId: "27", records: [{ po: po.po }] })).code).toBe("ILLEGAL_TRANSITION");
    expect(failure(completePurchaseOrder(world.ctx, complete)).code).toBe("ILLEGAL_TRANSITION");
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    // The same mark again is a replay: it answers the PO as it stands and changes nothing.
    const [again] = must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    expect(again?.status).toBe("submitted");
    must(markPurchaseOrdersAccepted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    expect(failure(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] })).code).toBe("ILLEGAL_TRANSITION");
    const first = must(completePurchaseOrder(world.ctx, complete));
    // A replayed completion creates no second shipment and answers the first one.
    const replay = must(completePurchaseOrder(world.ctx, complete));
    expect(replay.shipments.map((s) => s.id)).toEqual(first.shipments.map((s) => s.id));
    expect(world.storage.read((r) => r.counts().shipments)).toBe(1);
    expect(failure(completePurchaseOrder(world.ctx, { ...complete, packages: [{ ...complete.packages[0]!, trackingNumber: "1Z2" }] })).code).toBe("ILLEGAL_TRANSITION");
    expect(failure(setEstimatedShipDate(world.ctx, { vendorId: "27", records: [{ po: po.po, estimatedShipDate: "2026-12-01T00:00:00Z" }] })).code).toBe("ILLEGAL_TRANSITION");
    expectInvariants(world);
  });

  it("completing with packages creates shipments, takes stock off hand and ships the order", () => {
    const { order, po } = orderWithPo([["V1", 3], ["V2", 1]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    const result = must(
      completePurchaseOrder(world.ctx, {
        vendorId: "27",
        po: po.po,
        packages: [
          { shipClassId: 7, trackingNumber: "1Z-A", items: [{ vpc: "ABC123", quantity: 2 }] },
          { shipClassId: 7, trackingNumber: "1Z-B", items: [{ vpc: "ABC123", quantity: 1 }, { vpc: "ABC124", quantity: 1 }] },
        ],
      }),
    );
    expect(result.purchaseOrder.status).toBe("complete");
    expect(result.shipments.map((s) => [s.trackingNumber, s.carrier, s.shippingMethod, s.items.length])).toEqual([
      ["1Z-A", "FedEx", "FedEx Ground", 1],
      ["1Z-B", "FedEx", "FedEx Ground", 2],
    ]);
    expect(result.order.status).toBe("shipped");
    expect(position("V1")).toMatchObject({ onHand: 7, allocated: 0 });
    expect(world.storage.read((r) => r.listShipments({ orderId: order.id, limit: 10 })).total).toBe(2);
    expectInvariants(world);
  });

  it("a partial completion cancels the rest and leaves the order partially shipped only while others are open", () => {
    vendorStock(world.ctx, "31", "W1", "XYZ", 5);
    const { order, po } = orderWithPo([["V1", 3], ["W1", 1]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    const result = must(completePurchaseOrder(world.ctx, { vendorId: "27", po: po.po, packages: [{ trackingNumber: "1Z", items: [{ vpc: "ABC123", quantity: 1 }] }] }));
    expect(result.order.status).toBe("partially_shipped");
    const line = result.order.items.find((i) => i.sku === "V1")!;
    expect(line).toMatchObject({ status: "shipped", quantity: { shipped: 1, cancelled: 2, allocated: 0 } });
    expect(availableOf(position("V1"))).toBe(9);
    expect(world.storage.read((r) => r.getOrder(order.id))?.status).toBe("partially_shipped");
    expectInvariants(world);
  });

  it("refuses more than is open, unknown ship classes and other vendors' POs, writing nothing", () => {
    const { po } = orderWithPo([["V1", 1]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    const tooMany = failure(completePurchaseOrder(world.ctx, { vendorId: "27", po: po.po, packages: [{ trackingNumber: "1Z", items: [{ vpc: "ABC123", quantity: 2 }] }] }));
    expect(tooMany).toMatchObject({ code: "VALIDATION", field: "packages.0.items.0" });
    expect(failure(completePurchaseOrder(world.ctx, { vendorId: "27", po: po.po, packages: [{ shipClassId: 99, trackingNumber: "1Z", items: [{ vpc: "ABC123", quantity: 1 }] }] })).field).toBe("packages.0.shipClassId");
    expect(failure(completePurchaseOrder(world.ctx, { vendorId: "31", po: po.po, packages: [] })).code).toBe("NOT_FOUND");
    expect(failure(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: "D999999" }] })).code).toBe("NOT_FOUND");
    expect(world.storage.read((r) => r.getPurchaseOrder(po.id))?.status).toBe("submitted");
    expect(world.storage.read((r) => r.listShipments({ limit: 10 })).total).toBe(0);
    expectInvariants(world);
  });

  it("completing with no packages cancels the PO and the order's lines, releasing stock", () => {
    const { order, po } = orderWithPo([["V1", 2]]);
    must(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] }));
    const result = must(completePurchaseOrder(world.ctx, { vendorId: "27", po: po.po, packages: [] }));
    expect(result.purchaseOrder.status).toBe("cancelled");
    expect(result.order.status).toBe("cancelled");
    expect(availableOf(position("V1"))).toBe(10);
    expect(world.storage.read((r) => r.getOrder(order.id))?.items[0]?.status).toBe("cancelled");
    expectInvariants(world);
  });

  it("records an estimated ship date and cancels open POs with their order", () => {
    const { order, po } = orderWithPo([["V1", 1]]);
    const [dated] = must(setEstimatedShipDate(world.ctx, { vendorId: "27", records: [{ po: po.po, estimatedShipDate: "2015-07-02T14:47:47Z" }] }));
    expect(dated?.estimatedShipDate).toBe("2015-07-02T14:47:47.000Z");
    must(cancelOrder(world.ctx, { orderId: order.id }));
    expect(world.storage.read((r) => r.getPurchaseOrder(po.id))?.status).toBe("cancelled");
    expect(failure(markPurchaseOrdersSubmitted(world.ctx, { vendorId: "27", records: [{ po: po.po }] })).code).toBe("ILLEGAL_TRANSITION");
    expectInvariants(world);
  });
});
