import { type Kysely, sql } from "kysely";

/*
 * RetailOps vendors: a vendor client's name as its feeds send `vendor_name`, the per-vendor
 * setting "Change POs after submit", and per-ship-class defaults for what Optoro's confirmation
 * webhook requires of a package (billed weight, shipping cost).
 */

type Db = Kysely<unknown>;

export async function up(db: Db): Promise<void> {
  await db.schema.alterTable("clients").addColumn("vendor_name", "text").execute();

  await db.schema
    .createTable("vendor_settings")
    .addColumn("vendor_id", "text", (c) => c.primaryKey().notNull())
    .addColumn("change_pos_after_submit", "integer", (c) => c.notNull().defaultTo(0).check(sql`change_pos_after_submit in (0, 1)`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .modifyEnd(sql`strict`)
    .execute();

  await db.schema
    .alterTable("ship_classes")
    .addColumn("default_weight", "real", (c) => c.check(sql`default_weight >= 0`))
    .execute();
  await db.schema
    .alterTable("ship_classes")
    .addColumn("default_cost_cents", "integer", (c) => c.check(sql`default_cost_cents >= 0`))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable("ship_classes").dropColumn("default_cost_cents").execute();
  await db.schema.alterTable("ship_classes").dropColumn("default_weight").execute();
  await db.schema.dropTable("vendor_settings").execute();
  await db.schema.alterTable("clients").dropColumn("vendor_name").execute();
}
