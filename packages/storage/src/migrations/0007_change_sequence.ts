import { type Kysely, sql } from "kysely";

/*
 * Flat reads for `updated_at` polls (issue 13). Lists keep their keyset order by id (a walk never
 * repeats or skips a row); what changes is how a page finds the rows changed since `updated_at`
 * and how it learns the total:
 *
 * - `(filter, updated_at)` indexes on the three Drop Ship lists. A poll over a long history whose
 *   since-set is small reads that set through this index (and sorts only it by id) instead of
 *   checking every row of the history along the id index; the count of a since-set is a range
 *   over it, index-only.
 * - `position_counts`: positions per (channel, condition), kept by triggers. The total of a
 *   listings poll is that count minus the rows not changed since `updated_at` (or the since-set
 *   counted directly, whichever range is shorter), so page 1 of a poll over 100,000 positions
 *   that all changed does not count 100,000 rows. Positions never change channel or condition
 *   (they are the key), so inserts and deletes are all the triggers need to follow.
 */

/** Adds the updated_at indexes and the per-channel position counts. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex("stock_positions_channel_updated").on("stock_positions").columns(["channel", "updated_at"]).execute();
  await db.schema
    .createIndex("orders_client_status_updated")
    .on("orders")
    .columns(["client_id", "status", "updated_at"])
    .execute();
  await db.schema.createIndex("shipments_client_updated").on("shipments").columns(["client_id", "updated_at"]).execute();

  await sql`create table position_counts (
    channel text not null,
    condition text not null,
    positions integer not null check (positions >= 0),
    primary key (channel, condition)
  ) strict, without rowid`.execute(db);
  await sql`insert into position_counts (channel, condition, positions)
    select channel, condition, count(*) from stock_positions group by channel, condition`.execute(db);
  await sql`create trigger position_counts_insert after insert on stock_positions begin
    insert into position_counts (channel, condition, positions) values (new.channel, new.condition, 1)
      on conflict (channel, condition) do update set positions = positions + 1;
  end`.execute(db);
  await sql`create trigger position_counts_delete after delete on stock_positions begin
    update position_counts set positions = positions - 1 where channel = old.channel and condition = old.condition;
  end`.execute(db);
}
