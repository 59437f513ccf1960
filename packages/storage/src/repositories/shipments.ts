import type { Shipment, ShipmentItem, StorageTx } from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, sql as raw } from "kysely";
import type { Database, ShipmentItemsTable, ShipmentsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, presentKeys, queryBuilder, StatementShapes, throughIndex } from "../sql/statement.js";
import { toJson } from "./codec.js";
import { type KeysetArgs, type ListStatements, runPage } from "./paging.js";

type ShipmentRow = Selectable<ShipmentsTable>;
type ItemRow = Selectable<ShipmentItemsTable>;

function toItem(row: ItemRow): ShipmentItem {
  return { id: row.id, orderItemId: row.order_item_id, quantity: row.quantity };
}

function toShipment(row: Omit<ShipmentRow, "client_id">, items: ShipmentItem[]): Shipment {
  return {
    id: row.id,
    orderId: row.order_id,
    purchaseOrderId: row.purchase_order_id,
    trackingNumber: row.tracking_number,
    carrier: row.carrier,
    shipClassId: row.ship_class_id,
    shippingMethod: row.shipping_method,
    billedWeight: row.billed_weight,
    shippingCostCents: row.shipping_cost_cents,
    items,
    shippedAt: row.shipped_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const shipments = queryBuilder.selectFrom("shipments").selectAll();
const selectById = compileStatement((p: { id: number }) => shipments.where("id", "=", p.id));
const items = queryBuilder.selectFrom("shipment_items").selectAll();
const selectItems = compileStatement((p: { shipmentId: number }) =>
  items.where("shipment_id", "=", p.shipmentId).orderBy("id"),
);
const selectItemsOfShipments = compileStatement((p: { shipmentIds: string }) =>
  items
    .where("shipment_id", "in", raw<number>`(select value from json_each(${p.shipmentIds}))`)
    .orderBy("shipment_id")
    .orderBy("id"),
);

const insertShipment = compileStatement((p: Omit<ShipmentRow, "id" | "client_id">) =>
  queryBuilder.insertInto("shipments").values((eb) => ({
    order_id: p.order_id,
    client_id: eb.selectFrom("orders").select("client_id").where("id", "=", p.order_id),
    purchase_order_id: p.purchase_order_id,
    tracking_number: p.tracking_number,
    carrier: p.carrier,
    ship_class_id: p.ship_class_id,
    shipping_method: p.shipping_method,
    billed_weight: p.billed_weight,
    shipping_cost_cents: p.shipping_cost_cents,
    shipped_at: p.shipped_at,
    created_at: p.created_at,
    updated_at: p.updated_at,
  })),
);
const insertItem = compileStatement((p: Omit<ItemRow, "id">) =>
  queryBuilder.insertInto("shipment_items").values({
    shipment_id: p.shipment_id,
    order_item_id: p.order_item_id,
    quantity: p.quantity,
  }),
);

const SHIPMENT_FILTERS = ["clientId", "orderId", "channel", "trackingNumber", "carrier", "updatedSince"] as const;
interface ShipmentFilterArgs {
  clientId: number;
  orderId: number;
  channel: string;
  trackingNumber: string;
  carrier: string;
  updatedSince: string;
}

function filterShipments<O>(
  qb: SelectQueryBuilder<Database, "shipments", O>,
  f: ReadonlySet<string>,
  p: ShipmentFilterArgs,
): SelectQueryBuilder<Database, "shipments", O> {
  let q = qb;
  if (f.has("orderId")) q = q.where("order_id", "=", p.orderId);
  if (f.has("clientId")) q = q.where("client_id", "=", p.clientId);
  // The channel is the order's: a correlated lookup by the order's primary key keeps the scan in
  // id order (an IN list of the channel's orders would sort every match on every page).
  if (f.has("channel")) {
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom("orders")
          .select("orders.id")
          .whereRef("orders.id", "=", "shipments.order_id")
          .where("orders.channel", "=", p.channel),
      ),
    );
  }
  if (f.has("trackingNumber")) q = q.where("tracking_number", "=", p.trackingNumber);
  if (f.has("carrier")) q = q.where("carrier", "=", p.carrier);
  if (f.has("updatedSince")) q = q.where("updated_at", ">=", p.updatedSince);
  return q;
}

const SINCE_INDEX = "shipments_client_updated";
const shipmentLists = new StatementShapes<ListStatements<ShipmentFilterArgs, ShipmentRow>>((f) => {
  const page = compileStatement((p: ShipmentFilterArgs & KeysetArgs) =>
    filterShipments(shipments, f, p).where("id", ">", p.afterId).orderBy("id").limit(p.limit),
  );
  const count = compileStatement((p: ShipmentFilterArgs) =>
    filterShipments(queryBuilder.selectFrom("shipments").select((eb) => eb.fn.countAll<number>().as("total")), f, p),
  );
  // A buyer's poll (Optoro GET /shipments): the since-set is a range of (client_id, updated_at),
  // counted there and, when small, read there (paging.ts).
  const polled = f.has("clientId") && f.has("updatedSince") && !f.has("orderId") && !f.has("trackingNumber");
  if (!polled) return { page, count };
  return {
    page: throughIndex(page, "shipments", "shipments_client"),
    count: throughIndex(count, "shipments", SINCE_INDEX),
    pageSince: throughIndex(page, "shipments", SINCE_INDEX),
  };
});

/** Packages sent to the buyer's customer, with the order items and quantities they carry. */
export function shipmentRepository(
  sql: PreparedStatements,
): Pick<StorageTx, "getShipment" | "listShipments" | "insertShipment"> {
  return {
    getShipment(id) {
      const row = sql.get(selectById, { id });
      return row && toShipment(row, sql.all(selectItems, { shipmentId: row.id }).map(toItem));
    },
    listShipments(query) {
      const present = presentKeys(query, SHIPMENT_FILTERS);
      return runPage(sql, shipmentLists, present, query as ShipmentFilterArgs, query, (rows) => {
        if (rows.length === 0) return [];
        const byShipment = new Map<number, ShipmentItem[]>(rows.map((r) => [r.id, []]));
        const itemRows = sql.all(selectItemsOfShipments, { shipmentIds: toJson(rows.map((r) => r.id)) });
        for (const item of itemRows) byShipment.get(item.shipment_id)?.push(toItem(item));
        return rows.map((r) => toShipment(r, byShipment.get(r.id) ?? []));
      });
    },
    insertShipment(input) {
      const row: Omit<ShipmentRow, "id" | "client_id"> = {
        order_id: input.orderId,
        purchase_order_id: input.purchaseOrderId,
        tracking_number: input.trackingNumber,
        carrier: input.carrier,
        ship_class_id: input.shipClassId,
        shipping_method: input.shippingMethod,
        billed_weight: input.billedWeight,
        shipping_cost_cents: input.shippingCostCents,
        shipped_at: input.shippedAt,
        created_at: input.at,
        updated_at: input.at,
      };
      // A missing order leaves client_id NULL, which the NOT NULL constraint refuses.
      const { lastId: id } = sql.run(insertShipment, row);
      const shipmentItems = input.items.map((item): ShipmentItem => {
        const { lastId } = sql.run(insertItem, {
          shipment_id: id,
          order_item_id: item.orderItemId,
          quantity: item.quantity,
        });
        return { id: lastId, orderItemId: item.orderItemId, quantity: item.quantity };
      });
      return toShipment({ ...row, id }, shipmentItems);
    },
  };
}
