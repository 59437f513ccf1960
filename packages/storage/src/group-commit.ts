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

interface Batch {
  readonly seq: number;
  readonly openedAt: number;
  writes: number;
  readonly done: Promise<void>;
  resolve(): void;
  reject(error: CommitFailedError): void;
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
  readonly #failed: CommitFailedError[] = [];

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly limits: GroupCommitLimits,
  ) {
    this.#begin = db.prepare("BEGIN IMMEDIATE");
    this.#commit = db.prepare("COMMIT");
    this.#rollback = db.prepare("ROLLBACK");
    if (!(limits.maxWrites >= 1 && limits.maxOpenMs >= 0)) throw new RangeError("group commit limits must be positive");
  }

  /** True while a batch holds the write lock. */
  get isOpen(): boolean {
    return this.#open !== undefined;
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
    this.#settle(batch, undefined);
  }

  /** Where the commit order stands now: `durable(mark)` covers every write made after this. */
  mark(): CommitMark {
    return (this.#open?.seq ?? this.#seq + 1) as CommitMark;
  }

  /**
   * Resolves once every batch holding writes made since `mark` has committed (without a mark:
   * the batch open now, if any); rejects with the failure of the first such batch that did not.
   */
  durable(mark?: CommitMark): Promise<void> {
    if (mark !== undefined) {
      const failure = this.#failed.find((f) => f.batch >= mark);
      if (failure !== undefined) return Promise.reject(failure);
    }
    return this.#open?.done ?? Promise.resolve();
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

  #settle(batch: Batch, error: unknown): void {
    if (this.#open === batch) {
      this.#open = undefined;
      openInProcess.delete(this);
    }
    if (error === undefined) {
      batch.resolve();
      return;
    }
    const failure = new CommitFailedError(batch.seq, error);
    this.#failed.push(failure);
    if (this.#failed.length > REMEMBERED_FAILURES) this.#failed.shift();
    batch.reject(failure);
  }
}
