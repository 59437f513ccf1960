import type BetterSqlite3 from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { migrationProvider, migrations } from "./index.js";

/** What a migration run did. */
export interface MigrationReport {
  /** Names of the migrations applied by this run, in order; empty when the file was current. */
  readonly applied: readonly string[];
}

/** True when every known migration is recorded as run (Kysely's own bookkeeping table). */
function isCurrent(db: BetterSqlite3.Database): boolean {
  const table = db.prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (table === undefined) return false;
  const ran = new Set(db.prepare("select name from kysely_migration").pluck().all() as string[]);
  return Object.keys(migrations).every((name) => ran.has(name));
}

/**
 * Brings the database on `db` to the latest schema with Kysely's Migrator.
 *
 * Two processes may open one fresh file at once (gateway and internal RPC), so the whole run is
 * one `BEGIN IMMEDIATE` transaction on this connection: the second process waits on busy_timeout,
 * then finds nothing left to do. Kysely's own per-run transaction is a deferred BEGIN, whose
 * upgrade to a write lock fails with SQLITE_BUSY without waiting; it is switched off.
 * Within one process, open a file once: a second connection's busy wait would block the very
 * event loop the first one needs to finish migrating.
 */
export async function migrateToLatest(db: BetterSqlite3.Database): Promise<MigrationReport> {
  // The common case, a current file, takes no write lock: opening never waits on another
  // process's long write transaction.
  if (isCurrent(db)) return { applied: [] };
  // The dialect borrows our connection; the Kysely instance is dropped, never destroyed, because
  // destroying it would close the connection we keep using.
  const kysely = new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) });
  const migrator = new Migrator({ db: kysely, provider: migrationProvider, disableTransactions: true });
  db.exec("BEGIN IMMEDIATE");
  try {
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error !== undefined) throw error;
    db.exec("COMMIT");
    return { applied: results.filter((r) => r.status === "Success").map((r) => r.migrationName) };
  } catch (cause) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw cause;
  }
}
