import { type Kysely, sql } from "kysely";

/*
 * Webhook claims become leases, and every HTTP exchange with a client endpoint is kept.
 *
 * A claim used to be the bare `in_flight` status, which only a restarting dispatcher could undo
 * (by requeueing everything in flight, including sends another live dispatcher still held). Now a
 * claim names its dispatcher and an expiry: a live dispatcher renews it, a dead one's runs out and
 * any dispatcher takes the delivery over.
 *
 * Also (issue 8) the indexes that match a returned unit to its forward order.
 */

type Db = Kysely<unknown>;

/** Adds the lease columns, the expired-lease index, the attempts table and the forward-order match indexes. */
export async function up(db: Db): Promise<void> {
  await createLeases(db);
  await createForwardOrderMatching(db);
}

/*
 * Forward orders are kept so a returned unit can be matched to its order: by the order's
 * identifier, or by what the unit carries — its item's tracking number, return tracking number,
 * upc or sku (Forward Orders 1.0.0).
 */
async function createForwardOrderMatching(db: Db): Promise<void> {
  await db.schema.createIndex("forward_orders_identifier").on("forward_orders").columns(["identifier", "id"]).execute();
  for (const column of ["tracking_number", "reverse_tracking_number", "upc", "sku"]) {
    await db.schema
      .createIndex(`forward_order_items_${column}`)
      .on("forward_order_items")
      .columns([column, "forward_order_id"])
      .execute();
  }
}

async function createLeases(db: Db): Promise<void> {
  await db.schema.alterTable("webhook_deliveries").addColumn("lease_owner", "text").execute();
  await db.schema.alterTable("webhook_deliveries").addColumn("lease_expires_at", "text").execute();
  // The claim's second half: in-flight rows whose lease ran out.
  await db.schema
    .createIndex("webhook_deliveries_lease")
    .on("webhook_deliveries")
    .columns(["status", "lease_expires_at", "id"])
    .execute();
  // The heartbeat: every lease one dispatcher holds.
  await db.schema.createIndex("webhook_deliveries_owner").on("webhook_deliveries").columns(["lease_owner"]).execute();

  await db.schema
    .createTable("webhook_delivery_attempts")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("delivery_id", "integer", (c) => c.notNull().references("webhook_deliveries.id"))
    .addColumn("attempt", "integer", (c) => c.notNull().check(sql`attempt >= 1`))
    .addColumn("started_at", "text", (c) => c.notNull())
    .addColumn("latency_ms", "integer", (c) => c.notNull().check(sql`latency_ms >= 0`))
    .addColumn("http_status", "integer")
    .addColumn("outcome", "text", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("dispatcher", "text", (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  await db.schema
    .createIndex("webhook_delivery_attempts_delivery")
    .on("webhook_delivery_attempts")
    .columns(["delivery_id", "id"])
    .execute();
}
