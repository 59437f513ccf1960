import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateToLatest, openStorage } from "@dropgate/storage";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { migrations } from "../src/migrations/index.js";
import { runFixture } from "./fixtures/run-fixture.js";
import { seedClient } from "./seed.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "dropgate-migrations-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const EXPECTED_TABLES = [
  "access_tokens",
  "buyer_cap_movements",
  "buyer_caps",
  "carriers",
  "clients",
  "disposition_events",
  "forward_order_items",
  "forward_orders",
  "ledger_movements",
  "order_items",
  "orders",
  "position_counts",
  "products",
  "purchase_order_items",
  "purchase_orders",
  "reservations",
  "ship_classes",
  "shipment_items",
  "shipments",
  "stock_positions",
  "units",
  "vendor_settings",
  "webhook_deliveries",
  "webhook_delivery_attempts",
  "webhook_subscriptions",
];

describe("openStorage on an empty file", () => {
  it("creates the folder, migrates every table as STRICT and sets the connection pragmas", async () => {
    const path = join(folder, "nested", "deeper", "dropgate.sqlite");
    const storage = await openStorage({ path });
    try {
      expect(existsSync(path)).toBe(true);
      const tables = storage.db
        .prepare("select name, strict from pragma_table_list where schema = 'main' and name not like 'sqlite_%' and name not like 'kysely_%' order by name")
        .all() as { name: string; strict: number }[];
      expect(tables.map((t) => t.name)).toEqual(EXPECTED_TABLES);
      expect(tables.every((t) => t.strict === 1)).toBe(true);

      expect(storage.db.pragma("journal_mode", { simple: true })).toBe("wal");
      expect(storage.db.pragma("foreign_keys", { simple: true })).toBe(1);
      expect(storage.db.pragma("busy_timeout", { simple: true })).toBe(5000);
      // FULL is kept by group commit syncing the WAL itself, off the JS thread; the connection runs NORMAL.
      expect(storage.synchronous).toBe("FULL");
      expect(storage.db.pragma("synchronous", { simple: true })).toBe(1);
      expect(storage.path).toBe(path);
    } finally {
      storage.close();
    }
  });

  it("honours synchronous NORMAL when asked", async () => {
    const storage = await openStorage({ path: join(folder, "normal.sqlite"), synchronous: "NORMAL" });
    expect(storage.synchronous).toBe("NORMAL");
    expect(storage.db.pragma("synchronous", { simple: true })).toBe(1);
    storage.close();
  });
});

describe("reopening an existing file", () => {
  it("keeps the data and does not run migrations again", async () => {
    const path = join(folder, "dropgate.sqlite");
    const first = await openStorage({ path });
    const client = first.transaction((tx) => seedClient(tx, "acme"));
    const ranAt = first.db.prepare("select name, timestamp from kysely_migration").all();
    first.close();

    const second = await openStorage({ path });
    try {
      expect(second.read((r) => r.getClient(client.id))).toEqual(client);
      expect(second.db.prepare("select name, timestamp from kysely_migration").all()).toEqual(ranAt);
      expect(ranAt).toEqual(Object.keys(migrations).map((name) => ({ name, timestamp: expect.any(String) })));
      // Running the migrator by hand on a current file is a no-op too.
      expect(await migrateToLatest(second.db)).toEqual({ applied: [] });
    } finally {
      second.close();
    }
  });

  it("lets three processes open one fresh file at the same time: one migrates, all write", async () => {
    const path = join(folder, "race.sqlite");
    const children = ["a", "b", "c"].map((name) => runFixture("open-and-write.ts", [path, name]));
    const outcomes = await Promise.all(children.map((c) => c.exit));
    expect(outcomes).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    const storage = await openStorage({ path });
    try {
      expect(storage.read((r) => r.listClients().map((c) => c.name)).sort()).toEqual(["a", "b", "c"]);
      expect(storage.db.prepare("select name from kysely_migration").pluck().all()).toEqual(Object.keys(migrations));
    } finally {
      storage.close();
    }
  });
});
