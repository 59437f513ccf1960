import { type Kysely, sql } from "kysely";

/*
 * Buyer caps: a buyer's give-back (Optoro PUT /listings/{id}) limits what that buyer sees and
 * may order of a shared position, without moving the position. `buyer_caps` holds the current
 * cap per (buyer, position); `buyer_cap_movements` is its append-only audit, one row per change
 * with the delta, so the system check can prove each cap equals the sum of its movements.
 */

type Db = Kysely<unknown>;

/** Creates the cap table and its audited movements. */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable("buyer_caps")
    .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
    .addColumn("position_id", "integer", (c) => c.notNull().references("stock_positions.id"))
    .addColumn("cap", "integer", (c) => c.notNull().check(sql`cap >= 0`))
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("buyer_caps_pk", ["client_id", "position_id"])
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .createTable("buyer_cap_movements")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("client_id", "integer", (c) => c.notNull().references("clients.id"))
    .addColumn("position_id", "integer", (c) => c.notNull().references("stock_positions.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("delta", "integer", (c) => c.notNull())
    .addColumn("cap_after", "integer", (c) => c.check(sql`cap_after >= 0`))
    .addColumn("cause_type", "text", (c) => c.notNull())
    .addColumn("cause_ref", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();
  // A buyer's audit (and a cancellation's look-back) reads one (buyer, position) in id order.
  await db.schema
    .createIndex("buyer_cap_movements_client_position")
    .on("buyer_cap_movements")
    .columns(["client_id", "position_id", "id"])
    .execute();
}
