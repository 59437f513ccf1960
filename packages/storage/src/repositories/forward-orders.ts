import type { ForwardOrder, ForwardOrderItem, StorageTx } from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, sql as raw } from "kysely";
import type { Database, ForwardOrderItemsTable, ForwardOrdersTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, presentKeys, queryBuilder, StatementShapes } from "../sql/statement.js";
import { fromJson, toJson } from "./codec.js";
import { type KeysetArgs, type ListStatements, runPage } from "./paging.js";

type HeaderRow = Selectable<ForwardOrdersTable>;
type ItemRow = Selectable<ForwardOrderItemsTable>;

function toItem(row: ItemRow): ForwardOrderItem {
  return {
    identifier: row.identifier,
    upc: row.upc,
    sku: row.sku,
    quantity: row.quantity,
    trackingNumber: row.tracking_number,
    reverseTrackingNumber: row.reverse_tracking_number,
    dropshipIdentifier: row.dropship_identifier,
    shippedDate: row.shipped_date,
    returnPolicyEndDate: row.return_policy_end_date,
    labels: fromJson<ForwardOrderItem["labels"]>(row.labels),
  };
}

function toForwardOrder(row: HeaderRow, items: ForwardOrderItem[]): ForwardOrder {
  return {
    id: row.id,
    clientId: row.client_id,
    identifier: row.identifier,
    concept: row.concept,
    postalCode: row.postal_code,
    orderedAt: row.ordered_at,
    items,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const headers = queryBuilder.selectFrom("forward_orders").selectAll();
const selectOne = compileStatement((p: { clientId: number; identifier: string }) =>
  headers.where("client_id", "=", p.clientId).where("identifier", "=", p.identifier),
);
const items = queryBuilder.selectFrom("forward_order_items").selectAll();
const selectItems = compileStatement((p: { forwardOrderId: number }) =>
  items.where("forward_order_id", "=", p.forwardOrderId).orderBy("id"),
);
const selectItemsOfOrders = compileStatement((p: { ids: string }) =>
  items
    .where("forward_order_id", "in", raw<number>`(select value from json_each(${p.ids}))`)
    .orderBy("forward_order_id")
    .orderBy("id"),
);

// Upserts: the spec's create and update carry the same payload; an update may change the order
// and its items and add items, never delete (Forward Orders 1.0.0, "Create/Update").
const upsertHeader = compileStatement((p: Omit<HeaderRow, "id">) =>
  queryBuilder
    .insertInto("forward_orders")
    .values({
      client_id: p.client_id,
      identifier: p.identifier,
      concept: p.concept,
      postal_code: p.postal_code,
      ordered_at: p.ordered_at,
      created_at: p.created_at,
      updated_at: p.updated_at,
    })
    .onConflict((oc) =>
      oc.columns(["client_id", "identifier"]).doUpdateSet((eb) => ({
        concept: eb.ref("excluded.concept"),
        postal_code: eb.ref("excluded.postal_code"),
        ordered_at: eb.ref("excluded.ordered_at"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    )
    .returningAll(),
);
const upsertItem = compileStatement((p: Omit<ItemRow, "id">) =>
  queryBuilder
    .insertInto("forward_order_items")
    .values({
      forward_order_id: p.forward_order_id,
      identifier: p.identifier,
      upc: p.upc,
      sku: p.sku,
      quantity: p.quantity,
      tracking_number: p.tracking_number,
      reverse_tracking_number: p.reverse_tracking_number,
      dropship_identifier: p.dropship_identifier,
      shipped_date: p.shipped_date,
      return_policy_end_date: p.return_policy_end_date,
      labels: p.labels,
      created_at: p.created_at,
      updated_at: p.updated_at,
    })
    .onConflict((oc) =>
      oc.columns(["forward_order_id", "identifier"]).doUpdateSet((eb) => ({
        upc: eb.ref("excluded.upc"),
        sku: eb.ref("excluded.sku"),
        quantity: eb.ref("excluded.quantity"),
        tracking_number: eb.ref("excluded.tracking_number"),
        reverse_tracking_number: eb.ref("excluded.reverse_tracking_number"),
        dropship_identifier: eb.ref("excluded.dropship_identifier"),
        shipped_date: eb.ref("excluded.shipped_date"),
        return_policy_end_date: eb.ref("excluded.return_policy_end_date"),
        labels: eb.ref("excluded.labels"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    ),
);

const FORWARD_ORDER_FILTERS = ["clientId", "identifier", "trackingNumber", "upc", "sku"] as const;
const ITEM_FILTERS: readonly string[] = ["trackingNumber", "upc", "sku"];
interface ForwardOrderFilterArgs {
  clientId: number;
  identifier: string;
  trackingNumber: string;
  upc: string;
  sku: string;
}
// Item filters go through one `id IN (select forward_order_id …)` on the items, so the items'
// indexes (tracking, reverse tracking, upc, sku) find the orders instead of a scan of every order;
// all item filters hold for one same item.
function filterForwardOrders<O>(
  qb: SelectQueryBuilder<Database, "forward_orders", O>,
  f: ReadonlySet<string>,
  p: ForwardOrderFilterArgs,
): SelectQueryBuilder<Database, "forward_orders", O> {
  let q = qb;
  if (f.has("clientId")) q = q.where("client_id", "=", p.clientId);
  if (f.has("identifier")) q = q.where("identifier", "=", p.identifier);
  if (ITEM_FILTERS.some((name) => f.has(name))) {
    q = q.where("id", "in", (eb) => {
      let items = eb.selectFrom("forward_order_items").select("forward_order_id");
      if (f.has("trackingNumber")) {
        items = items.where((e) => e.or([e("tracking_number", "=", p.trackingNumber), e("reverse_tracking_number", "=", p.trackingNumber)]));
      }
      if (f.has("upc")) items = items.where("upc", "=", p.upc);
      if (f.has("sku")) items = items.where("sku", "=", p.sku);
      return items;
    });
  }
  return q;
}
const forwardOrderLists = new StatementShapes<ListStatements<ForwardOrderFilterArgs, HeaderRow>>((f) => ({
  page: compileStatement((p: ForwardOrderFilterArgs & KeysetArgs) =>
    filterForwardOrders(headers, f, p).where("id", ">", p.afterId).orderBy("id").limit(p.limit),
  ),
  count: compileStatement((p: ForwardOrderFilterArgs) =>
    filterForwardOrders(
      queryBuilder.selectFrom("forward_orders").select((eb) => eb.fn.countAll<number>().as("total")),
      f,
      p,
    ),
  ),
}));

/** Retailers' outbound orders, kept so later returns can be matched. */
export function forwardOrderRepository(
  sql: PreparedStatements,
): Pick<StorageTx, "getForwardOrder" | "listForwardOrders" | "upsertForwardOrder"> {
  const withItems = (row: HeaderRow): ForwardOrder =>
    toForwardOrder(row, sql.all(selectItems, { forwardOrderId: row.id }).map(toItem));

  return {
    getForwardOrder(clientId, identifier) {
      const row = sql.get(selectOne, { clientId, identifier });
      return row && withItems(row);
    },
    listForwardOrders(query) {
      const present = presentKeys(query, FORWARD_ORDER_FILTERS);
      return runPage(sql, forwardOrderLists, present, query as ForwardOrderFilterArgs, query, (rows) => {
        if (rows.length === 0) return [];
        const byOrder = new Map<number, ForwardOrderItem[]>(rows.map((r) => [r.id, []]));
        for (const item of sql.all(selectItemsOfOrders, { ids: toJson(rows.map((r) => r.id)) })) {
          byOrder.get(item.forward_order_id)?.push(toItem(item));
        }
        return rows.map((r) => toForwardOrder(r, byOrder.get(r.id) ?? []));
      });
    },
    upsertForwardOrder(input) {
      const header = sql.get(upsertHeader, {
        client_id: input.clientId,
        identifier: input.identifier,
        concept: input.concept,
        postal_code: input.postalCode,
        ordered_at: input.orderedAt,
        created_at: input.at,
        updated_at: input.at,
      });
      if (header === undefined) throw new Error(`forward order ${input.identifier} was not written`);
      for (const item of input.items) {
        sql.run(upsertItem, {
          forward_order_id: header.id,
          identifier: item.identifier,
          upc: item.upc,
          sku: item.sku,
          quantity: item.quantity,
          tracking_number: item.trackingNumber,
          reverse_tracking_number: item.reverseTrackingNumber,
          dropship_identifier: item.dropshipIdentifier,
          shipped_date: item.shippedDate,
          return_policy_end_date: item.returnPolicyEndDate,
          labels: toJson(item.labels),
          created_at: input.at,
          updated_at: input.at,
        });
      }
      // Items are read back: the answer includes those an earlier upsert wrote and this one did not name.
      return withItems(header);
    },
  };
}
