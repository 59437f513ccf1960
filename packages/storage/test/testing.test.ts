import { existsSync } from "node:fs";
import { createTestStorage } from "@dropgate/storage/testing";
import { expect, it } from "vitest";
import { seedClient } from "./seed.js";

it("hands out migrated, independent databases and deletes them on cleanup", async () => {
  const [a, b] = await Promise.all([createTestStorage(), createTestStorage()]);
  expect(a.path).not.toBe(b.path);
  a.transaction((tx) => seedClient(tx, "only-in-a"));
  expect(b.read((r) => r.listClients())).toEqual([]);
  expect(a.read((r) => r.counts().clients)).toBe(1);
  a.cleanup();
  b.cleanup();
  expect(existsSync(a.path)).toBe(false);
  expect(existsSync(`${a.path}-wal`)).toBe(false);
  a.cleanup(); // twice is harmless
});
