import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { migrateToLatest } from "./migrations/migrate.js";
import type { GroupCommitLimits } from "./group-commit.js";
import { SqliteStorage } from "./sqlite-storage.js";

export interface StorageOptions {
  /** The SQLite file; its folder is created when missing. */
  readonly path: string;
  /**
   * FULL (default) syncs the WAL on every commit: an acknowledged order survives power loss and
   * OS crashes. NORMAL syncs only at checkpoints: still atomic and consistent, and nothing is lost
   * when the process dies, but the last commits before a power loss or kernel crash may roll back
   * (SQLite docs, PRAGMA synchronous; anchors §4.1). On this machine the research measured FULL
   * at roughly half of NORMAL's order throughput (anchors §4.2), still far above any partner's
   * ingress rate; the storage benchmark (README) measures both.
   */
  readonly synchronous?: "FULL" | "NORMAL";
  /** Bounds of one group commit; default 128 use cases or 10 ms (`DEFAULT_GROUP_COMMIT`). */
  readonly groupCommit?: GroupCommitLimits;
}

/** Opens (creating if needed) and migrates the database file, answering the storage port over it. */
export async function openStorage(options: StorageOptions): Promise<SqliteStorage> {
  mkdirSync(dirname(resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  try {
    // busy_timeout first: switching to WAL and migrating may wait on another process's lock.
    db.pragma("busy_timeout = 5000");
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma(`synchronous = ${options.synchronous ?? "FULL"}`);
    await migrateToLatest(db);
  } catch (cause) {
    db.close();
    throw cause;
  }
  return new SqliteStorage(db, options.path, options.groupCommit);
}
