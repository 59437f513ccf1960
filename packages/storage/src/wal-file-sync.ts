import { closeSync, fsync, fsyncSync, openSync } from "node:fs";
import { dirname } from "node:path";
import type { WalSync } from "./group-commit.js";

/**
 * fsync of one database's WAL file through a descriptor of its own (Linux syncs a file's data
 * whichever descriptor asks). Opened at the first sync, after the first COMMIT created the file;
 * the folder is synced once then too, so the new file's directory entry is on disk as well. The
 * WAL is never deleted while the connection that writes it is open, so one descriptor serves.
 */
export class WalFileSync {
  #fd: number | undefined;
  /** fsyncs on the thread pool not yet returned; the descriptor closes after the last. */
  #inFlight = 0;
  #closing = false;

  constructor(private readonly dbPath: string) {}

  /** The asynchronous sync group commit runs on libuv's thread pool. */
  readonly sync: WalSync = (done) => {
    let fd: number;
    try {
      fd = this.#open();
    } catch (error) {
      done(error as Error);
      return;
    }
    this.#inFlight++;
    fsync(fd, (error) => {
      this.#inFlight--;
      if (this.#closing && this.#inFlight === 0) this.#closeNow();
      done(error);
    });
  };

  /** Syncs now, blocking (at close, which cannot wait). */
  syncNow(): void {
    fsyncSync(this.#open());
  }

  /** Closes the descriptor, once no fsync on the thread pool still uses it. */
  close(): void {
    this.#closing = true;
    if (this.#inFlight === 0) this.#closeNow();
  }

  #closeNow(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
  }

  #open(): number {
    if (this.#fd === undefined) {
      this.#fd = openSync(`${this.dbPath}-wal`, "r");
      const folder = openSync(dirname(this.dbPath), "r");
      try {
        fsyncSync(folder);
      } finally {
        closeSync(folder);
      }
    }
    return this.#fd;
  }
}
