import { type CreateTableBuilder, type Kysely, type SqlBool, sql } from "kysely";

/*
 * The first schema. Migrations are immutable once released: change the schema by adding the next
 * numbered file, never by editing this one (a database that already ran it would not see the edit).
 *
 * Every table is STRICT, so a wrong type is an error instead of a silent coercion. CHECK
 * constraints are the last line of defence for quantities: even if a code path forgets its guard,
 * SQLite refuses a negative bucket or a line that ships more than was ordered. Enumerations
 * (statuses, dialects) are deliberately not CHECKed: they belong to core-domain's zod schemas, and
 * widening a CHECK in SQLite means rebuilding the table.
 *
 * Every index serves a query of the port (mostly a list's filter followed by id, for keyset
 * paging); each one costs a page write per insert on the order path, so none is speculative.
 */

type Db = Kysely<unknown>;
type Table = CreateTableBuilder<string, string>;

const strict = sql`strict`;

/** Adds created_at and updated_at (UTC ISO 8601 text). */
function timestamps(t: Table): Table {
  return t.addColumn("created_at", "text", (c) => c.notNull()).addColumn("updated_at", "text", (c) => c.notNull());
}

/** Adds an integer column that must not be negative. */
function quantity(t: Table, column: string): Table {
  return t.addColumn(column, "integer", (c) => c.notNull().defaultTo(0).check(sql.raw(`${column} >= 0`)));
}

/** Adds a 0/1 column. */
function flag(t: Table, column: string, nullable = false): Table {
  return t.addColumn(column, "integer", (c) => {
    const check = c.check(sql.raw(`${column} in (0, 1)`));
    return nullable ? check : check.notNull();
  });
}

async function createClients(db: Db): Promise<void> {
  let t: Table = db.schema
    .createTable("clients")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .addColumn("dialect", "text", (c) => c.notNull())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("vendor_id", "text")
    .addColumn("key", "text", (c) => c.notNull().unique())
    .addColumn("secret_hash", "text", (c) => c.notNull());
  t = flag(t, "disabled");
  t = quantity(t, "ecredit_cents");
  t = flag(t, "auto_confirm");
  await timestamps(t).modifyEnd(strict).execute();

  await db.schema
    .createTable("access_tokens")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("revoked_at", "text")
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex("access_tokens_client").on("access_tokens").columns(["client_id", "id"]).execute();
}

async function createCatalogue(db: Db): Promise<void> {
  await timestamps(
    db.schema
      .createTable("products")
      .addColumn("sku", "text", (c) => c.primaryKey().notNull())
      .addColumn("upc", "text")
      .addColumn("brand", "text")
      .addColumn("title", "text")
      .addColumn("vendor_id", "text")
      .addColumn("vpc", "text"),
  )
    .modifyEnd(strict)
    .execute();
  // A vendor names its products by vpc; operator-held products have no vendor.
  await db.schema
    .createIndex("products_vendor_vpc")
    .on("products")
    .columns(["vendor_id", "vpc"])
    .unique()
    .where(sql<SqlBool>`vendor_id is not null`)
    .execute();

  let positions: Table = db.schema
    .createTable("stock_positions")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("sku", "text", (c) => c.notNull())
    .addColumn("condition", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('unit', 'lot')`));
  positions = quantity(positions, "on_hand");
  positions = quantity(positions, "allocated");
  positions = quantity(positions, "reserved");
  positions = positions
    .addColumn("price_cents", "integer", (c) => c.check(sql`price_cents >= 0`))
    .addColumn("lot", "text")
    .addCheckConstraint("stock_positions_available", sql`on_hand - allocated - reserved >= 0`)
    .addUniqueConstraint("stock_positions_key", ["sku", "condition", "channel"]);
  await timestamps(positions).modifyEnd(strict).execute();
  await db.schema.createIndex("stock_positions_channel").on("stock_positions").columns(["channel", "id"]).execute();

  await db.schema
    .createTable("ledger_movements")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("position_id", "integer", (c) => c.notNull().references("stock_positions.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("cause_type", "text", (c) => c.notNull())
    .addColumn("cause_ref", "text", (c) => c.notNull())
    .addColumn("delta_on_hand", "integer", (c) => c.notNull())
    .addColumn("delta_allocated", "integer", (c) => c.notNull())
    .addColumn("delta_reserved", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex("ledger_movements_position").on("ledger_movements").columns(["position_id", "id"]).execute();
  // The ledger is append-only: a position must always equal the sum of its movements.
  await sql`create trigger ledger_movements_no_update before update on ledger_movements
    begin select raise(abort, 'ledger_movements is append-only'); end`.execute(db);
  await sql`create trigger ledger_movements_no_delete before delete on ledger_movements
    begin select raise(abort, 'ledger_movements is append-only'); end`.execute(db);
}

async function createUnits(db: Db): Promise<void> {
  await timestamps(
    db.schema
      .createTable("units")
      .addColumn("lp", "text", (c) => c.primaryKey().notNull())
      .addColumn("sku", "text", (c) => c.notNull())
      .addColumn("upc", "text", (c) => c.notNull())
      .addColumn("condition", "text", (c) => c.notNull())
      .addColumn("disposition", "text", (c) => c.notNull())
      .addColumn("warehouse", "text", (c) => c.notNull())
      .addColumn("location", "text", (c) => c.notNull())
      .addColumn("program", "text", (c) => c.notNull())
      .addColumn("reference_unit_identifier", "text")
      .addColumn("store_identifier", "text"),
  )
    .modifyEnd(strict)
    .execute();

  await db.schema
    .createTable("disposition_events")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("lp", "text", (c) => c.notNull().references("units.lp"))
    .addColumn("from_disposition", "text", (c) => c.notNull())
    .addColumn("to_disposition", "text", (c) => c.notNull())
    .addColumn("from_condition", "text", (c) => c.notNull())
    .addColumn("to_condition", "text", (c) => c.notNull())
    .addColumn("from_sku", "text", (c) => c.notNull())
    .addColumn("to_sku", "text", (c) => c.notNull())
    .addColumn("upc", "text", (c) => c.notNull())
    .addColumn("warehouse", "text", (c) => c.notNull())
    .addColumn("location", "text", (c) => c.notNull())
    .addColumn("program", "text", (c) => c.notNull())
    .addColumn("reference_unit_identifier", "text")
    .addColumn("store_identifier", "text")
    .addColumn("user_login", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex("disposition_events_lp").on("disposition_events").columns(["lp", "id"]).execute();
}

async function createOrders(db: Db): Promise<void> {
  let orders: Table = db.schema
    .createTable("orders")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
    .addColumn("client_identifier", "text", (c) => c.notNull())
    .addColumn("channel", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull());
  orders = flag(orders, "payment_required");
  orders = orders
    .addColumn("billing_address", "text")
    .addColumn("shipping_address", "text")
    .addColumn("brand", "text")
    .addColumn("shipping_method", "text")
    .addColumn("carrier_id", "integer")
    .addColumn("comments", "text")
    .addColumn("expected_delivery_date", "text");
  orders = flag(orders, "signature_required", true);
  orders = orders
    .addColumn("packing_slip_identifier", "text")
    .addColumn("reject_reason", "text")
    .addColumn("attributes", "text", (c) => c.notNull().defaultTo("{}"));
  for (const cents of ["price_cents", "processing_fee_cents", "tax_cents", "shipping_cost_cents", "shipping_tax_cents"]) {
    orders = quantity(orders, cents);
  }
  // The idempotency key of an order: a client never gets two orders for one identifier.
  orders = orders.addUniqueConstraint("orders_client_identifier", ["client_id", "client_identifier"]);
  await timestamps(orders).modifyEnd(strict).execute();
  await db.schema.createIndex("orders_client").on("orders").columns(["client_id", "id"]).execute();
  await db.schema.createIndex("orders_client_status").on("orders").columns(["client_id", "status", "id"]).execute();
  await db.schema.createIndex("orders_status").on("orders").columns(["status", "id"]).execute();

  let items: Table = db.schema
    .createTable("order_items")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("order_id", "integer", (c) => c.notNull().references("orders.id"))
    .addColumn("client_identifier", "text")
    .addColumn("position_id", "integer", (c) => c.references("stock_positions.id"))
    .addColumn("sku", "text", (c) => c.notNull())
    .addColumn("condition", "text", (c) => c.notNull())
    .addColumn("brand", "text")
    .addColumn("vendor_id", "text");
  for (const q of ["qty_ordered", "qty_allocated", "qty_acknowledged", "qty_shipped", "qty_cancelled"]) {
    items = quantity(items, q);
  }
  for (const cents of ["price_cents", "tax_cents", "shipping_cost_cents", "shipping_tax_cents"]) {
    items = quantity(items, cents);
  }
  // What holds whatever the use cases decide about releasing allocations on cancel: nothing is
  // allocated or acknowledged beyond the order, and a unit is either shipped or cancelled.
  items = items
    .addColumn("comments", "text")
    .addColumn("status", "text", (c) => c.notNull())
    .addCheckConstraint("order_items_allocated", sql`qty_allocated <= qty_ordered`)
    .addCheckConstraint("order_items_acknowledged", sql`qty_acknowledged <= qty_ordered`)
    .addCheckConstraint("order_items_shipped_cancelled", sql`qty_shipped + qty_cancelled <= qty_ordered`);
  await timestamps(items).modifyEnd(strict).execute();
  await db.schema.createIndex("order_items_order").on("order_items").columns(["order_id", "id"]).execute();
}

async function createPurchaseOrders(db: Db): Promise<void> {
  // AUTOINCREMENT: the id is the vendor-facing PO number (D<id>) and must never be handed out twice.
  await timestamps(
    db.schema
      .createTable("purchase_orders")
      .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
      .addColumn("vendor_id", "text", (c) => c.notNull())
      .addColumn("order_id", "integer", (c) => c.notNull().references("orders.id"))
      .addColumn("status", "text", (c) => c.notNull())
      .addColumn("date_submit", "text", (c) => c.notNull())
      .addColumn("estimated_ship_date", "text"),
  )
    .modifyEnd(strict)
    .execute();
  await db.schema
    .createIndex("purchase_orders_vendor_status")
    .on("purchase_orders")
    .columns(["vendor_id", "status", "id"])
    .execute();
  await db.schema.createIndex("purchase_orders_vendor").on("purchase_orders").columns(["vendor_id", "id"]).execute();
  await db.schema.createIndex("purchase_orders_order").on("purchase_orders").columns(["order_id", "id"]).execute();

  let items: Table = db.schema
    .createTable("purchase_order_items")
    .addColumn("po_item_id", "integer", (c) => c.primaryKey())
    .addColumn("purchase_order_id", "integer", (c) => c.notNull().references("purchase_orders.id"))
    .addColumn("order_item_id", "integer", (c) => c.notNull().references("order_items.id"))
    .addColumn("sku", "text", (c) => c.notNull())
    .addColumn("vpc", "text", (c) => c.notNull());
  for (const q of ["qty_ordered", "qty_acknowledged", "qty_shipped", "qty_cancelled"]) {
    items = quantity(items, q);
  }
  await items
    .addCheckConstraint("purchase_order_items_acknowledged", sql`qty_acknowledged <= qty_ordered`)
    .addCheckConstraint("purchase_order_items_shipped_cancelled", sql`qty_shipped + qty_cancelled <= qty_ordered`)
    .modifyEnd(strict)
    .execute();
  await db.schema
    .createIndex("purchase_order_items_po")
    .on("purchase_order_items")
    .columns(["purchase_order_id", "po_item_id"])
    .execute();
}

async function createShipments(db: Db): Promise<void> {
  await timestamps(
    db.schema
      .createTable("shipments")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("order_id", "integer", (c) => c.notNull().references("orders.id"))
      // The order's client, copied from the order by the INSERT itself (an order never changes
      // client): the buyer's shipment list is then one index range in id order, where filtering
      // through orders would sort all of the client's shipments on every page.
      .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
      .addColumn("purchase_order_id", "integer", (c) => c.references("purchase_orders.id"))
      .addColumn("tracking_number", "text", (c) => c.notNull())
      .addColumn("carrier", "text")
      .addColumn("ship_class_id", "integer")
      .addColumn("shipping_method", "text")
      .addColumn("billed_weight", "real", (c) => c.check(sql`billed_weight >= 0`))
      .addColumn("shipping_cost_cents", "integer", (c) => c.check(sql`shipping_cost_cents >= 0`))
      .addColumn("shipped_at", "text", (c) => c.notNull()),
  )
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex("shipments_order").on("shipments").columns(["order_id", "id"]).execute();
  await db.schema.createIndex("shipments_client").on("shipments").columns(["client_id", "id"]).execute();
  await db.schema.createIndex("shipments_tracking").on("shipments").columns(["tracking_number"]).execute();

  await db.schema
    .createTable("shipment_items")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("shipment_id", "integer", (c) => c.notNull().references("shipments.id"))
    .addColumn("order_item_id", "integer", (c) => c.notNull().references("order_items.id"))
    .addColumn("quantity", "integer", (c) => c.notNull().check(sql`quantity > 0`))
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex("shipment_items_shipment").on("shipment_items").columns(["shipment_id", "id"]).execute();
}

async function createReservations(db: Db): Promise<void> {
  let t: Table = db.schema
    .createTable("reservations")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
    .addColumn("position_id", "integer", (c) => c.notNull().references("stock_positions.id"));
  t = quantity(t, "locked");
  await t
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("reservations_client_position", ["client_id", "position_id"])
    .modifyEnd(strict)
    .execute();
}

async function createForwardOrders(db: Db): Promise<void> {
  await timestamps(
    db.schema
      .createTable("forward_orders")
      .addColumn("id", "integer", (c) => c.primaryKey())
      .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
      .addColumn("identifier", "text", (c) => c.notNull())
      .addColumn("concept", "text")
      .addColumn("postal_code", "text")
      .addColumn("ordered_at", "text")
      .addUniqueConstraint("forward_orders_client_identifier", ["client_id", "identifier"]),
  )
    .modifyEnd(strict)
    .execute();
  await db.schema.createIndex("forward_orders_client").on("forward_orders").columns(["client_id", "id"]).execute();

  let items: Table = db.schema
    .createTable("forward_order_items")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("forward_order_id", "integer", (c) => c.notNull().references("forward_orders.id"))
    .addColumn("identifier", "text", (c) => c.notNull())
    .addColumn("upc", "text", (c) => c.notNull())
    .addColumn("sku", "text", (c) => c.notNull());
  items = quantity(items, "quantity");
  items = items
    .addColumn("tracking_number", "text")
    .addColumn("reverse_tracking_number", "text")
    .addColumn("dropship_identifier", "text")
    .addColumn("shipped_date", "text")
    .addColumn("return_policy_end_date", "text")
    .addColumn("labels", "text", (c) => c.notNull().defaultTo("[]"))
    .addUniqueConstraint("forward_order_items_identifier", ["forward_order_id", "identifier"]);
  await timestamps(items).modifyEnd(strict).execute();
}

async function createShipping(db: Db): Promise<void> {
  await db.schema
    .createTable("ship_classes")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("carrier", "text", (c) => c.notNull())
    .modifyEnd(strict)
    .execute();
  let carriers: Table = db.schema
    .createTable("carriers")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull());
  carriers = quantity(carriers, "cost_cents");
  await flag(carriers, "is_default").modifyEnd(strict).execute();
}

async function createWebhooks(db: Db): Promise<void> {
  let subscriptions: Table = db.schema
    .createTable("webhook_subscriptions")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("auth", "text", (c) => c.notNull())
    .addColumn("event_types", "text", (c) => c.notNull());
  subscriptions = flag(subscriptions, "active");
  await timestamps(subscriptions).modifyEnd(strict).execute();
  await db.schema
    .createIndex("webhook_subscriptions_client")
    .on("webhook_subscriptions")
    .columns(["client_id", "id"])
    .execute();

  let deliveries: Table = db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("subscription_id", "integer", (c) => c.notNull().references("webhook_subscriptions.id"))
    .addColumn("event_type", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull());
  deliveries = quantity(deliveries, "attempts");
  deliveries = deliveries
    .addColumn("next_attempt_at", "text", (c) => c.notNull())
    .addColumn("last_error", "text");
  await timestamps(deliveries).modifyEnd(strict).execute();
  // The dispatcher's claim: pending rows due by now, oldest first.
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["status", "next_attempt_at", "id"])
    .execute();
  await db.schema.createIndex("webhook_deliveries_status").on("webhook_deliveries").columns(["status", "id"]).execute();
  await db.schema
    .createIndex("webhook_deliveries_subscription")
    .on("webhook_deliveries")
    .columns(["subscription_id", "id"])
    .execute();
}

/** Creates every table of the first release. */
export async function up(db: Db): Promise<void> {
  await createClients(db);
  await createCatalogue(db);
  await createUnits(db);
  await createOrders(db);
  await createPurchaseOrders(db);
  await createShipments(db);
  await createReservations(db);
  await createForwardOrders(db);
  await createShipping(db);
  await createWebhooks(db);
}
