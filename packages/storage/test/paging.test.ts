import type { StorageReader } from "@dropgate/core-domain";
import { SORTED_SINCE_SET } from "@dropgate/storage";
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
      // A since-set too large to sort (knownTotal): the page walks the client's id index.
      (r) => r.listShipments({ clientId: 1, channel: "rts_drop_ship", updatedSince: AT, limit: 10, knownTotal: 1_000_000 }),
      "INDEX shipments_client",
    ],
    [
      "orders of a client by status since, a large since-set (Optoro GET /orders)",
      (r) => r.listOrders({ clientId: 1, status: "accepted", updatedSince: AT, limit: 10, knownTotal: 1_000_000 }),
      "INDEX orders_client_status",
    ],
    [
      "listings poll, a large since-set (Optoro GET /listings)",
      (r) => r.listPositions({ channel: "rts_drop_ship", updatedSince: AT, limit: 10, knownTotal: 1_000_000 }),
      "INDEX stock_positions_channel",
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

  // A small since-set (at most SORTED_SINCE_SET rows, known from the total) is read through the
  // (filter, updated_at) index: the history before updated_at is not read at all, and only the
  // since-set is sorted by id.
  const sincePlans: [string, (r: StorageReader) => unknown, RegExp][] = [
    [
      "listings poll",
      (r) => r.listPositions({ channel: "rts_drop_ship", updatedSince: AT, limit: 10, knownTotal: SORTED_SINCE_SET }),
      /SEARCH stock_positions USING INDEX stock_positions_channel_updated \(channel=\? AND updated_at>\?\)/,
    ],
    [
      "orders poll",
      (r) => r.listOrders({ clientId: 1, status: "accepted", updatedSince: AT, limit: 10, knownTotal: 3 }),
      /SEARCH orders USING INDEX orders_client_status_updated \(client_id=\? AND status=\? AND updated_at>\?\)/,
    ],
    [
      "shipments poll",
      (r) => r.listShipments({ clientId: 1, channel: "rts_drop_ship", updatedSince: AT, limit: 10, knownTotal: 0 }),
      /SEARCH shipments USING INDEX shipments_client_updated \(client_id=\? AND updated_at>\?\)/,
    ],
  ];
  it.each(sincePlans)("%s with a small since-set reads only that set", (_name, list, plan) => {
    const prepared = recordPreparedSql(storage.db);
    storage.read(list);
    const pageSql = prepared().find((sql) => / order by "id" limit \?$/.test(sql));
    if (pageSql === undefined) throw new Error("no page query was prepared");
    expect(queryPlan(storage.db, pageSql)[0]).toMatch(plan);
  });

  it("counts a listings poll from the kept count and the shorter of two index ranges, never the table", () => {
    const prepared = recordPreparedSql(storage.db);
    storage.read((r) => r.listPositions({ channel: "rts_drop_ship", updatedSince: AT, limit: 10 }));
    const plans = prepared()
      .filter((sql) => /count\(\*\)|sum\(/.test(sql))
      .map((sql) => queryPlan(storage.db, sql).join("\n"));
    expect(plans).toHaveLength(2);
    expect(plans[0]).toMatch(/SEARCH position_counts USING PRIMARY KEY \(channel=\?\)/);
    expect(plans[1]).toMatch(/SEARCH stock_positions USING COVERING INDEX stock_positions_channel_updated \(channel=\? AND updated_at<\?\)/);
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

describe("listings polls (updated_at)", () => {
  /** 60 positions on rts_drop_ship and 10 on b2b at AT; every fourth rts one changed 10 minutes later. */
  function seedListings() {
    return storage.transaction((tx) => {
      const rts = Array.from({ length: 60 }, (_, i) => seedPosition(tx, `SKU-${i}`, 5));
      for (let i = 0; i < 10; i++) seedPosition(tx, `B2B-${i}`, 5, "b2b");
      const changed = rts.filter((_, i) => i % 4 === 1);
      for (const p of changed) {
        tx.applyMovement({ positionId: p.id, kind: "adjustment", cause: { type: "seed", ref: "poll" }, onHand: 1, allocated: 0, reserved: 0, at: minutesAfter(10) });
      }
      return { rts, changed };
    });
  }
  const direct = (channel: string, since: string) =>
    storage.db.prepare("select count(*) from stock_positions where channel = ? and updated_at >= ?").pluck().get(channel, since);

  it("answers record_count equal to COUNT(*) whichever range is shorter", () => {
    seedListings();
    for (const since of [minutesAfter(-1), AT, minutesAfter(5), minutesAfter(10), minutesAfter(11)]) {
      for (const channel of ["rts_drop_ship", "b2b", "none"]) {
        const page = storage.read((r) => r.listPositions({ channel, updatedSince: since, limit: 5 }));
        expect(page.total, `${channel} since ${since}`).toBe(direct(channel, since));
      }
    }
    expect(storage.read((r) => r.listPositions({ channel: "rts_drop_ship", condition: "A", updatedSince: AT, limit: 5 })).total).toBe(0);
    expect(storage.read((r) => r.listPositions({ channel: "rts_drop_ship", condition: "N", limit: 5 })).total).toBe(60);
  });

  it("walks a small since-set through its index in id order, each row once, while rows change between pages", () => {
    const { rts, changed } = seedListings();
    const since = minutesAfter(5);
    const seen: number[] = [];
    let afterId: number | undefined;
    let knownTotal: number | undefined;
    let minute = 20;
    do {
      const page = storage.read((r) => r.listPositions({ channel: "rts_drop_ship", updatedSince: since, limit: 4, afterId, knownTotal }));
      knownTotal = page.total;
      seen.push(...page.rows.map((p) => p.id));
      afterId = page.nextAfterId ?? undefined;
      // Change a row already served and one of the set still ahead: neither may be served twice or skipped.
      const served = seen[0] ?? 0;
      const ahead = changed[changed.length - 1]?.id ?? 0;
      storage.transaction((tx) => {
        for (const positionId of [served, ahead]) {
          tx.applyMovement({ positionId, kind: "adjustment", cause: { type: "test", ref: "walk" }, onHand: 1, allocated: 0, reserved: 0, at: minutesAfter(minute++) });
        }
      });
    } while (afterId !== undefined);
    expect(knownTotal).toBe(changed.length);
    expect(seen).toEqual(changed.map((p) => p.id));
    // The same walk along the id index (a since-set too large to sort) serves the same rows.
    const byId = storage.read((r) => r.listPositions({ channel: "rts_drop_ship", updatedSince: since, limit: 100, knownTotal: 1_000_000 }));
    expect(byId.rows.map((p) => p.id)).toEqual(changed.map((p) => p.id));
    expect(rts).toHaveLength(60);
  });
});
