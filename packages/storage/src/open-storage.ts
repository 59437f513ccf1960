import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import Database from "better-sqlite3";
import { migrateToLatest } from "./migrations/migrate.js";
import { BackgroundCheckpoint } from "./background-checkpoint.js";
import type { GroupCommitLimits } from "./group-commit.js";
import { SqliteStorage } from "./sqlite-storage.js";
import { WalFileSync } from "./wal-file-sync.js";

export interface StorageOptions {
  /** The SQLite file; its folder is created when missing. */
  readonly path: string;
  /**
   * FULL (default) syncs the WAL after every group commit, before any of its writes is answered
   * (on libuv's thread pool, not the JS thread): an acknowledged order survives power loss and
   * OS crashes. NORMAL syncs only at checkpoints: still atomic and consistent, and nothing is lost
   * when the process dies, but the last commits before a power loss or kernel crash may roll back
   * (SQLite docs, PRAGMA synchronous; anchors §4.1). On this machine the research measured FULL
   * at roughly half of NORMAL's order throughput (anchors §4.2), still far above any partner's
   * ingress rate; the storage benchmark (README) measures both.
   */
  readonly synchronous?: "FULL" | "NORMAL";
  /** Bounds of one group commit; default 128 use cases or 10 ms (`DEFAULT_GROUP_COMMIT`). */
  readonly groupCommit?: GroupCommitLimits;
  /**
   * inline (default): SQLite checkpoints the WAL inside the commit that crosses 1,000 pages, on
   * the caller's thread. background: a worker thread checkpoints it while writes go on, so no
   * commit stalls for a checkpoint (background-checkpoint.ts); what servers should use.
   */
  readonly checkpoint?: "inline" | "background";
}

/** Opens (creating if needed) and migrates the database file, answering the storage port over it. */
export async function openStorage(options: StorageOptions): Promise<SqliteStorage> {
  mkdirSync(dirname(resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  const synchronous = options.synchronous ?? "FULL";
  let wal = false;
  let walSync: WalFileSync | undefined;
  try {
    // busy_timeout first: switching to WAL and migrating may wait on another process's lock.
    db.pragma("busy_timeout = 5000");
    wal = db.pragma("journal_mode = WAL", { simple: true }) === "wal";
    db.pragma("foreign_keys = ON");
    // 16 MiB of page cache instead of SQLite's 2 MiB: the order path touches index pages all over
    // a database of 100,000 positions, and a miss is a read from the OS on the JS thread.
    db.pragma("cache_size = -16384");
    // FULL on a WAL file: the connection runs NORMAL and group commit syncs the WAL itself, off
    // the JS thread, before any waiter is answered (group-commit.ts). Migrations run FULL.
    db.pragma(`synchronous = ${synchronous}`);
    await migrateToLatest(db);
    if (synchronous === "FULL" && wal && options.path !== ":memory:") {
      walSync = new WalFileSync(resolve(options.path));
      db.pragma("synchronous = NORMAL");
    }
  } catch (cause) {
    db.close();
    throw cause;
  }
  // An in-memory database has no WAL and no second connection to share it.
  const checkpointer = options.checkpoint === "background" && wal && options.path !== ":memory:" ? new BackgroundCheckpoint(db, options.path, synchronous) : undefined;
  return new SqliteStorage(db, options.path, options.groupCommit, {
    ...(checkpointer === undefined ? {} : { checkpointer }),
    ...(walSync === undefined ? {} : { walSync }),
  }, synchronous);
}
