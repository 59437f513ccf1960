import { type Kysely, sql } from "kysely";

/*
 * Orders keep the lines stock could not cover as structured data (JSON), so that each dialect
 * words a rejection once in its adapter instead of core storing one dialect's sentence. Rows
 * written before keep their stored `reject_reason` text and an empty list.
 */

/** Adds `orders.shortages`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table orders add column shortages text not null default '[]'`.execute(db);
}
