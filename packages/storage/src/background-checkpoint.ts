import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type BetterSqlite3 from "better-sqlite3";

/*
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the COMMIT that
 * crosses `wal_autocheckpoint` pages (1,000 by default): on the one connection of a server that
 * is the JS thread, which then copies every page of the WAL into the database file and, at FULL,
 * syncs it, while no request is served. Measured on the order path (bench/storage-order-path and
 * the HTTP benchmark's profile), those commits took about half of all commit time and up to
 * 200 ms each, the worst latencies of the run.
 *
 * Here a worker thread holds a second connection to the same file and runs PASSIVE checkpoints
 * when the writer has committed enough since the last one. A PASSIVE checkpoint takes no lock a
 * writer or reader waits for (SQLite docs, wal_checkpoint): the writer goes on appending to the
 * WAL meanwhile, and SQLite restarts the WAL from its start once a checkpoint has copied all of
 * it. Checkpoints are crash-safe whoever runs them, so a kill -9 during one loses nothing. The
 * writer's own automatic checkpoint stays as a backstop at a higher mark (`BACKSTOP_PAGES`), for
 * a worker that falls behind or dies.
 */

/** When the worker is asked for a checkpoint: after this many commits or this long since the last. */
const EVERY_COMMITS = 16;
const EVERY_MS = 200;
/** The writer checkpoints by itself only past this many WAL pages (4 KiB each: 40 MiB). */
const BACKSTOP_PAGES = 10_000;

// CommonJS, run by `new Worker(…, { eval: true })`: the same text works from src/ and dist/.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma("synchronous = " + workerData.synchronous);
parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ ok: true, busy: result.busy, log: result.log, checkpointed: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error && error.message) });
  }
});
`;

/** What one checkpoint of the worker reported (SQLite's `wal_checkpoint` row). */
export interface CheckpointReport {
  readonly ok: boolean;
  /** Frames in the WAL and frames copied into the database file, when ok. */
  readonly log?: number;
  readonly checkpointed?: number;
  readonly message?: string;
}

/** A worker thread that checkpoints one database file's WAL while the writer keeps writing. */
export class BackgroundCheckpoint {
  readonly #worker: Worker;
  readonly #db: BetterSqlite3.Database;
  #commits = 0;
  #last = performance.now();
  #inFlight = false;
  #alive = true;
  #waiters: Array<(report: CheckpointReport) => void> = [];

  constructor(db: BetterSqlite3.Database, path: string, synchronous: string) {
    this.#db = db;
    const driver = createRequire(import.meta.url).resolve("better-sqlite3");
    this.#worker = new Worker(WORKER, { eval: true, workerData: { path, synchronous, driver } });
    // Never what keeps a process alive, and never a crash of it: a dead worker hands the
    // checkpoints back to the writer's own automatic checkpoint.
    this.#worker.unref();
    this.#worker.on("message", (report: CheckpointReport) => this.#settled(report));
    this.#worker.on("error", (error) => this.#stopped(error.message));
    this.#worker.on("exit", () => this.#stopped("checkpoint worker exited"));
    db.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  }

  /** Called after each commit: asks for a checkpoint once enough was committed since the last. */
  afterCommit(): void {
    this.#commits++;
    if (!this.#alive || this.#inFlight) return;
    if (this.#commits < EVERY_COMMITS && performance.now() - this.#last < EVERY_MS) return;
    this.#request();
  }

  /** Asks for a checkpoint now and resolves with its report (for tests and shutdown paths). */
  checkpointNow(): Promise<CheckpointReport> {
    if (!this.#alive) return Promise.resolve({ ok: false, message: "checkpoint worker stopped" });
    const answered = new Promise<CheckpointReport>((resolve) => this.#waiters.push(resolve));
    if (!this.#inFlight) this.#request();
    return answered;
  }

  /** Stops the worker; it closes its connection, and the file's last connection checkpoints it. */
  close(): void {
    if (!this.#alive) return;
    this.#alive = false;
    this.#worker.postMessage("close");
  }

  #request(): void {
    this.#inFlight = true;
    this.#commits = 0;
    this.#last = performance.now();
    this.#worker.postMessage("checkpoint");
  }

  #settled(report: CheckpointReport): void {
    this.#inFlight = false;
    this.#answer(report);
  }

  #answer(report: CheckpointReport): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve(report);
  }

  #stopped(message: string): void {
    if (this.#alive && this.#db.open) {
      try {
        this.#db.pragma("wal_autocheckpoint = 1000");
      } catch {
        // Left at the backstop: the writer still checkpoints, only later.
      }
    }
    this.#alive = false;
    this.#inFlight = false;
    this.#answer({ ok: false, message });
  }
}
