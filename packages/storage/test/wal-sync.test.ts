import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStorage, SyncFailedError } from "@dropgate/storage";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BackgroundCheckpoint } from "../src/background-checkpoint.js";
import { GroupCommit, type WalSync } from "../src/group-commit.js";

/*
 * FULL without a sync on the JS thread: the connection commits at NORMAL and group commit syncs
 * the WAL on the thread pool before anyone is answered. These tests hold the sync in their hand
 * (a WalSync that only records its callbacks) on a real file, and check that no waiter is
 * answered before the sync after its commit returned.
 */

let folder: string;
let db: Database.Database;
let other: Database.Database;
let held: Array<(error: Error | null) => void>;
let group: GroupCommit;
const heldSync: WalSync = (done) => {
  held.push(done);
};

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "dropgate-walsync-"));
  const path = join(folder, "t.sqlite");
  db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec("create table t (id integer primary key, v text not null)");
  other = new Database(path, { readonly: true });
  held = [];
  group = new GroupCommit(db, { maxWrites: 128, maxOpenMs: 60_000 }, undefined, heldSync);
});
afterEach(() => {
  other.close();
  db.close();
  rmSync(folder, { recursive: true, force: true });
});

/** One use case of the open batch, as SqliteStorage runs it. */
function write(v: string): void {
  group.enter();
  db.prepare("insert into t (v) values (?)").run(v);
}
const committed = () => other.prepare("select v from t order by id").pluck().all();
const settledState = async (p: Promise<void>) => {
  let state = "pending";
  p.then(
    () => {
      state = "resolved";
    },
    () => {
      state = "rejected";
    },
  );
  await new Promise((r) => setImmediate(r));
  await new Promise((r) => setImmediate(r));
  return state;
};

describe("group commit with the WAL synced off the JS thread", () => {
  it("answers a committed write only once the sync started after its COMMIT has returned", async () => {
    const mark = group.mark();
    write("a");
    const answered = group.durable(mark);
    group.commit();
    // Committed: another connection reads it. Not yet on disk for sure: nobody is answered.
    expect(committed()).toEqual(["a"]);
    expect(held).toHaveLength(1);
    expect(await settledState(answered)).toBe("pending");
    held[0]?.(null);
    expect(await settledState(answered)).toBe("resolved");
  });

  it("makes a read that saw a committed, unsynced write wait for that sync too", async () => {
    write("a");
    group.commit();
    // A request that starts now may read "a": its mark covers the batch still being synced.
    const readerMark = group.mark();
    const readerAnswer = group.durable(readerMark);
    expect(await settledState(readerAnswer)).toBe("pending");
    held[0]?.(null);
    expect(await settledState(readerAnswer)).toBe("resolved");
  });

  it("runs one sync at a time; batches committed meanwhile share the next one", async () => {
    const first = group.durable(group.mark());
    write("a");
    group.commit();
    const secondMark = group.mark();
    write("b");
    group.commit();
    write("c");
    group.commit();
    const second = group.durable(secondMark);
    expect(held).toHaveLength(1);
    held[0]?.(null);
    expect(await settledState(first)).toBe("resolved");
    // The first sync began before "b" and "c" were committed: it does not cover them.
    expect(await settledState(second)).toBe("pending");
    expect(held).toHaveLength(2);
    held[1]?.(null);
    expect(await settledState(second)).toBe("resolved");
  });

  it("rejects the waiters of a batch whose sync failed, even when a later batch synced fine", async () => {
    const mark = group.mark();
    write("a");
    group.commit();
    write("b");
    group.commit();
    const answer = group.durable(mark);
    held[0]?.(new Error("EIO"));
    held[1]?.(null);
    await expect(answer).rejects.toBeInstanceOf(SyncFailedError);
    await expect(group.durable(mark)).rejects.toThrow(/may not survive a power loss: EIO/);
  });

  it("acknowledges nothing after a failed sync, even when a later fsync succeeds", async () => {
    write("a");
    group.commit();
    held[0]?.(new Error("EIO"));
    // Linux may have dropped the pages the failed fsync could not write; the next one can succeed.
    const mark = group.mark();
    write("b");
    const later = group.durable(mark);
    group.commit();
    held[1]?.(null);
    await expect(later).rejects.toBeInstanceOf(SyncFailedError);
  });

  it("settles the waiters at once when the caller synced by itself (close)", async () => {
    const answer = group.durable(group.mark());
    write("a");
    group.commit();
    expect(group.syncPending).toBe(true);
    group.syncedNow();
    expect(group.syncPending).toBe(false);
    expect(await settledState(answer)).toBe("resolved");
    // The thread-pool sync returning later settles nothing twice.
    held[0]?.(null);
  });
});

describe("openStorage at FULL", () => {
  it("syncs the WAL itself, answers after the sync, and leaves nothing pending at close", async () => {
    const storage = await openStorage({ path: join(folder, "full.sqlite") });
    expect(storage.synchronous).toBe("FULL");
    const mark = storage.commitMark();
    storage.transaction((tx) =>
      tx.insertClient({ name: "c", dialect: "optoro", scope: "buyer", vendorId: null, key: "k", secretHash: "x", ecreditCents: 0, autoConfirm: false, at: new Date().toISOString() }),
    );
    await storage.durable(mark);
    const reader = new Database(join(folder, "full.sqlite"), { readonly: true });
    expect(reader.prepare("select name from clients").pluck().all()).toEqual(["c"]);
    reader.close();
    // A write committed by close itself is synced there, before close returns.
    const last = storage.commitMark();
    storage.transaction((tx) =>
      tx.insertClient({ name: "d", dialect: "optoro", scope: "buyer", vendorId: null, key: "k2", secretHash: "x", ecreditCents: 0, autoConfirm: false, at: new Date().toISOString() }),
    );
    const lastAnswer = storage.durable(last);
    storage.close();
    await expect(lastAnswer).resolves.toBeUndefined();
  });

  it("checkpoints the WAL from a worker thread when asked to", async () => {
    const storage = await openStorage({ path: join(folder, "bg.sqlite"), checkpoint: "background" });
    const at = new Date().toISOString();
    for (let i = 0; i < 40; i++) {
      storage.transaction((tx) => tx.insertClient({ name: `c${i}`, dialect: "optoro", scope: "buyer", vendorId: null, key: `k${i}`, secretHash: "x", ecreditCents: 0, autoConfirm: false, at }));
      await storage.durable();
    }
    const report = await storage.checkpointer!.checkpointNow();
    expect(report.ok).toBe(true);
    expect(report.log).toBeGreaterThan(0);
    expect(report.checkpointed).toBe(report.log);
    // The writer's own automatic checkpoint is only a backstop now.
    expect(storage.db.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
    for (let i = 40; i < 50; i++) {
      storage.transaction((tx) => tx.insertClient({ name: `c${i}`, dialect: "optoro", scope: "buyer", vendorId: null, key: `k${i}`, secretHash: "x", ecreditCents: 0, autoConfirm: false, at }));
    }
    storage.close();
    // Closing copied the WAL into the file: what is left of it holds nothing to replay.
    const probe = new Database(join(folder, "bg.sqlite"));
    const [after] = probe.pragma("wal_checkpoint(PASSIVE)") as { log: number; checkpointed: number }[];
    expect(after?.checkpointed).toBe(after?.log);
    expect(probe.prepare("select count(*) from clients").pluck().get()).toBe(50);
    probe.close();
  });

  it("hands the checkpoints back to the writer when the worker cannot run", async () => {
    const checkpointer = new BackgroundCheckpoint(db, join(folder, "missing", "gone.sqlite"), "FULL");
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(10_000);
    const report = await checkpointer.checkpointNow();
    expect(report.ok).toBe(false);
    expect(db.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    checkpointer.close();
  });
});
