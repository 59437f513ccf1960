import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { claimDueDeliveries, giveBack, type Result, recordDeliveryAttempt, upsertForwardOrders } from "@dropgate/core-domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliRun, runCliInProcess, runCliProcess } from "./support/run-cli.js";
import { type Harness, startHarness, TEST_TOKEN } from "./support/rpc-harness.js";

const worldPath = fileURLToPath(new URL("./fixtures/world.json", import.meta.url));

let h: Harness;
let dir: string;
let env: Record<string, string>;

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Runs the CLI in-process against the test server; `--json` answers are parsed. */
const dropgate = (...args: string[]) => runCliInProcess(args, env);
const json = (run: CliRun): unknown => {
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout);
};

beforeAll(async () => {
  h = await startHarness();
  dir = mkdtempSync(join(tmpdir(), "dropgate-cli-"));
  // DROPGATE_DB_PATH points at an empty folder so no token file on this machine is picked up.
  env = { DROPGATE_RPC_URL: h.server.url, DROPGATE_RPC_TOKEN: TEST_TOKEN, DROPGATE_DB_PATH: join(dir, "none.sqlite") };
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("dropgate CLI as a process", () => {
  it("prints clean JSON on stdout and nothing on stderr", async () => {
    const run = await runCliProcess(["system", "health", "--json"], env);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: "ok" });
  });

  it("exits 3 without a token and says how to give one", async () => {
    const run = await runCliProcess(["clients", "list"], { DROPGATE_RPC_URL: h.server.url, DROPGATE_DB_PATH: join(dir, "none.sqlite") });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("DROPGATE_RPC_TOKEN");
    expect(run.stdout).toBe("");
  });

  it("exits 2 on a usage error, saying why on stderr", async () => {
    const run = await runCliProcess(["stock", "adjust", "abc", "1", "--reason", "x"], env);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("expected an integer");
    expect(run.stdout).toBe("");
  });
});

describe("dropgate CLI", () => {
  it("shows the root invocation and the exit codes in --help", async () => {
    const run = await dropgate("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("./dropgate system health");
    expect(run.stdout).toContain("Exit codes: 0 done");
  });

  it("answers health as JSON", async () => {
    expect(json(await dropgate("system", "health", "--json"))).toMatchObject({ status: "ok" });
  });

  it("exits 3 without a token and says how to give one", async () => {
    const run = await runCliInProcess(["clients", "list"], { DROPGATE_RPC_URL: h.server.url, DROPGATE_DB_PATH: join(dir, "none.sqlite") });
    expect(run.code).toBe(3);
    expect(run.stderr).toContain("DROPGATE_RPC_TOKEN");
    expect(run.stdout).toBe("");
  });

  it("exits 4 when the server cannot be reached", async () => {
    const run = await runCliInProcess(["system", "counts"], { ...env, DROPGATE_RPC_URL: "http://127.0.0.1:9/trpc" });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain("cannot reach the internal RPC");
  });

  it("creates a client and lists it, as JSON and as a table", async () => {
    const issued = json(await dropgate("--json", "clients", "create", "cli-shop", "--dialect", "optoro", "--scope", "buyer")) as {
      client: { name: string };
      secret: string;
    };
    expect(issued.client.name).toBe("cli-shop");
    expect(issued.secret.length).toBeGreaterThan(20);
    const table = await dropgate("clients", "list");
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID\s+NAME\s+DIALECT/);
    expect(table.stdout).toContain("cli-shop");
  });

  it("creates a RetailOps vendor with its name and prints the apikey it sends; sets its PO setting", async () => {
    const args = ["clients", "create", "deben", "--dialect", "retailops", "--scope", "vendor", "--vendor-id", "27", "--vendor-name", "Deben"];
    const issued = json(await dropgate("--json", ...args)) as { client: { vendorName: string }; key: string; secret: string; apikey: string };
    expect(issued.client.vendorName).toBe("Deben");
    expect(issued.apikey).toBe(`${issued.key}.${issued.secret}`);
    const shown = await dropgate("clients", "show", "deben");
    expect(shown.stdout).toMatch(/vendor name:\s+Deben/);
    const setting = json(await dropgate("--json", "vendors", "change-pos-after-submit", "27", "on")) as { changePosAfterSubmit: boolean };
    expect(setting.changePosAfterSubmit).toBe(true);
    expect((await dropgate("vendors", "show", "27")).stdout).toMatch(/change POs after submit:\s+on/);
  });

  it("loads a world file and prints the issued credentials as JSON keyed by client name", async () => {
    const run = await dropgate("load", worldPath);
    expect(run.code).toBe(0);
    const credentials = JSON.parse(run.stdout) as Record<string, { key: string; secret: string }>;
    expect(Object.keys(credentials).sort()).toEqual(["north-buyer", "north-vendor", "south-buyer"]);
    expect(credentials["north-buyer"]?.secret.length).toBeGreaterThan(20);
    expect(run.stderr).toContain("clients: 3 created");
    expect((await h.rpc.stock.positions.query({ sku: "NV-100" })).rows[0]?.onHand).toBe(12);
  });

  it("refuses an invalid world file with exit 2 and the field at fault", async () => {
    const bad = join(dir, "bad-world.json");
    writeFileSync(bad, JSON.stringify({ clients: [{ name: "x", dialect: "fax", scope: "buyer" }] }));
    const run = await dropgate("load", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("clients.0.dialect");
  });

  it("loads the demo twice without duplicating anything", async () => {
    const first = json(await dropgate("demo", "--json")) as { credentials: Record<string, unknown> };
    expect(Object.keys(first.credentials).sort()).toEqual(["acme-vendor", "demo-buyer", "demo-retailer", "rewix-buyer"]);
    const counts = await h.rpc.system.counts.query();
    const second = json(await dropgate("demo", "--json")) as { credentials: Record<string, unknown>; clients: { existing: number } };
    expect(second.credentials).toEqual({});
    expect(second.clients.existing).toBe(4);
    expect(await h.rpc.system.counts.query()).toEqual(counts);
  });

  it("moves a unit and shows its history", async () => {
    await h.rpc.world.demo.mutate();
    expect((await dropgate("units", "move", "LPN0000014", "--to", "rts_drop_ship", "--user", "ops")).code).toBe(0);
    const history = json(await dropgate("units", "history", "LPN0000014", "--json")) as { events: { toDisposition: string }[] };
    expect(history.events.map((e) => e.toDisposition)).toEqual(["rts_drop_ship"]);
  });

  it("names clients by name in tables and shows a next attempt only for a pending delivery", async () => {
    await h.rpc.world.demo.mutate();
    const sub = await h.rpc.webhooks.subscribe.mutate({
      client: "demo-buyer",
      url: "http://127.0.0.1:9/hooks",
      auth: { kind: "none" },
      eventTypes: ["disposition_update"],
    });
    const subs = await dropgate("webhooks", "subs", "--client", "demo-buyer");
    expect(subs.stdout).toMatch(new RegExp(`^\\s*${sub.id}\\s+demo-buyer\\s`, "m"));
    // In --json mode the server's ids come through unchanged.
    expect((json(await dropgate("--json", "webhooks", "subs", "--client", "demo-buyer")) as { clientId: number }[])[0]?.clientId).toBe(sub.clientId);

    await h.rpc.units.move.mutate({ lp: "LPN0000013", toDisposition: "rts_drop_ship" });
    await h.rpc.units.move.mutate({ lp: "LPN0000013", toDisposition: "rts" });
    const ctx = { store: h.storage, now: () => new Date() };
    // The dispatcher's part, by hand: one delivery of this subscription got through, one will be retried.
    const claimed = claimDueDeliveries(ctx, { owner: "cli-test", limit: 100, leaseMs: 60_000 });
    if (!claimed.ok) throw new Error("claim failed");
    const ours = claimed.value.filter((d) => d.subscriptionId === sub.id).map((d) => d.id);
    expect(ours).toHaveLength(2);
    const [delivered = 0, retried = 0] = ours;
    expect(recordDeliveryAttempt(ctx, { id: delivered, owner: "cli-test", outcome: "delivered" }).ok).toBe(true);
    expect(recordDeliveryAttempt(ctx, { id: retried, owner: "cli-test", outcome: "retry", error: "HTTP 503" }).ok).toBe(true);
    const rows = (await dropgate("webhooks", "deliveries", "--subscription", String(sub.id))).stdout.split("\n");
    const header = rows[0] ?? "";
    const nextAt = header.indexOf("NEXT");
    const rowOf = (id: number) => rows.find((r) => new RegExp(`^\\s*${id}\\s`).test(r)) ?? "";
    expect(rowOf(delivered)).toContain("delivered");
    expect(rowOf(delivered).slice(nextAt).trimStart().startsWith("-")).toBe(true);
    expect(rowOf(retried)).toContain("pending");
    expect(rowOf(retried).slice(nextAt)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it("shows a delivery's attempts and retries every parked delivery of a subscription", async () => {
    await h.rpc.world.demo.mutate();
    const sub = await h.rpc.webhooks.subscribe.mutate({ client: "demo-buyer", url: "http://127.0.0.1:9/hooks", auth: { kind: "none" }, eventTypes: ["disposition_update"] });
    await h.rpc.units.move.mutate({ lp: "LPN0000013", toDisposition: "rts_drop_ship" });
    const ctx = { store: h.storage, now: () => new Date() };
    const [delivery] = must(claimDueDeliveries(ctx, { owner: "cli-test", limit: 10, leaseMs: 60_000 })).filter((d) => d.subscriptionId === sub.id);
    if (!delivery) throw new Error("no delivery for the subscription");
    const exchange = { startedAt: "2026-12-01T09:00:00.000Z", latencyMs: 17, outcome: "connection_error" as const, error: "connection failed: ECONNREFUSED" };
    must(recordDeliveryAttempt(ctx, { id: delivery.id, owner: "cli-test", outcome: "fail", error: exchange.error, exchanges: [exchange] }));

    const shown = await dropgate("webhooks", "attempts", String(delivery.id));
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(/^TRY\s+STARTED\s+STATUS\s+MS\s+OUTCOME/);
    expect(shown.stdout).toMatch(/2026-12-01T09:00:00.000Z\s+-\s+17\s+connection_error\s+connection failed: ECONNREFUSED\s+cli-test/);

    expect((await dropgate("webhooks", "retry", "1", "--subscription", String(sub.id))).code).toBe(2);
    const retried = await dropgate("webhooks", "retry", "--subscription", String(sub.id));
    expect(retried.stdout).toContain(`1 failed delivery of subscription #${sub.id} queued again`);
    expect(h.storage.read((r) => r.getDelivery(delivery.id))).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("matches a returned unit to its forward order by tracking number", async () => {
    await h.rpc.world.demo.mutate();
    const retailer = h.storage.read((r) => r.getClientByName("demo-retailer"));
    if (!retailer) throw new Error("no demo retailer");
    must(
      upsertForwardOrders(
        { store: h.storage, now: () => new Date() },
        {
          clientId: retailer.id,
          orders: [
            { identifier: "1193Z93LL", items: [{ identifier: "it-1", upc: "848709033673", sku: "0123445667A", quantity: 2, trackingNumber: "1Z999AA10123456784" }] },
            { identifier: "OTHER", items: [{ identifier: "it-9", upc: "1", sku: "X", quantity: 1, trackingNumber: "1ZOTHER" }] },
          ],
        },
      ),
    );
    const run = await dropgate("forward-orders", "match", "--tracking", "1Z999AA10123456784");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^ORDER\s+CLIENT\s+ITEM\s+SKU\s+UPC\s+QTY\s+TRACKING/);
    expect(run.stdout).toMatch(/1193Z93LL\s+demo-retailer\s+it-1\s+0123445667A\s+848709033673\s+2\s+1Z999AA10123456784/);
    expect(run.stdout).not.toContain("OTHER");
    const byUpc = await h.rpc.forwardOrders.search.query({ upc: "848709033673", client: "demo-retailer" });
    expect(byUpc.rows.map((o) => o.identifier)).toEqual(["1193Z93LL"]);
    expect((await dropgate("forward-orders", "match")).code).toBe(2);
  });

  it("exits 1 with the domain code when the server refuses", async () => {
    const human = await dropgate("orders", "show", "424242");
    expect(human.code).toBe(1);
    expect(human.stderr).toContain("error:");
    expect(human.stderr).toContain("NOT_FOUND");
    expect((await dropgate("clients", "create", "dup-shop", "--dialect", "optoro", "--scope", "buyer")).code).toBe(0);
    const machine = await dropgate("--json", "clients", "create", "dup-shop", "--dialect", "optoro", "--scope", "buyer");
    expect(machine.code).toBe(1);
    expect(machine.stdout).toBe("");
    expect(JSON.parse(machine.stderr)).toMatchObject({ error: "CONFLICT", domainCode: "CONFLICT", field: "name" });
    const invalid = await dropgate("carriers", "set", "0", "UPS", "--cost-cents", "1");
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("invalid input to carriers.upsert");
    expect(invalid.stderr).toMatch(/^ {2}id: /m);
  });

  it("exits 2 on a usage error", async () => {
    const badArgument = await dropgate("stock", "adjust", "abc", "1", "--reason", "x");
    expect(badArgument.code).toBe(2);
    expect(badArgument.stderr).toContain("expected an integer");
    const missingOption = await dropgate("clients", "create", "nameless");
    expect(missingOption.code).toBe(2);
    expect(missingOption.stderr).toContain("--dialect");
  });

  it("imports 10,000 stock rows from CSV in batches and the counts add up", async () => {
    const file = join(dir, "stock.csv");
    const lines = ["sku,condition,channel,on_hand,price_cents"];
    for (let i = 0; i < 10_000; i++) lines.push(`BULK-${String(i).padStart(5, "0")},${"NABR"[i % 4]},rts_drop_ship,${i % 7},${100 + i}`);
    writeFileSync(file, `${lines.join("\n")}\n`);

    const summary = json(await dropgate("import", "stock", file, "--json")) as { rows: number; batches: number };
    expect(summary).toMatchObject({ rows: 10_000, batches: 2 });

    const page = await h.rpc.stock.positions.query({ sku: "BULK-09999" });
    expect(page.rows[0]).toMatchObject({ condition: "R", onHand: 9_999 % 7, priceCents: 10_099 });
    const bulk = h.storage.read((r) => {
      let rows = 0;
      let onHand = 0;
      for (let afterId: number | undefined, more = true; more; ) {
        const p = r.listPositions({ limit: 1_000, afterId });
        for (const row of p.rows) {
          if (!row.sku.startsWith("BULK-")) continue;
          rows++;
          onHand += row.onHand;
        }
        afterId = p.nextAfterId ?? undefined;
        more = p.nextAfterId !== null;
      }
      return { rows, onHand };
    });
    let expected = 0;
    for (let i = 0; i < 10_000; i++) expected += i % 7;
    expect(bulk).toEqual({ rows: 10_000, onHand: expected });
    expect(await h.rpc.system.check.query()).toEqual({ ok: true, violations: [] });
  });

  it("imports products from JSON and from CSV, keeping a UPC's leading zero", async () => {
    const jsonFile = join(dir, "products.json");
    writeFileSync(jsonFile, JSON.stringify([{ sku: "JSON-1", title: "One" }, { sku: "JSON-2", vendorId: "27", vpc: "J2" }]));
    expect(json(await dropgate("--json", "import", "products", jsonFile))).toMatchObject({ rows: 2, batches: 1 });
    expect((await h.rpc.products.get.query({ sku: "JSON-2" })).product.vpc).toBe("J2");

    const csv = join(dir, "products.csv");
    writeFileSync(csv, 'sku,upc,title,vendor_id,vpc\nCSV-1,012345678905,"Drill, cordless",27,C1\n');
    const run = await dropgate("import", "products", csv);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("imported 1 rows of products");
    expect((await h.rpc.products.get.query({ sku: "CSV-1" })).product).toMatchObject({ upc: "012345678905", title: "Drill, cordless", vendorId: "27" });
  });

  it("refuses a bad CSV whole, naming the lines", async () => {
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "sku,condition,onHand\nGOOD-1,N,1\nBAD-1,Z,1\nBAD-2,N,-4\n");
    const run = await dropgate("import", "stock", bad);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("bad.csv:3: condition");
    expect(run.stderr).toContain("bad.csv:4: onHand");
    expect((await h.rpc.stock.positions.query({ sku: "GOOD-1" })).rows).toEqual([]);
  });

  it("says how far an import got when the server refuses a later batch", async () => {
    // A lot holds 0 or 1: the schema lets onHand 2 through, the use case refuses it.
    const file = join(dir, "lots.csv");
    writeFileSync(file, "sku,condition,onHand,kind\nPART-1,N,1,unit\nPART-2,N,1,unit\nPART-3,N,2,lot\n");
    const run = await dropgate("--json", "import", "stock", file, "--batch-size", "2");
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stderr)).toMatchObject({ error: "BAD_REQUEST", domainCode: "VALIDATION", imported: 2 });
    expect((await h.rpc.stock.positions.query({ sku: "PART-2" })).rows).toHaveLength(1);
    expect((await h.rpc.stock.positions.query({ sku: "PART-3" })).rows).toEqual([]);
  });

  it("shows a buyer's give-back caps and their history, and clears them", async () => {
    const issued = await h.rpc.clients.create.mutate({ name: "capped-shop", dialect: "optoro", scope: "buyer" });
    const position = await h.rpc.stock.set.mutate({ sku: "CAP-1", condition: "N", onHand: 9 });
    // The buyer's own PUT /listings/{id}, through the use case the Optoro facade calls.
    const given = giveBack({ store: h.storage, now: () => new Date() }, { clientId: issued.client.id, sku: "CAP-1", condition: "N", channel: "rts_drop_ship", quantity: 2 });
    expect(given.ok).toBe(true);
    expect(json(await dropgate("--json", "stock", "caps", "list", "--client", "capped-shop"))).toEqual([
      { clientId: issued.client.id, positionId: position.id, cap: 2, updatedAt: expect.any(String) },
    ]);
    const history = await dropgate("stock", "caps", "history", "capped-shop");
    expect(history.code).toBe(0);
    expect(history.stdout).toMatch(/give_back\s+\+2\s+2\s+listing_update/);
    const cleared = await dropgate("stock", "caps", "clear", "capped-shop", "--position", String(position.id), "--reason", "ticket 42");
    expect([cleared.code, cleared.stdout.split("\n")[0]]).toEqual([0, "1 cap(s) cleared"]);
    // The rest through the RPC the CLI calls: each CLI process costs seconds on a busy machine.
    expect(await h.rpc.stock.caps.query({ positionId: position.id })).toEqual([]);
    expect((await h.rpc.stock.capMovements.query({ client: "capped-shop" })).at(-1)).toMatchObject({ kind: "cleared", cause: { type: "operator", ref: "ticket 42" } });
    await expect(h.rpc.stock.clearCaps.mutate({ client: "capped-shop", positionId: position.id })).rejects.toMatchObject({ data: { domainCode: "NOT_FOUND" } });
    expect((await h.rpc.system.check.query()).ok).toBe(true);
  });

  it("exits 1 from system check when a position disagrees with its ledger", async () => {
    const position = await h.rpc.stock.set.mutate({ sku: "CORRUPT-1", condition: "N", onHand: 1 });
    expect((await dropgate("system", "check")).code).toBe(0);
    // Corrupt one position behind the ledger's back (this test runs last in the file).
    h.storage.db.prepare("UPDATE stock_positions SET on_hand = on_hand + 1 WHERE id = ?").run(position.id);
    const run = await dropgate("system", "check");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`position ${position.id}:`);
    expect(run.stderr).toContain("ledger invariant violated");
  });
});
