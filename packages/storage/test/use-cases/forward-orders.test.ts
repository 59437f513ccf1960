import { createClient, upsertForwardOrders } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queryPlan, recordPreparedSql } from "../seed.js";
import { must, openWorld, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

const sender = (name = "retailer") => must(createClient(world.ctx, { name, dialect: "optoro", scope: "forward_order_sender" })).client;
const item = (identifier: string, extra: Record<string, unknown> = {}) => ({ identifier, upc: "848709033673", sku: "0123445667A", quantity: 1, ...extra });

describe("forward order upserts", () => {
  it("an update changes the fields it carries, keeps those it leaves out, adds items and labels, deletes nothing", () => {
    const { id: clientId } = sender();
    must(
      upsertForwardOrders(world.ctx, {
        clientId,
        orders: [
          {
            identifier: "1193Z93LL",
            concept: "Best Brand",
            postalCode: "55127",
            items: [
              item("i1", { trackingNumber: "1Z999AA10123456784", labels: [{ type: "barcode", name: "title", value: "10231030023" }] }),
              item("i2"),
            ],
          },
        ],
      }),
    );
    const [updated] = must(
      upsertForwardOrders(world.ctx, {
        clientId,
        orders: [
          {
            identifier: "1193Z93LL",
            postalCode: "55128",
            items: [item("i1", { quantity: 3, labels: [{ type: "text", name: "note", value: "gift" }] }), item("i3", { sku: "NEW-SKU" })],
          },
        ],
      }),
    );
    expect(updated).toMatchObject({ concept: "Best Brand", postalCode: "55128" });
    expect(updated?.items.map((i) => [i.identifier, i.quantity, i.sku, i.trackingNumber])).toEqual([
      ["i1", 3, "0123445667A", "1Z999AA10123456784"],
      ["i2", 1, "0123445667A", null],
      ["i3", 1, "NEW-SKU", null],
    ]);
    expect(updated?.items[0]?.labels).toEqual([
      { type: "barcode", name: "title", value: "10231030023" },
      { type: "text", name: "note", value: "gift" },
    ]);
  });
});

describe("matching a returned unit to its forward order", () => {
  it("finds orders by identifier, item tracking or return tracking number, upc and sku, within one client when asked", () => {
    const a = sender("a");
    const b = sender("b");
    must(
      upsertForwardOrders(world.ctx, {
        clientId: a.id,
        orders: [
          { identifier: "A-1", items: [item("a1", { trackingNumber: "1ZOUT", reverseTrackingNumber: "RET-1", upc: "U1", sku: "S1" })] },
          { identifier: "A-2", items: [item("a2", { upc: "U2", sku: "S1" }), item("a3", { upc: "U1", sku: "S2" })] },
        ],
      }),
    );
    must(upsertForwardOrders(world.ctx, { clientId: b.id, orders: [{ identifier: "A-1", items: [item("b1", { trackingNumber: "1ZOUT", upc: "U1" })] }] }));
    const match = (query: Record<string, string | number>) =>
      world.storage.read((r) => r.listForwardOrders({ limit: 10, ...query }).rows.map((o) => `${o.clientId === a.id ? "a" : "b"}:${o.identifier}`));

    expect(match({ trackingNumber: "1ZOUT" })).toEqual(["a:A-1", "b:A-1"]);
    expect(match({ trackingNumber: "RET-1" })).toEqual(["a:A-1"]);
    expect(match({ trackingNumber: "1ZOUT", clientId: b.id })).toEqual(["b:A-1"]);
    expect(match({ identifier: "A-1" })).toEqual(["a:A-1", "b:A-1"]);
    expect(match({ sku: "S1" })).toEqual(["a:A-1", "a:A-2"]);
    expect(match({ upc: "U1" })).toEqual(["a:A-1", "a:A-2", "b:A-1"]);
    // upc and sku together must hold for one same item: A-2 has U1 and S1, but on different items.
    expect(match({ upc: "U1", sku: "S1" })).toEqual(["a:A-1"]);
    expect(match({ trackingNumber: "NOPE" })).toEqual([]);
    expect(world.storage.read((r) => r.listForwardOrders({ upc: "U1", limit: 1 }))).toMatchObject({ total: 3, nextAfterId: 1 });
  });

  it.each([
    ["trackingNumber", "forward_order_items_tracking_number", "forward_order_items_reverse_tracking_number"],
    ["upc", "forward_order_items_upc"],
    ["sku", "forward_order_items_sku"],
    ["identifier", "forward_orders_identifier"],
  ])("searches by %s through its index, not a scan of every order", (filter, ...indexes) => {
    const prepared = recordPreparedSql(world.storage.db);
    world.storage.read((r) => r.listForwardOrders({ limit: 10, [filter]: "x" }));
    const pageSql = prepared().find((sql) => / order by "id" limit \?$/.test(sql));
    if (pageSql === undefined) throw new Error("no page query was prepared");
    const plan = queryPlan(world.storage.db, pageSql).join("\n");
    for (const index of indexes) expect(plan).toContain(`INDEX ${index}`);
    expect(plan).not.toMatch(/SCAN forward_orders\b/);
  });
});
