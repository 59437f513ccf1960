import type { StorageReader } from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AT, minutesAfter, orderInput, queryPlan, recordPreparedSql, seedClient, seedPosition } from "./seed.js";

let storage: TestStorage;
beforeEach(async () => {
  storage = await createTestStorage();
});
afterEach(() => storage.cleanup());

/** 40 orders for acme interleaved with 20 for globex, each with one line. */
function seedOrders() {
  return storage.transaction((tx) => {
    const acme = seedClient(tx, "acme");
    const globex = seedClient(tx, "globex");
    const position = seedPosition(tx, "SKU-1", 1_000);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) {
      const client = i % 3 === 2 ? globex : acme;
      const order = tx.insertOrder(orderInput(client.id, `PO-${i}`, [position], { at: minutesAfter(i) }));
      if (client === acme) ids.push(order.id);
    }
    return { acme, globex, position, acmeOrderIds: ids };
  });
}

describe("keyset paging", () => {
  it("walks every row exactly once while rows on earlier and later pages are updated between pages", () => {
    const { acme, position, acmeOrderIds } = seedOrders();
    const seen: number[] = [];
    let afterId: number | undefined;
    let pages = 0;
    let minute = 1_000;
    do {
      const page = storage.read((r) => r.listOrders({ clientId: acme.id, limit: 7, afterId }));
      expect(page.total).toBe(acmeOrderIds.length + (pages > 0 ? 1 : 0));
      seen.push(...page.rows.map((o) => o.id));
      afterId = page.nextAfterId ?? undefined;
      pages += 1;
      // Between pages: touch a row already seen, a row not yet seen and an item, the way
      // shipments and cancellations do while a partner is paging.
      storage.transaction((tx) => {
        const back = acmeOrderIds[(pages * 5) % seen.length];
        const ahead = acmeOrderIds[Math.min(seen.length + 3, acmeOrderIds.length - 1)];
        if (back !== undefined) tx.updateOrder(back, { status: "cancelled" }, minutesAfter(minute++));
        if (ahead !== undefined) {
          const order = tx.getOrder(ahead);
          const item = order?.items[0];
          if (item) tx.updateOrderItem(item.id, { status: "partially_shipped" }, minutesAfter(minute++));
        }
        if (pages === 1) tx.insertOrder(orderInput(acme.id, "PO-late", [position], { at: minutesAfter(minute++) }));
      });
    } while (afterId !== undefined);

    const late = storage.read((r) => r.findOrder(acme.id, "PO-late"));
    expect(seen).toEqual([...acmeOrderIds, late?.id]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(Math.ceil(seen.length / 7));
  });

  it("answers nextAfterId only when a further row exists, also on an exact boundary", () => {
    const { acme, acmeOrderIds } = seedOrders();
    const first = storage.read((r) => r.listOrders({ clientId: acme.id, limit: 20 }));
    expect(first.nextAfterId).toBe(acmeOrderIds[19]);
    const second = storage.read((r) => r.listOrders({ clientId: acme.id, limit: 20, afterId: first.nextAfterId ?? 0 }));
    expect(second.rows).toHaveLength(20);
    expect(second.nextAfterId).toBeNull();
    expect(second.total).toBe(40);
    expect(() => storage.read((r) => r.listOrders({ limit: 0 }))).toThrow(RangeError);
  });

  it("pages positions by id while movements keep changing updated_at", () => {
    const ids = storage.transaction((tx) => Array.from({ length: 25 }, (_, i) => seedPosition(tx, `SKU-${i}`, 10).id));
    const seen: number[] = [];
    let afterId: number | undefined;
    do {
      const page = storage.read((r) => r.listPositions({ channel: "rts_drop_ship", limit: 4, afterId }));
      seen.push(...page.rows.map((p) => p.id));
      afterId = page.nextAfterId ?? undefined;
      storage.transaction((tx) => {
        for (const id of ids) {
          tx.applyMovement({ positionId: id, kind: "allocation", cause: { type: "t", ref: "x" }, onHand: 0, allocated: 0, reserved: 1, at: minutesAfter(seen.length) });
        }
      });
    } while (afterId !== undefined);
    expect(seen).toEqual(ids);
  });

  it("fetches the items of a whole page of orders in one query, not one per order", () => {
    const { acme } = seedOrders();
    const statementPrototype = Object.getPrototypeOf(storage.db.prepare("select 1"));
    const all = vi.spyOn(statementPrototype, "all");
    const get = vi.spyOn(statementPrototype, "get");
    const page = storage.read((r) => r.listOrders({ clientId: acme.id, limit: 25 }));
    expect(page.rows).toHaveLength(25);
    expect(page.rows.every((o) => o.items.length === 1)).toBe(true);
    expect(all).toHaveBeenCalledTimes(2); // the page, then the items of all its orders
    expect(get).toHaveBeenCalledTimes(1); // the total
  });
});

describe("list filters that go through the order", () => {
  it("scopes shipments to the order's client and channel", () => {
    const { acme, globex } = storage.transaction((tx) => {
      const acme = seedClient(tx, "acme");
      const globex = seedClient(tx, "globex");
      const p = seedPosition(tx, "SKU-1", 100);
      const q = seedPosition(tx, "SKU-2", 100, "b2b");
      for (const [client, position, channel, n] of [
        [acme, p, "rts_drop_ship", 1],
        [acme, q, "b2b", 2],
        [globex, p, "rts_drop_ship", 3],
      ] as const) {
        const order = tx.insertOrder(orderInput(client.id, `PO-${n}`, [position], { channel }));
        const item = order.items[0];
        if (!item) throw new Error("no item");
        tx.insertShipment({
          orderId: order.id,
          purchaseOrderId: null,
          trackingNumber: `1Z${n}`,
          carrier: "UPS",
          shipClassId: null,
          shippingMethod: null,
          billedWeight: 1.5,
          shippingCostCents: 700,
          items: [{ orderItemId: item.id, quantity: 1 }],
          shippedAt: AT,
          at: AT,
        });
      }
      return { acme, globex };
    });
    const tracking = (q: Parameters<StorageReader["listShipments"]>[0]) =>
      storage.read((r) => r.listShipments(q).rows.map((s) => s.trackingNumber));
    expect(tracking({ clientId: acme.id, limit: 10 })).toEqual(["1Z1", "1Z2"]);
    expect(tracking({ clientId: globex.id, limit: 10 })).toEqual(["1Z3"]);
    expect(tracking({ channel: "rts_drop_ship", limit: 10 })).toEqual(["1Z1", "1Z3"]);
    expect(tracking({ clientId: acme.id, channel: "b2b", limit: 10 })).toEqual(["1Z2"]);
    expect(tracking({ trackingNumber: "1Z3", limit: 10 })).toEqual(["1Z3"]);
    const shipment = storage.read((r) => r.listShipments({ clientId: acme.id, limit: 1 }));
    expect(shipment.total).toBe(2);
    expect(shipment.rows[0]?.items).toEqual([{ id: expect.any(Number), orderItemId: expect.any(Number), quantity: 1 }]);
    expect(storage.read((r) => r.getShipment(shipment.rows[0]?.id ?? 0))).toEqual(shipment.rows[0]);
  });
});

describe("query plans: page 1000 costs what page 1 costs", () => {
  // Each list's page query must seek its index to (filter, id > afterId) and read in id order:
  // no OFFSET to skip, no sort of all matching rows.
  const cases: [string, (r: StorageReader) => unknown, string][] = [
    ["positions by channel", (r) => r.listPositions({ channel: "rts_drop_ship", limit: 10 }), "INDEX stock_positions_channel"],
    ["all positions", (r) => r.listPositions({ limit: 10 }), "INTEGER PRIMARY KEY"],
    ["orders of a client", (r) => r.listOrders({ clientId: 1, limit: 10 }), "INDEX orders_client"],
    ["orders of a client since", (r) => r.listOrders({ clientId: 1, updatedSince: AT, limit: 10 }), "INDEX orders_client"],
    ["orders of a client by status", (r) => r.listOrders({ clientId: 1, status: "accepted", limit: 10 }), "INDEX orders_client_status"],
    ["orders by status", (r) => r.listOrders({ status: "accepted", limit: 10 }), "INDEX orders_status"],
    ["shipments of an order", (r) => r.listShipments({ orderId: 1, limit: 10 }), "INDEX shipments_order"],
    ["shipments of a client", (r) => r.listShipments({ clientId: 1, limit: 10 }), "INDEX shipments_client"],
    [
      "shipments of a client, channel, since (Optoro GET /shipments)",
      (r) => r.listShipments({ clientId: 1, channel: "rts_drop_ship", updatedSince: AT, limit: 10 }),
      "INDEX shipments_client",
    ],
    ["shipments by tracking number", (r) => r.listShipments({ trackingNumber: "1Z", limit: 10 }), "INDEX shipments_tracking"],
    ["POs of a vendor in one status", (r) => r.listPurchaseOrders({ vendorId: "V1", statuses: ["ready"], limit: 10 }), "INDEX purchase_orders_vendor_status"],
    [
      "POs of a vendor in several statuses, due",
      (r) => r.listPurchaseOrders({ vendorId: "V1", statuses: ["ready", "submitted"], dueBy: AT, limit: 10 }),
      "INDEX purchase_orders_vendor",
    ],
    ["POs of an order", (r) => r.listPurchaseOrders({ orderId: 1, limit: 10 }), "INDEX purchase_orders_order"],
    ["movements of a position", (r) => r.listMovements(1, { limit: 10 }), "INDEX ledger_movements_position"],
    ["deliveries by status", (r) => r.listDeliveries({ status: "failed", limit: 10 }), "INDEX webhook_deliveries_status"],
    ["deliveries of a subscription", (r) => r.listDeliveries({ subscriptionId: 1, limit: 10 }), "INDEX webhook_deliveries_subscription"],
    ["forward orders of a client", (r) => r.listForwardOrders({ clientId: 1, limit: 10 }), "INDEX forward_orders_client"],
  ];

  it.each(cases)("%s", (_name, list, index) => {
    const prepared = recordPreparedSql(storage.db);
    storage.read(list);
    const pageSql = prepared().find((sql) => / order by "id" limit \?$/.test(sql));
    if (pageSql === undefined) throw new Error("no page query was prepared");
    const plan = queryPlan(storage.db, pageSql);
    const main = plan[0] ?? "";
    expect(main).toContain(index);
    expect(main).toMatch(/(id|rowid)>\?/);
    expect(plan.join("\n")).not.toContain("TEMP B-TREE");
  });

  it("fetches a page's items through the items' order index", () => {
    const prepared = recordPreparedSql(storage.db);
    const { acme } = seedOrders();
    storage.read((r) => r.listOrders({ clientId: acme.id, limit: 10 }));
    const itemsSql = prepared().find((sql) => sql.includes("json_each"));
    if (itemsSql === undefined) throw new Error("no item query was prepared");
    expect(queryPlan(storage.db, itemsSql).join("\n")).toMatch(/SEARCH order_items USING INDEX order_items_order \(order_id=\?\)/);
  });
});
