import type { CommitMark } from "@dropgate/core-domain";
import type BetterSqlite3 from "better-sqlite3";

/*
 * Group commit on one synchronous connection. better-sqlite3 runs every statement on the JS
 * thread, so a commit's WAL sync (FULL) blocks the event loop; requests that arrive meanwhile
 * wait in the kernel and are all handled in the next poll phase. Instead of paying one sync
 * each, they share one: the first write of a turn opens `BEGIN IMMEDIATE`, every use case runs
 * in its own SAVEPOINT (better-sqlite3 nests a transaction function that way when the connection
 * is already in a transaction), and the batch commits in the check phase of the same loop
 * iteration (`setImmediate`), once every callback of that poll phase has run. Under light load a
 * batch holds one write and commits right after it, with no timer and no added wait.
 *
 * Bounds: a batch holds at most `maxWrites` use cases and stays open at most `maxOpenMs` after
 * its first write; a write that finds the open batch full (or too old) commits it first, then
 * opens the next. The write lock is held only while a batch is open, so another process on the
 * same file waits at most that long; another connection in this process commits it first.
 *
 * Nothing written in a batch is durable until its COMMIT returns, and reads on this connection
 * see uncommitted writes, so every answer that touched the store waits for `durable()`. If the
 * COMMIT fails (a deferred constraint, a full disk, an I/O error), the whole batch is rolled
 * back and every waiter of it is rejected: none of its writes stays, none is acknowledged.
 *
 * The WAL sync off the event loop (`WalSync`, when storage was opened FULL on a file): SQLite at
 * FULL syncs the WAL inside COMMIT, on the JS thread, about 1 ms here with nothing served
 * meanwhile. Instead the connection runs at NORMAL, whose COMMIT only writes the WAL's frames,
 * and the batch's waiters resolve once an fsync of the WAL file, run on libuv's thread pool,
 * has returned after that COMMIT: the same promise as FULL (an acknowledged write is on disk),
 * while the next batch is already being written. One sync runs at a time and covers every batch
 * committed before it started. WAL frames carry checksums and SQLite's recovery stops at the
 * first frame that does not check, so a power loss before a sync loses only unacknowledged
 * batches, as with FULL. A failed fsync rejects its batches' waiters with `SyncFailedError`, and
 * so does every later sync of this connection (see `#syncBroken`).
 */

/** How large and how old one group commit may grow. */
export interface GroupCommitLimits {
  /** Most use cases (top-level `transaction` calls) one commit holds. */
  readonly maxWrites: number;
  /** Longest, in milliseconds, a batch stays open after its first write. */
  readonly maxOpenMs: number;
}

/** 128 use cases or 10 ms, whichever comes first. */
export const DEFAULT_GROUP_COMMIT: GroupCommitLimits = { maxWrites: 128, maxOpenMs: 10 };

/** How many failed batches are remembered for marks taken before them. */
const REMEMBERED_FAILURES = 64;

/** Thrown to the waiters of a batch whose commit failed. */
export class CommitFailedError extends Error {
  constructor(
    readonly batch: number,
    cause: unknown,
  ) {
    super(`commit of batch ${batch} failed; none of its writes was kept: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "CommitFailedError";
  }
}

/** Thrown to the waiters of committed batches whose WAL sync failed: their durability is unknown. */
export class SyncFailedError extends Error {
  constructor(
    readonly batch: number,
    cause: unknown,
  ) {
    super(`the WAL sync after batch ${batch} failed; its writes are committed but may not survive a power loss: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = "SyncFailedError";
  }
}

/** Syncs the WAL file to disk off the JS thread; calls back once it has (or failed). */
export type WalSync = (done: (error: Error | null) => void) => void;

interface Batch {
  readonly seq: number;
  readonly openedAt: number;
  writes: number;
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: CommitFailedError | SyncFailedError): void;
}

/**
 * Open batches of every connection in this process. A second connection's BEGIN IMMEDIATE would
 * wait (busy_timeout, synchronously, blocking the event loop) for a lock that only this event
 * loop can release, so a connection commits the others' open batches before it takes the lock.
 */
const openInProcess = new Set<GroupCommit>();

/** The open batch of one connection and the commits before it. */
export class GroupCommit {
  readonly #begin: BetterSqlite3.Statement;
  readonly #commit: BetterSqlite3.Statement;
  readonly #rollback: BetterSqlite3.Statement;
  #open: Batch | undefined;
  /** Sequence number of the last batch opened; batches are numbered from 1. */
  #seq = 0;
  readonly #failed: Array<CommitFailedError | SyncFailedError> = [];
  /** Committed batches waiting for a WAL sync that started after their COMMIT. */
  #unsynced: Batch[] = [];
  /** The batches the running WAL sync covers; undefined while none runs. */
  #syncing: Batch[] | undefined;
  /**
   * The first failed WAL sync. Linux may drop the pages a failed fsync could not write and let the
   * next fsync succeed, and SQLite's recovery stops at the first frame that does not check: after
   * one failure no later batch can be promised to survive a power loss, so none is acknowledged
   * until the storage is opened again.
   */
  #syncBroken: unknown;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly limits: GroupCommitLimits,
    /** Runs after each successful COMMIT (the background checkpoint counts them). */
    private readonly afterCommit?: () => void,
    /** When given, a batch is durable once this has synced the WAL after its COMMIT (see above). */
    private readonly walSync?: WalSync,
  ) {
    this.#begin = db.prepare("BEGIN IMMEDIATE");
    this.#commit = db.prepare("COMMIT");
    this.#rollback = db.prepare("ROLLBACK");
    if (!(limits.maxWrites >= 1 && limits.maxOpenMs >= 0)) throw new RangeError("group commit limits must be positive");
  }

  /**
   * Makes sure a batch is open for one more use case: commits the open one first when it is
   * full or too old, and takes the write lock (BEGIN IMMEDIATE) when none is open.
   */
  enter(): void {
    const open = this.#open;
    if (open !== undefined && (open.writes >= this.limits.maxWrites || performance.now() - open.openedAt > this.limits.maxOpenMs)) {
      this.commit();
    }
    let batch = this.#open;
    if (batch === undefined) {
      for (const other of openInProcess) if (other !== this) other.commit();
      this.#begin.run();
      batch = this.#openBatch();
    }
    batch.writes++;
  }

  /**
   * Called after each use case: SQLite rolls a whole transaction back by itself on some errors
   * (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM…), taking the batch's earlier use cases with it.
   */
  afterUseCase(): void {
    const open = this.#open;
    if (open !== undefined && !this.db.inTransaction) {
      this.#settle(open, new Error("SQLite rolled the transaction back"));
    }
  }

  /** Commits the open batch now (no-op without one); its waiters resolve, or are rejected if COMMIT fails. */
  commit(): void {
    const batch = this.#open;
    if (batch === undefined) return;
    try {
      this.#commit.run();
    } catch (error) {
      // A failed COMMIT (a deferred foreign key, SQLITE_BUSY on the checkpoint, an I/O error) may
      // leave the transaction open: roll it back so that nothing of the batch stays.
      if (this.db.inTransaction) this.#rollback.run();
      this.#settle(batch, error);
      return;
    }
    if (this.walSync === undefined) {
      this.#settle(batch, undefined);
    } else {
      this.#close(batch);
      this.#unsynced.push(batch);
      this.#startSync();
    }
    this.afterCommit?.();
  }

  /** True while a committed batch still waits for its WAL sync. */
  get syncPending(): boolean {
    return this.#syncing !== undefined || this.#unsynced.length > 0;
  }

  /**
   * Settles every committed batch after a WAL sync done by the caller, synchronously (at close,
   * which cannot wait for the thread pool); a sync already running settles nothing twice.
   */
  syncedNow(error?: unknown): void {
    const batches = [...(this.#syncing ?? []), ...this.#unsynced];
    this.#syncing = undefined;
    this.#unsynced = [];
    if (error !== undefined) this.#syncBroken ??= error;
    for (const batch of batches) this.#synced(batch, this.#syncBroken);
  }

  #startSync(): void {
    if (this.#syncing !== undefined || this.#unsynced.length === 0 || this.walSync === undefined) return;
    const covered = this.#unsynced;
    this.#unsynced = [];
    this.#syncing = covered;
    this.walSync((error) => {
      // Settled already by syncedNow (a close while this sync ran).
      if (this.#syncing !== covered) return;
      this.#syncing = undefined;
      if (error) this.#syncBroken ??= error;
      for (const batch of covered) this.#synced(batch, this.#syncBroken);
      this.#startSync();
    });
  }

  #synced(batch: Batch, error: unknown): void {
    if (error === undefined || error === null) {
      batch.resolve();
      return;
    }
    this.#remember(new SyncFailedError(batch.seq, error), batch);
  }

  /** Where the commit order stands now: `durable(mark)` covers every write made after this. */
  mark(): CommitMark {
    // A batch committed but not yet synced counts as not durable: what a request reads of it must
    // not be answered before it would survive a power loss.
    const oldest = this.#syncing?.[0] ?? this.#unsynced[0] ?? this.#open;
    return (oldest?.seq ?? this.#seq + 1) as CommitMark;
  }

  /**
   * Resolves once every batch holding writes made since `mark` has committed, and its WAL synced
   * (without a mark: every batch not durable yet); rejects with the failure of the first that did not.
   */
  durable(mark?: CommitMark): Promise<void> {
    if (mark !== undefined) {
      const failure = this.#failed.find((f) => f.batch >= mark);
      if (failure !== undefined) return Promise.reject(failure);
    }
    // Every batch from the mark on that is not durable yet: a failed sync of an earlier one must
    // reach this waiter even when a later batch syncs fine.
    const pending: Batch[] = [...(this.#syncing ?? []), ...this.#unsynced];
    if (this.#open !== undefined) pending.push(this.#open);
    const waited = mark === undefined ? pending : pending.filter((b) => b.seq >= mark);
    if (waited.length === 0) return Promise.resolve();
    if (waited.length === 1) return (waited[0] as Batch).done;
    return Promise.all(waited.map((b) => b.done)).then(() => undefined);
  }

  #openBatch(): Batch {
    let resolve!: () => void;
    let reject!: (error: CommitFailedError) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A batch nobody waits for must not become an unhandled rejection; waiters still see it.
    done.catch(() => {});
    const batch: Batch = { seq: ++this.#seq, openedAt: performance.now(), writes: 0, done, resolve, reject };
    this.#open = batch;
    openInProcess.add(this);
    setImmediate(() => {
      if (this.#open === batch) this.commit();
    });
    return batch;
  }

  /** The batch no longer holds the write lock. */
  #close(batch: Batch): void {
    if (this.#open === batch) {
      this.#open = undefined;
      openInProcess.delete(this);
    }
  }

  #settle(batch: Batch, error: unknown): void {
    this.#close(batch);
    if (error === undefined) {
      batch.resolve();
      return;
    }
    this.#remember(new CommitFailedError(batch.seq, error), batch);
  }

  #remember(failure: CommitFailedError | SyncFailedError, batch: Batch): void {
    this.#failed.push(failure);
    if (this.#failed.length > REMEMBERED_FAILURES) this.#failed.shift();
    batch.reject(failure);
  }
}
