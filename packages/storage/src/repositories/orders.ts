import type {
  Address,
  NewOrder,
  NewOrderItem,
  Order,
  OrderItem,
  OrderStatus,
  Shortage,
  StorageTx,
} from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, sql as raw } from "kysely";
import type { Database, OrderItemsTable, OrdersTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, insertRow, presentKeys, queryBuilder, StatementShapes, throughIndex } from "../sql/statement.js";
import {
  definedOnly,
  expectOneRow,
  fromFlag,
  fromJson,
  fromJsonOrNull,
  pickColumns,
  toFlag,
  toJson,
  toJsonOrNull,
} from "./codec.js";
import { type KeysetArgs, type ListStatements, runPage } from "./paging.js";

type OrderRow = Selectable<OrdersTable>;
type ItemRow = Selectable<OrderItemsTable>;

function toOrderItem(row: ItemRow): OrderItem {
  return {
    id: row.id,
    orderId: row.order_id,
    clientIdentifier: row.client_identifier,
    positionId: row.position_id,
    sku: row.sku,
    condition: row.condition,
    brand: row.brand,
    vendorId: row.vendor_id,
    quantity: {
      ordered: row.qty_ordered,
      allocated: row.qty_allocated,
      acknowledged: row.qty_acknowledged,
      shipped: row.qty_shipped,
      cancelled: row.qty_cancelled,
    },
    priceCents: row.price_cents,
    taxCents: row.tax_cents,
    shippingCostCents: row.shipping_cost_cents,
    shippingTaxCents: row.shipping_tax_cents,
    comments: row.comments,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toOrder(row: OrderRow, items: OrderItem[]): Order {
  return {
    id: row.id,
    clientId: row.client_id,
    clientIdentifier: row.client_identifier,
    channel: row.channel,
    status: row.status,
    paymentRequired: fromFlag(row.payment_required),
    billingAddress: fromJsonOrNull<Address>(row.billing_address),
    shippingAddress: fromJsonOrNull<Address>(row.shipping_address),
    brand: row.brand,
    shippingMethod: row.shipping_method,
    carrierId: row.carrier_id,
    comments: row.comments,
    expectedDeliveryDate: row.expected_delivery_date,
    signatureRequired: row.signature_required === null ? null : fromFlag(row.signature_required),
    packingSlipIdentifier: row.packing_slip_identifier,
    shortages: fromJson<Shortage[]>(row.shortages),
    rejectReason: row.reject_reason,
    attributes: fromJson<Record<string, unknown>>(row.attributes),
    priceCents: row.price_cents,
    processingFeeCents: row.processing_fee_cents,
    taxCents: row.tax_cents,
    shippingCostCents: row.shipping_cost_cents,
    shippingTaxCents: row.shipping_tax_cents,
    items,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const orders = queryBuilder.selectFrom("orders").selectAll();
const selectById = compileStatement((p: { id: number }) => orders.where("id", "=", p.id));
const selectByIdentifier = compileStatement((p: { clientId: number; clientIdentifier: string }) =>
  orders.where("client_id", "=", p.clientId).where("client_identifier", "=", p.clientIdentifier),
);
const items = queryBuilder.selectFrom("order_items").selectAll();
const selectItems = compileStatement((p: { orderId: number }) =>
  items.where("order_id", "=", p.orderId).orderBy("id"),
);
// One statement for the items of a whole page: the ids travel as one JSON array, so the SQL
// text (and its prepared statement) does not change with the page size.
const selectItemsOfOrders = compileStatement((p: { orderIds: string }) =>
  items
    .where("order_id", "in", raw<number>`(select value from json_each(${p.orderIds}))`)
    .orderBy("order_id")
    .orderBy("id"),
);

const insertOrderRow = insertRow("orders");
const insertItemRow = insertRow("order_items");

/** The stored row of a new order. */
function orderRowOf(input: NewOrder): Omit<OrderRow, "id"> {
  return {
    client_id: input.clientId,
    client_identifier: input.clientIdentifier,
    channel: input.channel,
    status: input.status,
    payment_required: toFlag(input.paymentRequired),
    billing_address: toJsonOrNull(input.billingAddress),
    shipping_address: toJsonOrNull(input.shippingAddress),
    brand: input.brand,
    shipping_method: input.shippingMethod,
    carrier_id: input.carrierId,
    comments: input.comments,
    expected_delivery_date: input.expectedDeliveryDate,
    signature_required: input.signatureRequired === null ? null : toFlag(input.signatureRequired),
    packing_slip_identifier: input.packingSlipIdentifier,
    shortages: toJson(input.shortages),
    reject_reason: input.rejectReason,
    attributes: toJson(input.attributes),
    price_cents: input.priceCents,
    processing_fee_cents: input.processingFeeCents,
    tax_cents: input.taxCents,
    shipping_cost_cents: input.shippingCostCents,
    shipping_tax_cents: input.shippingTaxCents,
    created_at: input.at,
    updated_at: input.at,
  };
}

/** The stored row of a new order line. */
function itemRowOf(orderId: number, item: NewOrderItem, at: string): Omit<ItemRow, "id"> {
  return {
    order_id: orderId,
    client_identifier: item.clientIdentifier,
    position_id: item.positionId,
    sku: item.sku,
    condition: item.condition,
    brand: item.brand,
    vendor_id: item.vendorId,
    qty_ordered: item.quantity.ordered,
    qty_allocated: item.quantity.allocated,
    qty_acknowledged: item.quantity.acknowledged,
    qty_shipped: item.quantity.shipped,
    qty_cancelled: item.quantity.cancelled,
    price_cents: item.priceCents,
    tax_cents: item.taxCents,
    shipping_cost_cents: item.shippingCostCents,
    shipping_tax_cents: item.shippingTaxCents,
    comments: item.comments,
    status: item.status,
    created_at: at,
    updated_at: at,
  };
}

type OrderPatch = Pick<OrderRow, "status" | "reject_reason" | "price_cents" | "shipping_cost_cents" | "carrier_id" | "attributes">;
const updateOrder = new StatementShapes((columns) =>
  compileStatement((p: OrderPatch & { id: number; updated_at: string }) =>
    queryBuilder
      .updateTable("orders")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("id", "=", p.id),
  ),
);
type ItemPatch = Pick<
  ItemRow,
  "status" | "position_id" | "qty_ordered" | "qty_allocated" | "qty_acknowledged" | "qty_shipped" | "qty_cancelled"
>;
const updateItem = new StatementShapes((columns) =>
  compileStatement((p: ItemPatch & { id: number; updated_at: string }) =>
    queryBuilder
      .updateTable("order_items")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("id", "=", p.id),
  ),
);
// An order's updated_at covers its items: lists filtered by updatedSince must see item changes.
const touchOrderOfItem = compileStatement((p: { itemId: number; at: string }) =>
  queryBuilder
    .updateTable("orders")
    .set({ updated_at: p.at })
    .where("id", "=", (eb) => eb.selectFrom("order_items").select("order_id").where("id", "=", p.itemId)),
);

const ORDER_FILTERS = ["clientId", "status", "channel", "updatedSince", "updatedBefore"] as const;
interface OrderFilterArgs {
  clientId: number;
  status: OrderStatus;
  channel: string;
  updatedSince: string;
  updatedBefore: string;
}

function filterOrders<O>(
  qb: SelectQueryBuilder<Database, "orders", O>,
  f: ReadonlySet<string>,
  p: OrderFilterArgs,
): SelectQueryBuilder<Database, "orders", O> {
  let q = qb;
  if (f.has("clientId")) q = q.where("client_id", "=", p.clientId);
  if (f.has("status")) q = q.where("status", "=", p.status);
  if (f.has("channel")) q = q.where("channel", "=", p.channel);
  if (f.has("updatedSince")) q = q.where("updated_at", ">=", p.updatedSince);
  if (f.has("updatedBefore")) q = q.where("updated_at", "<", p.updatedBefore);
  return q;
}

const SINCE_INDEX = "orders_client_status_updated";
const orderLists = new StatementShapes<ListStatements<OrderFilterArgs, OrderRow>>((f) => {
  const page = compileStatement((p: OrderFilterArgs & KeysetArgs) =>
    filterOrders(orders, f, p).where("id", ">", p.afterId).orderBy("id").limit(p.limit),
  );
  const count = compileStatement((p: OrderFilterArgs) =>
    filterOrders(queryBuilder.selectFrom("orders").select((eb) => eb.fn.countAll<number>().as("total")), f, p),
  );
  // A buyer's poll (Optoro GET /orders: client, status, updated since): the since-set is a range
  // of (client_id, status, updated_at), counted there and, when small, read there (paging.ts).
  const polled = f.has("clientId") && f.has("status") && f.has("updatedSince");
  if (!polled) return { page, count };
  return {
    page: throughIndex(page, "orders", "orders_client_status"),
    count: throughIndex(count, "orders", SINCE_INDEX),
    pageSince: throughIndex(page, "orders", SINCE_INDEX),
  };
});

type OrderMethods = Pick<
  StorageTx,
  "getOrder" | "findOrder" | "listOrders" | "insertOrder" | "updateOrder" | "updateOrderItem"
>;

/** Orders with their line items. */
export function orderRepository(sql: PreparedStatements): OrderMethods {
  const withItems = (row: OrderRow): Order => toOrder(row, sql.all(selectItems, { orderId: row.id }).map(toOrderItem));

  return {
    getOrder(id) {
      const row = sql.get(selectById, { id });
      return row && withItems(row);
    },
    findOrder(clientId, clientIdentifier) {
      const row = sql.get(selectByIdentifier, { clientId, clientIdentifier });
      return row && withItems(row);
    },
    listOrders(query) {
      const present = presentKeys(query, ORDER_FILTERS);
      return runPage(sql, orderLists, present, query as OrderFilterArgs, query, (rows) => {
        if (rows.length === 0) return [];
        const byOrder = new Map<number, OrderItem[]>(rows.map((r) => [r.id, []]));
        const itemRows = sql.all(selectItemsOfOrders, { orderIds: toJson(rows.map((r) => r.id)) });
        for (const item of itemRows) byOrder.get(item.order_id)?.push(toOrderItem(item));
        return rows.map((r) => toOrder(r, byOrder.get(r.id) ?? []));
      });
    },
    insertOrder(input: NewOrder) {
      // The stored rows (as given, with their ids) are read through the same mappers as every select.
      const row = insertOrderRow(sql, orderRowOf(input));
      const orderItems = input.items.map((item) => toOrderItem(insertItemRow(sql, itemRowOf(row.id, item, input.at))));
      return toOrder(row, orderItems);
    },
    updateOrder(id, patch, at) {
      const columns = definedOnly<OrderPatch>({
        status: patch.status,
        reject_reason: patch.rejectReason,
        price_cents: patch.priceCents,
        shipping_cost_cents: patch.shippingCostCents,
        carrier_id: patch.carrierId,
        attributes: patch.attributes === undefined ? undefined : toJson(patch.attributes),
      });
      const { changes } = sql.run(updateOrder.for(Object.keys(columns)), {
        ...(columns as OrderPatch),
        id,
        updated_at: at,
      });
      expectOneRow(changes, "order", id);
    },
    updateOrderItem(id, patch, at) {
      const q = patch.quantity;
      const columns = definedOnly<ItemPatch>({
        status: patch.status,
        position_id: patch.positionId,
        qty_ordered: q?.ordered,
        qty_allocated: q?.allocated,
        qty_acknowledged: q?.acknowledged,
        qty_shipped: q?.shipped,
        qty_cancelled: q?.cancelled,
      });
      const { changes } = sql.run(updateItem.for(Object.keys(columns)), {
        ...(columns as ItemPatch),
        id,
        updated_at: at,
      });
      expectOneRow(changes, "order item", id);
      sql.run(touchOrderOfItem, { itemId: id, at });
    },
  };
}
