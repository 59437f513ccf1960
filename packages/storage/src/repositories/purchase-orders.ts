import {
  poNumber,
  type PurchaseOrder,
  type PurchaseOrderItem,
  type PurchaseOrderStatus,
  type StorageTx,
} from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, sql as raw } from "kysely";
import type { Database, PurchaseOrderItemsTable, PurchaseOrdersTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, insertReturning, presentKeys, queryBuilder, StatementShapes } from "../sql/statement.js";
import { definedOnly, expectOneRow, pickColumns, toJson } from "./codec.js";
import { type KeysetArgs, type ListStatements, runPage } from "./paging.js";

type PoRow = Selectable<PurchaseOrdersTable>;
type PoItemRow = Selectable<PurchaseOrderItemsTable>;

function toPoItem(row: PoItemRow): PurchaseOrderItem {
  return {
    poItemId: row.po_item_id,
    orderItemId: row.order_item_id,
    sku: row.sku,
    vpc: row.vpc,
    quantity: {
      ordered: row.qty_ordered,
      acknowledged: row.qty_acknowledged,
      shipped: row.qty_shipped,
      cancelled: row.qty_cancelled,
    },
  };
}

function toPurchaseOrder(row: PoRow, items: PurchaseOrderItem[]): PurchaseOrder {
  return {
    id: row.id,
    po: poNumber(row.id),
    vendorId: row.vendor_id,
    orderId: row.order_id,
    status: row.status,
    dateSubmit: row.date_submit,
    estimatedShipDate: row.estimated_ship_date,
    items,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const purchaseOrders = queryBuilder.selectFrom("purchase_orders").selectAll();
const selectById = compileStatement((p: { id: number }) => purchaseOrders.where("id", "=", p.id));
const poItems = queryBuilder.selectFrom("purchase_order_items").selectAll();
const selectItems = compileStatement((p: { poId: number }) =>
  poItems.where("purchase_order_id", "=", p.poId).orderBy("po_item_id"),
);
const selectItemsOfPos = compileStatement((p: { poIds: string }) =>
  poItems
    .where("purchase_order_id", "in", raw<number>`(select value from json_each(${p.poIds}))`)
    .orderBy("purchase_order_id")
    .orderBy("po_item_id"),
);

const insertPoRow = insertReturning("purchase_orders");
const insertPoItemRow = insertReturning("purchase_order_items");

type PoPatch = Pick<PoRow, "status" | "estimated_ship_date">;
const updatePo = new StatementShapes((columns) =>
  compileStatement((p: PoPatch & { id: number; updated_at: string }) =>
    queryBuilder
      .updateTable("purchase_orders")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("id", "=", p.id),
  ),
);
const updatePoItem = compileStatement((p: Omit<PoItemRow, "purchase_order_id" | "order_item_id" | "sku" | "vpc">) =>
  queryBuilder
    .updateTable("purchase_order_items")
    .set({
      qty_ordered: p.qty_ordered,
      qty_acknowledged: p.qty_acknowledged,
      qty_shipped: p.qty_shipped,
      qty_cancelled: p.qty_cancelled,
    })
    .where("po_item_id", "=", p.po_item_id),
);
// PO items carry no timestamps of their own; the PO's updated_at covers them.
const touchPoOfItem = compileStatement((p: { poItemId: number; at: string }) =>
  queryBuilder
    .updateTable("purchase_orders")
    .set({ updated_at: p.at })
    .where("id", "=", (eb) =>
      eb.selectFrom("purchase_order_items").select("purchase_order_id").where("po_item_id", "=", p.poItemId),
    ),
);

const PO_FILTERS = ["vendorId", "orderId", "status", "statuses", "dueBy"] as const;
interface PoFilterArgs {
  vendorId: string;
  status: PurchaseOrderStatus;
  statuses: string;
  dueBy: string;
  orderId: number;
}

function filterPos<O>(
  qb: SelectQueryBuilder<Database, "purchase_orders", O>,
  f: ReadonlySet<string>,
  p: PoFilterArgs,
): SelectQueryBuilder<Database, "purchase_orders", O> {
  let q = qb;
  if (f.has("vendorId")) q = q.where("vendor_id", "=", p.vendorId);
  if (f.has("orderId")) q = q.where("order_id", "=", p.orderId);
  // One status is an equality so (vendor_id, status, id) serves it in id order; several travel
  // as one JSON array so the SQL text does not depend on how many there are.
  if (f.has("status")) q = q.where("status", "=", p.status);
  if (f.has("statuses")) {
    q = q.where("status", "in", raw<PurchaseOrderStatus>`(select value from json_each(${p.statuses}))`);
  }
  if (f.has("dueBy")) q = q.where("date_submit", "<=", p.dueBy);
  return q;
}

const poLists = new StatementShapes<ListStatements<PoFilterArgs, PoRow>>((f) => ({
  page: compileStatement((p: PoFilterArgs & KeysetArgs) =>
    filterPos(purchaseOrders, f, p).where("id", ">", p.afterId).orderBy("id").limit(p.limit),
  ),
  count: compileStatement((p: PoFilterArgs) =>
    filterPos(queryBuilder.selectFrom("purchase_orders").select((eb) => eb.fn.countAll<number>().as("total")), f, p),
  ),
}));

// RetailOps pages by `start` (an offset). The offset is resolved once, on the covering index
// (filter columns then id), to the id the page starts after; the page itself is then a keyset
// range like every other list.
const poBoundary = new StatementShapes((f) =>
  compileStatement((p: PoFilterArgs & { before: number }) =>
    filterPos(queryBuilder.selectFrom("purchase_orders").select("id"), f, p)
      .orderBy("id")
      .limit(1)
      .offset(p.before),
  ),
);

type PurchaseOrderMethods = Pick<
  StorageTx,
  "getPurchaseOrder" | "listPurchaseOrders" | "insertPurchaseOrder" | "updatePurchaseOrder" | "updatePurchaseOrderItem"
>;

/** Purchase orders raised to drop-ship vendors, with their items. */
export function purchaseOrderRepository(sql: PreparedStatements): PurchaseOrderMethods {
  return {
    getPurchaseOrder(id) {
      const row = sql.get(selectById, { id });
      return row && toPurchaseOrder(row, sql.all(selectItems, { poId: row.id }).map(toPoItem));
    },
    listPurchaseOrders(query) {
      const statuses = query.statuses;
      const single = statuses?.length === 1 ? statuses[0] : undefined;
      const args = {
        vendorId: query.vendorId,
        orderId: query.orderId,
        status: single,
        statuses: statuses !== undefined && single === undefined ? toJson(statuses) : undefined,
        dueBy: query.dueBy,
      };
      const present = presentKeys(args, PO_FILTERS);
      let keyset = query;
      if (query.skip !== undefined && query.skip > 0) {
        const boundary = sql.get(poBoundary.for(present), { ...(args as PoFilterArgs), before: query.skip - 1 });
        // Past the end: a page after the last possible id is empty but still counts the total.
        keyset = { ...query, afterId: boundary?.id ?? Number.MAX_SAFE_INTEGER };
      }
      return runPage(sql, poLists, present, args as PoFilterArgs, keyset, (rows) => {
        if (rows.length === 0) return [];
        const byPo = new Map<number, PurchaseOrderItem[]>(rows.map((r) => [r.id, []]));
        const itemRows = sql.all(selectItemsOfPos, { poIds: toJson(rows.map((r) => r.id)) });
        for (const item of itemRows) byPo.get(item.purchase_order_id)?.push(toPoItem(item));
        return rows.map((r) => toPurchaseOrder(r, byPo.get(r.id) ?? []));
      });
    },
    insertPurchaseOrder(input) {
      // RETURNING hands back the stored rows, read through the same mappers as every select.
      const row = insertPoRow(sql, {
        vendor_id: input.vendorId,
        order_id: input.orderId,
        status: "ready",
        date_submit: input.dateSubmit,
        estimated_ship_date: null,
        created_at: input.at,
        updated_at: input.at,
      });
      const items = input.items.map((item) =>
        toPoItem(
          insertPoItemRow(sql, {
            purchase_order_id: row.id,
          order_item_id: item.orderItemId,
          sku: item.sku,
          vpc: item.vpc,
          qty_ordered: item.quantity.ordered,
          qty_acknowledged: item.quantity.acknowledged,
          qty_shipped: item.quantity.shipped,
            qty_cancelled: item.quantity.cancelled,
          }),
        ),
      );
      return toPurchaseOrder(row, items);
    },
    updatePurchaseOrder(id, patch, at) {
      const columns = definedOnly<PoPatch>({ status: patch.status, estimated_ship_date: patch.estimatedShipDate });
      const { changes } = sql.run(updatePo.for(Object.keys(columns)), {
        ...(columns as PoPatch),
        id,
        updated_at: at,
      });
      expectOneRow(changes, "purchase order", id);
    },
    updatePurchaseOrderItem(poItemId, quantity, at) {
      const { changes } = sql.run(updatePoItem, {
        po_item_id: poItemId,
        qty_ordered: quantity.ordered,
        qty_acknowledged: quantity.acknowledged,
        qty_shipped: quantity.shipped,
        qty_cancelled: quantity.cancelled,
      });
      expectOneRow(changes, "purchase order item", poItemId);
      sql.run(touchPoOfItem, { poItemId, at });
    },
  };
}
