import type { StoragePort, StorageReader, StorageTx } from "@dropgate/core-domain";
import type BetterSqlite3 from "better-sqlite3";
import { PreparedStatements } from "./sql/prepared-statements.js";
import { createStorageTx } from "./storage-tx.js";

type Body = (tx: StorageTx) => unknown;

/** The storage port on one SQLite file through one better-sqlite3 connection. */
export class SqliteStorage implements StoragePort {
  readonly #tx: StorageTx;
  readonly #immediate: (fn: Body, tx: StorageTx) => unknown;
  readonly #deferred: (fn: Body, tx: StorageTx) => unknown;

  /** Wraps an open, migrated connection; use `openStorage` rather than calling this directly. */
  constructor(
    /** The raw connection, for tests and benchmarks only. */
    readonly db: BetterSqlite3.Database,
    readonly path: string,
  ) {
    this.#tx = createStorageTx(new PreparedStatements(db));
    // One transaction function for the life of the connection. better-sqlite3 runs it
    // synchronously between BEGIN and COMMIT, rolls back on any throw, refuses a body that
    // returns a promise, and turns a nested call into a SAVEPOINT, so a use case may call
    // another that opens its own transaction.
    const run = db.transaction((fn: Body, tx: StorageTx) => fn(tx));
    this.#immediate = run.immediate;
    this.#deferred = run.deferred;
  }

  /** BEGIN IMMEDIATE: the write lock is taken up front, so busy_timeout applies instead of a mid-transaction SQLITE_BUSY. */
  transaction<T>(fn: (tx: StorageTx) => T): T {
    return this.#immediate(fn, this.#tx) as T;
  }

  /** A deferred transaction: every read inside sees one snapshot of the WAL. */
  read<T>(fn: (reader: StorageReader) => T): T {
    return this.#deferred(fn, this.#tx) as T;
  }

  /** Closes the connection; the last connection to close checkpoints the WAL into the file. */
  close(): void {
    this.db.close();
  }
}
