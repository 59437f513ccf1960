import type { CommitMark, StoragePort, StorageReader, StorageTx } from "@dropgate/core-domain";
import type BetterSqlite3 from "better-sqlite3";
import type { BackgroundCheckpoint } from "./background-checkpoint.js";
import { DEFAULT_GROUP_COMMIT, GroupCommit, type GroupCommitLimits } from "./group-commit.js";
import type { WalFileSync } from "./wal-file-sync.js";
import { PreparedStatements } from "./sql/prepared-statements.js";
import { createStorageTx } from "./storage-tx.js";

type Body = (tx: StorageTx) => unknown;

/** The storage port on one SQLite file through one better-sqlite3 connection, with group commit. */
export class SqliteStorage implements StoragePort {
  readonly #tx: StorageTx;
  readonly #immediate: (fn: Body, tx: StorageTx) => unknown;
  readonly #deferred: (fn: Body, tx: StorageTx) => unknown;
  readonly #group: GroupCommit;
  /** Depth of `transaction` bodies running now: above 0, a call is nested inside a use case. */
  #depth = 0;

  /** Wraps an open, migrated connection; use `openStorage` rather than calling this directly. */
  constructor(
    /** The raw connection, for tests and benchmarks only. */
    readonly db: BetterSqlite3.Database,
    readonly path: string,
    limits: GroupCommitLimits = DEFAULT_GROUP_COMMIT,
    /** Off-thread help `openStorage` set up: WAL checkpoints (`checkpoint: "background"`), WAL syncs (FULL). */
    private readonly offThread: { readonly checkpointer?: BackgroundCheckpoint; readonly walSync?: WalFileSync } = {},
    /**
     * What an acknowledged write survives: FULL, a power loss (the WAL synced before `durable()`
     * resolves; the connection itself then runs NORMAL, see group-commit.ts); NORMAL, a crash of
     * the process only.
     */
    readonly synchronous: "FULL" | "NORMAL" = offThread.walSync === undefined ? "NORMAL" : "FULL",
  ) {
    this.#tx = createStorageTx(new PreparedStatements(db));
    // One transaction function for the life of the connection. better-sqlite3 runs it
    // synchronously, rolls back on any throw and refuses a body that returns a promise. Inside
    // an open batch (or a use case) it runs as a SAVEPOINT, so a failing use case undoes only
    // its own writes and the batch's other use cases still commit.
    const run = db.transaction((fn: Body, tx: StorageTx) => fn(tx));
    this.#immediate = run.immediate;
    this.#deferred = run.deferred;
    const { checkpointer, walSync } = offThread;
    this.#group = new GroupCommit(db, limits, checkpointer === undefined ? undefined : () => checkpointer.afterCommit(), walSync?.sync);
  }

  /**
   * Runs a use case in its own SAVEPOINT of the open group commit (BEGIN IMMEDIATE at the first
   * write of a batch, so busy_timeout applies instead of a mid-transaction SQLITE_BUSY). The
   * writes are visible on this connection at once and durable once `durable()` resolves.
   */
  transaction<T>(fn: (tx: StorageTx) => T): T {
    if (this.#depth > 0) return this.#immediate(fn, this.#tx) as T;
    this.#group.enter();
    this.#depth++;
    try {
      return this.#immediate(fn, this.#tx) as T;
    } finally {
      this.#depth--;
      this.#group.afterUseCase();
    }
  }

  /**
   * Reads in one snapshot: a deferred transaction, or, inside an open batch or use case, that
   * transaction itself. It holds the write lock, so nothing else changes the file meanwhile, and a
   * SAVEPOINT around reads would have nothing to roll back (every authenticated request reads its
   * token inside the batch its neighbours opened).
   */
  read<T>(fn: (reader: StorageReader) => T): T {
    if (this.db.inTransaction) return fn(this.#tx);
    return this.#deferred(fn, this.#tx) as T;
  }

  /** Where the commit order stands now; see `durable`. */
  commitMark(): CommitMark {
    return this.#group.mark();
  }

  /** Resolves when the commit holding every write made so far (since `mark`) has returned; rejects if it failed. */
  durable(mark?: CommitMark): Promise<void> {
    return this.#group.durable(mark);
  }

  /** The worker thread checkpointing the WAL, when opened with `checkpoint: "background"`. */
  get checkpointer(): BackgroundCheckpoint | undefined {
    return this.offThread.checkpointer;
  }

  /** Commits the open batch now, synchronously; its waiters settle as usual. */
  flush(): void {
    this.#group.commit();
  }

  /** Commits the open batch, then closes the connection; the last connection to close checkpoints the WAL. */
  close(): void {
    if (this.db.open) this.#group.commit();
    const { walSync, checkpointer } = this.offThread;
    if (walSync !== undefined && this.#group.syncPending) {
      // What was committed is on disk before the waiters hear so, as at FULL.
      let failure: unknown;
      try {
        walSync.syncNow();
      } catch (error) {
        failure = error;
      }
      this.#group.syncedNow(failure);
    }
    walSync?.close();
    if (checkpointer !== undefined) {
      // The worker's connection may outlive this one, and only the last connection to close
      // checkpoints by itself: copy the WAL now, so that a stopped server leaves nothing to replay.
      try {
        this.db.pragma("wal_checkpoint(PASSIVE)");
      } catch {
        // A checkpoint that cannot run now is the next open's to do; closing goes on.
      }
      checkpointer.close();
    }
    this.db.close();
  }
}
