import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoWorld, WorldFile, type WorldFileInput } from "../src/index.js";
import { rejection } from "./support/rejection.js";
import { type Harness, startHarness } from "./support/rpc-harness.js";

const worldFile: WorldFileInput = JSON.parse(readFileSync(new URL("./fixtures/world.json", import.meta.url), "utf8"));

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe("loading a world", () => {
  it("creates everything and answers credentials keyed by client name", async () => {
    const report = await h.rpc.world.load.mutate(worldFile);
    expect(Object.keys(report.credentials).sort()).toEqual(["north-buyer", "north-vendor", "south-buyer"]);
    expect(report.credentials["north-vendor"]).toMatchObject({ dialect: "retailops", scope: "vendor", vendorId: "41" });
    expect(report).toMatchObject({ clients: { created: 3 }, units: { created: 2 }, subscriptions: { created: 1 }, products: 2, stock: 2 });

    expect((await h.rpc.settings.get.query({ client: "south-buyer" })).autoConfirm).toBe(true);
    const lot = (await h.rpc.stock.positions.query({ sku: "LOT-1" })).rows[0];
    expect(lot).toMatchObject({ kind: "lot", onHand: 1 });
    expect(lot?.lot?.manifestItems).toHaveLength(1);
    expect((await h.rpc.stock.positions.query({ sku: "OP-200" })).rows.map((p) => p.onHand)).toEqual([2]);
    expect(await h.rpc.system.check.query()).toEqual({ ok: true, violations: [] });
  });

  it("changes nothing when loaded again, and issues no new secrets", async () => {
    await h.rpc.world.load.mutate(worldFile);
    const before = await h.rpc.system.counts.query();
    const again = await h.rpc.world.load.mutate(worldFile);
    expect(again.credentials).toEqual({});
    expect(again).toMatchObject({ clients: { created: 0, existing: 3 }, units: { created: 0, existing: 2 }, subscriptions: { created: 0, existing: 1 } });
    expect(await h.rpc.system.counts.query()).toEqual(before);
  });

  it("refuses a client that exists with another dialect, keeping the credentials issued before it", async () => {
    await h.rpc.clients.create.mutate({ name: "south-buyer", dialect: "optoro", scope: "buyer" });
    const error = await rejection(h.rpc.world.load.mutate(worldFile));
    expect(error.data).toMatchObject({ code: "CONFLICT", domainCode: "CONFLICT" });
    expect(error.message).toContain("client south-buyer");
    expect(Object.keys(error.data?.details?.credentials ?? {}).sort()).toEqual(["north-buyer", "north-vendor"]);
  });

  it("refuses a world whose units and stock rows feed the same position, with the zod path", async () => {
    const clash = {
      ...worldFile,
      stock: [{ sku: "OP-200", condition: "A" as const, channel: "rts_drop_ship", onHand: 3 }],
    };
    const error = await rejection(h.rpc.world.load.mutate(clash));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("units");
    expect((await h.rpc.system.counts.query()).clients).toBe(0);
  });
});

describe("the demo world", () => {
  it("has the vendor, the buyer, units in several conditions, lots and ship classes", () => {
    const world = WorldFile.parse(demoWorld);
    expect(world.clients.find((c) => c.name === "acme-vendor")).toMatchObject({ scope: "vendor", vendorId: "27", vendorName: "Acme" });
    expect(world.clients.find((c) => c.name === "demo-buyer")).toMatchObject({ dialect: "optoro", scope: "buyer" });
    expect(world.clients.find((c) => c.name === "demo-retailer")).toMatchObject({ dialect: "optoro", scope: "forward_order_sender" });
    expect(world.products.some((p) => p.vendorId === "27" && p.vpc === "ABC123")).toBe(true);
    expect(new Set(world.units.filter((u) => u.disposition === "rts_drop_ship").map((u) => u.condition)).size).toBeGreaterThan(2);
    expect(world.stock.filter((s) => s.kind === "lot").every((s) => (s.lot?.manifestItems.length ?? 0) > 0)).toBe(true);
    expect(world.shipClasses).toEqual(
      expect.arrayContaining([
        { id: 7, name: "FedEx Ground", carrier: "FedEx", defaultWeight: null, defaultCostCents: null },
        { id: 62, name: "UPS Ground", carrier: "UPS", defaultWeight: null, defaultCostCents: null },
      ]),
    );
    // Every carrier of RetailOps' published classes is there (retailops-rewix.md A4.5).
    expect(new Set(world.shipClasses.map((c) => c.carrier))).toEqual(new Set(["FedEx", "UPS", "USPS", "LTL"]));
  });

  it("loads twice without duplicating anything", async () => {
    const first = await h.rpc.world.demo.mutate();
    expect(Object.keys(first.credentials).sort()).toEqual(["acme-vendor", "demo-buyer", "demo-retailer", "rewix-buyer"]);
    const counts = await h.rpc.system.counts.query();
    const second = await h.rpc.world.demo.mutate();
    expect(second.credentials).toEqual({});
    expect(await h.rpc.system.counts.query()).toEqual(counts);
    expect(await h.rpc.system.check.query()).toEqual({ ok: true, violations: [] });
  });
});
