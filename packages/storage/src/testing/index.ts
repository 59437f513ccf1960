import { randomUUID } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStorage, type StorageOptions } from "../open-storage.js";
import type { SqliteStorage } from "../sqlite-storage.js";

/** A storage on its own throwaway file; `cleanup()` closes it and deletes the file. */
export type TestStorage = SqliteStorage & { cleanup(): void };

let template: Promise<string> | undefined;

/** Migrates one template file per process, in its own temporary folder. */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const folder = mkdtempSync(join(tmpdir(), "dropgate-storage-"));
    process.once("exit", () => rmSync(folder, { recursive: true, force: true }));
    const path = join(folder, "template.sqlite");
    // Closing the only connection checkpoints the WAL, so the file alone holds the schema.
    (await openStorage({ path })).close();
    return path;
  })();
  return template;
}

/** A fresh, migrated database for one test: a copy of the per-process template. */
export async function createTestStorage(options: Omit<StorageOptions, "path"> = {}): Promise<TestStorage> {
  const source = await migratedTemplate();
  const path = join(source, "..", `${randomUUID()}.sqlite`);
  copyFileSync(source, path);
  const storage = await openStorage({ ...options, path });
  return Object.assign(storage, {
    cleanup(): void {
      if (storage.db.open) storage.close();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
    },
  });
}

export { failCommitsOn } from "./fail-commits.js";
