import {
  AccessToken,
  Client,
  DispositionEvent,
  PurchaseOrder,
  Reservation,
  Shipment,
  Unit,
  WebhookSubscription,
} from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AT, minutesAfter, orderInput, seedClient, seedPosition } from "./seed.js";

let storage: TestStorage;
beforeEach(async () => {
  storage = await createTestStorage();
});
afterEach(() => storage.cleanup());

describe("what is written is what is read, and it is a valid model", () => {
  it("clients and access tokens; the secret hash only leaves through getClientByKey", () => {
    const client = storage.transaction((tx) => seedClient(tx, "acme"));
    expect(Client.parse(client)).toEqual(client);
    expect(storage.read((r) => r.getClient(client.id))).toEqual(client);
    expect(storage.read((r) => r.getClient(client.id))).not.toHaveProperty("secretHash");
    expect(storage.read((r) => r.getClientByKey("key-acme"))).toEqual({ ...client, secretHash: "hash" });

    storage.transaction((tx) =>
      tx.updateClient(client.id, { disabled: true, ecreditCents: 500, secretHash: "new" }, minutesAfter(1)),
    );
    expect(storage.read((r) => r.getClientByKey("key-acme"))).toEqual({
      ...client,
      disabled: true,
      ecreditCents: 500,
      secretHash: "new",
      updatedAt: minutesAfter(1),
    });

    const token = storage.transaction((tx) =>
      tx.insertAccessToken({ clientId: client.id, tokenHash: "t1", scope: "drop_ship", createdAt: AT, expiresAt: minutesAfter(60) }),
    );
    expect(AccessToken.parse(token)).toEqual(token);
    expect(storage.read((r) => r.findAccessToken("t1"))).toEqual(token);
    expect(storage.transaction((tx) => tx.revokeAccessTokens(client.id, minutesAfter(2)))).toBe(1);
    expect(storage.transaction((tx) => tx.revokeAccessTokens(client.id, minutesAfter(3)))).toBe(0);
    expect(storage.read((r) => r.findAccessToken("t1"))?.revokedAt).toBe(minutesAfter(2));
  });

  it("units and their disposition events", () => {
    const input = {
      lp: "LP-1",
      sku: "SKU-1",
      upc: "0001",
      condition: "TT" as const,
      disposition: "rts",
      warehouse: "EAST",
      location: "A-1",
      program: "returns",
      referenceUnitIdentifier: "REF-1",
      storeIdentifier: null,
      at: AT,
    };
    const unit = storage.transaction((tx) => tx.insertUnit(input));
    expect(Unit.parse(unit)).toEqual(unit);
    storage.transaction((tx) => tx.updateUnit("LP-1", { disposition: "rts_drop_ship", condition: "N" }, minutesAfter(1)));
    expect(storage.read((r) => r.getUnit("LP-1"))).toEqual({
      ...unit,
      disposition: "rts_drop_ship",
      condition: "N",
      updatedAt: minutesAfter(1),
    });
    const event = storage.transaction((tx) =>
      tx.insertDispositionEvent({
        lp: "LP-1",
        fromDisposition: "rts",
        toDisposition: "rts_drop_ship",
        fromCondition: "TT",
        toCondition: "N",
        fromSku: "SKU-1",
        toSku: "SKU-1",
        upc: "0001",
        warehouse: "EAST",
        location: "A-1",
        program: "returns",
        referenceUnitIdentifier: "REF-1",
        storeIdentifier: null,
        userLogin: "ops",
        at: minutesAfter(1),
      }),
    );
    expect(DispositionEvent.parse(event)).toEqual(event);
    expect(storage.read((r) => r.listDispositionEvents("LP-1"))).toEqual([event]);
  });

  it("purchase orders with D-numbers; an item change moves the PO's updatedAt", () => {
    const { order } = storage.transaction((tx) => {
      const client = seedClient(tx, "acme");
      const order = tx.insertOrder(orderInput(client.id, "PO-1", [seedPosition(tx, "SKU-1", 5)], { quantity: 2 }));
      return { order };
    });
    const orderItem = order.items[0];
    if (!orderItem) throw new Error("no item");
    const po = storage.transaction((tx) =>
      tx.insertPurchaseOrder({
        vendorId: "V1",
        orderId: order.id,
        dateSubmit: AT,
        items: [{ orderItemId: orderItem.id, sku: "SKU-1", vpc: "VPC-1", quantity: { ordered: 2, acknowledged: 0, shipped: 0, cancelled: 0 } }],
        at: AT,
      }),
    );
    expect(PurchaseOrder.parse(po)).toEqual(po);
    expect(po).toMatchObject({ po: `D${po.id}`, status: "ready", estimatedShipDate: null });
    expect(storage.read((r) => r.getPurchaseOrder(po.id))).toEqual(po);
    expect(storage.read((r) => r.listPurchaseOrders({ vendorId: "V1", statuses: ["ready"], dueBy: AT, limit: 5 })).rows).toEqual([po]);

    const poItem = po.items[0];
    if (!poItem) throw new Error("no PO item");
    storage.transaction((tx) => {
      tx.updatePurchaseOrder(po.id, { status: "submitted", estimatedShipDate: minutesAfter(600) }, minutesAfter(1));
      tx.updatePurchaseOrderItem(poItem.poItemId, { ordered: 2, acknowledged: 2, shipped: 0, cancelled: 0 }, minutesAfter(2));
    });
    expect(storage.read((r) => r.getPurchaseOrder(po.id))).toEqual({
      ...po,
      status: "submitted",
      estimatedShipDate: minutesAfter(600),
      items: [{ ...poItem, quantity: { ordered: 2, acknowledged: 2, shipped: 0, cancelled: 0 } }],
      updatedAt: minutesAfter(2),
    });
    expect(storage.read((r) => r.listPurchaseOrders({ vendorId: "V1", statuses: ["ready"], limit: 5 })).total).toBe(0);
  });

  it("shipments, reservations, carriers, ship classes, subscriptions and counts", () => {
    const { client, order, position } = storage.transaction((tx) => {
      const client = seedClient(tx, "acme");
      const position = seedPosition(tx, "SKU-1", 5);
      return { client, position, order: tx.insertOrder(orderInput(client.id, "PO-1", [position])) };
    });
    const shipment = storage.transaction((tx) =>
      tx.insertShipment({
        orderId: order.id,
        purchaseOrderId: null,
        trackingNumber: "1Z999",
        carrier: null,
        shipClassId: 7,
        shippingMethod: "GROUND",
        billedWeight: null,
        shippingCostCents: null,
        items: [{ orderItemId: order.items[0]?.id ?? 0, quantity: 1 }],
        shippedAt: AT,
        at: AT,
      }),
    );
    expect(Shipment.parse(shipment)).toEqual(shipment);
    expect(storage.read((r) => r.getShipment(shipment.id))).toEqual(shipment);
    expect(() =>
      storage.transaction((tx) => tx.insertShipment({ ...shipment, orderId: 999, items: [], at: AT })),
    ).toThrow(/NOT NULL constraint failed: shipments.client_id/);

    storage.transaction((tx) => {
      tx.setReservation(client.id, position.id, 3, AT);
      tx.setReservation(client.id, position.id, 2, minutesAfter(1));
      tx.upsertCarrier({ id: 1, name: "UPS", costCents: 900, isDefault: true });
      tx.upsertCarrier({ id: 1, name: "UPS Ground", costCents: 800, isDefault: true });
      tx.upsertShipClass({ id: 7, name: "Ground", carrier: "UPS", defaultWeight: null, defaultCostCents: null });
      tx.upsertShipClass({ id: 62, name: "UPS Ground", carrier: "UPS", defaultWeight: 2.5, defaultCostCents: 895 });
    });
    const reservation = storage.read((r) => r.getReservation(client.id, position.id));
    expect(reservation && Reservation.parse(reservation)).toEqual({ clientId: client.id, positionId: position.id, locked: 2, updatedAt: minutesAfter(1) });
    expect(storage.read((r) => r.listReservations(client.id))).toEqual([reservation]);
    expect(storage.read((r) => r.listCarriers())).toEqual([{ id: 1, name: "UPS Ground", costCents: 800, isDefault: true }]);
    expect(storage.read((r) => r.listShipClasses())).toEqual([
      { id: 7, name: "Ground", carrier: "UPS", defaultWeight: null, defaultCostCents: null },
      { id: 62, name: "UPS Ground", carrier: "UPS", defaultWeight: 2.5, defaultCostCents: 895 },
    ]);

    const subscription = storage.transaction((tx) =>
      tx.insertSubscription({
        clientId: client.id,
        url: "https://hooks.example/dg",
        auth: { kind: "oauth2", tokenUrl: "https://auth.example/token", clientId: "id", clientSecret: "s" },
        eventTypes: ["disposition_update"],
        at: AT,
      }),
    );
    expect(WebhookSubscription.parse(subscription)).toEqual(subscription);
    expect(storage.read((r) => r.listSubscriptions(client.id))).toEqual([subscription]);
    expect(storage.read((r) => r.listSubscriptions())).toEqual([subscription]);

    expect(storage.read((r) => r.counts())).toEqual({
      clients: 1,
      products: 0,
      positions: 1,
      movements: 1,
      units: 0,
      orders: 1,
      purchaseOrders: 0,
      shipments: 1,
      pendingDeliveries: 0,
      failedDeliveries: 0,
    });
  });
});
