import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection } from "./support/rejection.js";
import { type Harness, startHarness } from "./support/rpc-harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("clients", () => {
  it("creates a client and shows its secret once", async () => {
    const issued = await h.rpc.clients.create.mutate({ name: "acme", dialect: "retailops", scope: "vendor", vendorId: "27" });
    expect(issued.secret.length).toBeGreaterThan(20);
    expect(issued.client).toMatchObject({ name: "acme", vendorId: "27", disabled: false });
    expect(issued.client).not.toHaveProperty("secretHash");
    const listed = await h.rpc.clients.list.query({ scope: "vendor" });
    expect(listed.map((c) => c.name)).toEqual(["acme"]);
    expect(JSON.stringify(listed)).not.toContain(issued.secret);
  });

  it("rotates a secret and disables a client by name", async () => {
    const first = await h.rpc.clients.create.mutate({ name: "buyer-1", dialect: "optoro", scope: "buyer" });
    const rotated = await h.rpc.clients.rotateSecret.mutate({ client: "buyer-1" });
    expect(rotated.key).toBe(first.key);
    expect(rotated.secret).not.toBe(first.secret);
    const disabled = await h.rpc.clients.setDisabled.mutate({ client: first.client.id, disabled: true });
    expect(disabled.disabled).toBe(true);
  });

  it("maps a duplicate name to CONFLICT with the domain code", async () => {
    await h.rpc.clients.create.mutate({ name: "twice", dialect: "optoro", scope: "buyer" });
    const error = await rejection(h.rpc.clients.create.mutate({ name: "twice", dialect: "optoro", scope: "buyer" }));
    expect(error.data).toMatchObject({ code: "CONFLICT", httpStatus: 409, domainCode: "CONFLICT", field: "name" });
  });

  it("maps a vendor without vendorId to BAD_REQUEST with the domain code VALIDATION", async () => {
    const error = await rejection(h.rpc.clients.create.mutate({ name: "no-vendor-id", dialect: "retailops", scope: "vendor" }));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "VALIDATION", field: "vendorId", zodError: null });
  });

  it("answers zod field errors for bad input", async () => {
    // @ts-expect-error: a dialect Dropgate does not speak
    const error = await rejection(h.rpc.clients.create.mutate({ name: "", dialect: "soap", scope: "buyer" }));
    expect(error.data?.code).toBe("BAD_REQUEST");
    expect(error.data?.domainCode).toBeNull();
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {}).sort()).toEqual(["dialect", "name"]);
  });

  it("answers NOT_FOUND for an unknown client", async () => {
    const error = await rejection(h.rpc.clients.get.query({ client: "nobody" }));
    expect(error.data).toMatchObject({ code: "NOT_FOUND", httpStatus: 404, domainCode: "NOT_FOUND" });
  });
});

describe("products and stock", () => {
  it("upserts a product, sets stock, adjusts it and shows the ledger", async () => {
    await h.rpc.products.upsert.mutate({ sku: "SKU-1", title: "Kettle", brand: "Brewster" });
    const position = await h.rpc.stock.set.mutate({ sku: "SKU-1", condition: "A", onHand: 5, priceCents: 1999 });
    expect(position).toMatchObject({ sku: "SKU-1", condition: "A", channel: "rts_drop_ship", onHand: 5, priceCents: 1999 });
    const adjusted = await h.rpc.stock.adjust.mutate({ positionId: position.id, delta: -2, reason: "damaged" });
    expect(adjusted.onHand).toBe(3);

    const ledger = await h.rpc.stock.ledger.query({ positionId: position.id });
    expect(ledger.rows.map((m) => [m.kind, m.onHand])).toEqual([
      ["set", 5],
      ["adjustment", -2],
    ]);
    expect(ledger.nextAfterId).toBeNull();

    const product = await h.rpc.products.get.query({ sku: "SKU-1" });
    expect(product.product.title).toBe("Kettle");
    expect(product.positions.map((p) => p.onHand)).toEqual([3]);
  });

  it("pages positions by keyset", async () => {
    await h.rpc.stock.importBatch.mutate({
      rows: Array.from({ length: 5 }, (_, i) => ({ sku: `PAGE-${i}`, condition: "N" as const, onHand: i })),
    });
    const first = await h.rpc.stock.positions.query({ limit: 2, channel: "rts_drop_ship", condition: "N" });
    expect(first.rows).toHaveLength(2);
    expect(first.total).toBe(5);
    const second = await h.rpc.stock.positions.query({ limit: 2, channel: "rts_drop_ship", condition: "N", afterId: first.nextAfterId ?? 0 });
    expect(second.rows[0]?.id).toBeGreaterThan(first.rows[1]?.id ?? 0);
  });

  it("refuses to take more than is on hand (INSUFFICIENT_STOCK → CONFLICT)", async () => {
    const position = await h.rpc.stock.set.mutate({ sku: "SKU-2", condition: "N", onHand: 1 });
    const error = await rejection(h.rpc.stock.adjust.mutate({ positionId: position.id, delta: -5, reason: "count" }));
    expect(error.data).toMatchObject({ code: "CONFLICT", domainCode: "INSUFFICIENT_STOCK" });
  });

  it("refuses a bulk batch naming the bad row", async () => {
    const error = await rejection(
      h.rpc.products.importBatch.mutate({
        rows: [
          { sku: "V-1", vendorId: "27", vpc: "SAME" },
          { sku: "V-2", vendorId: "27", vpc: "SAME" },
        ],
      }),
    );
    expect(error.data).toMatchObject({ code: "CONFLICT", domainCode: "CONFLICT" });
    expect(error.message).toContain("Row 1");
    const missing = await rejection(h.rpc.products.get.query({ sku: "V-1" }));
    expect(missing.data?.domainCode).toBe("NOT_FOUND");
  });

  it("answers zod field errors for a bad stock row", async () => {
    // @ts-expect-error: condition X is not a listing condition and onHand must be a count
    const error = await rejection(h.rpc.stock.set.mutate({ sku: "SKU-3", condition: "X", onHand: -1 }));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("condition");
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("onHand");
  });
});

describe("units", () => {
  const unit = { sku: "UNIT-SKU", upc: "840000000011", warehouse: "Nashville DC", location: "A-01-01", program: "returns" };

  it("creates a unit, moves it into rts_drop_ship and shows its history", async () => {
    await h.rpc.units.create.mutate({ ...unit, lp: "LP-1", condition: "A", disposition: "rts" });
    const moved = await h.rpc.units.move.mutate({ lp: "LP-1", toDisposition: "rts_drop_ship", userLogin: "ops" });
    expect(moved.event).toMatchObject({ fromDisposition: "rts", toDisposition: "rts_drop_ship", userLogin: "ops" });
    const history = await h.rpc.units.history.query({ lp: "LP-1" });
    expect(history.unit.disposition).toBe("rts_drop_ship");
    expect(history.events).toHaveLength(1);
    const positions = await h.rpc.stock.positions.query({ sku: "UNIT-SKU", channel: "rts_drop_ship" });
    expect(positions.rows.map((p) => p.onHand)).toEqual([1]);
  });

  it("refuses a second unit with the same license plate", async () => {
    await h.rpc.units.create.mutate({ ...unit, lp: "LP-2", condition: "B", disposition: "rts_drop_ship" });
    const error = await rejection(h.rpc.units.create.mutate({ ...unit, lp: "LP-2", condition: "B", disposition: "rts_drop_ship" }));
    expect(error.data).toMatchObject({ code: "CONFLICT", domainCode: "CONFLICT", field: "lp" });
  });

  it("answers NOT_FOUND for an unknown unit and zod errors for a bad condition", async () => {
    expect((await rejection(h.rpc.units.move.mutate({ lp: "nope", toDisposition: "rts" }))).data?.domainCode).toBe("NOT_FOUND");
    // @ts-expect-error: Q is no condition
    const error = await rejection(h.rpc.units.move.mutate({ lp: "LP-2", toCondition: "Q" }));
    expect(error.data?.zodError?.fieldErrors).toHaveProperty("toCondition");
  });
});

describe("carriers, ship classes and buyer settings", () => {
  it("upserts and lists carriers and ship classes", async () => {
    await h.rpc.carriers.upsert.mutate({ id: 20, name: "UPS", costCents: 990, isDefault: true });
    await h.rpc.shipClasses.upsert.mutate({ id: 7, name: "FedEx Ground", carrier: "FedEx" });
    await h.rpc.shipClasses.upsert.mutate({ id: 7, name: "FedEx Ground (renamed)", carrier: "FedEx" });
    expect(await h.rpc.carriers.list.query()).toEqual([{ id: 20, name: "UPS", costCents: 990, isDefault: true }]);
    expect(await h.rpc.shipClasses.list.query()).toEqual([{ id: 7, name: "FedEx Ground (renamed)", carrier: "FedEx", defaultWeight: null, defaultCostCents: null }]);
  });

  it("answers zod field errors for a carrier without a name", async () => {
    const error = await rejection(h.rpc.carriers.upsert.mutate({ id: 0, name: "", costCents: 1, isDefault: false }));
    expect(Object.keys(error.data?.zodError?.fieldErrors ?? {}).sort()).toEqual(["id", "name"]);
    const classError = await rejection(h.rpc.shipClasses.upsert.mutate({ id: 62, name: "UPS Ground", carrier: "" }));
    expect(classError.data?.zodError?.fieldErrors).toHaveProperty("carrier");
  });

  it("sets a buyer's ecredit and auto-confirm", async () => {
    await h.rpc.clients.create.mutate({ name: "rewix-1", dialect: "rewix", scope: "buyer" });
    const saved = await h.rpc.settings.update.mutate({ client: "rewix-1", ecreditCents: 50_000, autoConfirm: true });
    expect(saved).toMatchObject({ name: "rewix-1", ecreditCents: 50_000, autoConfirm: true });
    expect(await h.rpc.settings.get.query({ client: "rewix-1" })).toEqual(saved);
  });

  it("refuses settings for a vendor (VALIDATION) and negative ecredit (zod)", async () => {
    await h.rpc.clients.create.mutate({ name: "vendor-9", dialect: "retailops", scope: "vendor", vendorId: "9" });
    const error = await rejection(h.rpc.settings.update.mutate({ client: "vendor-9", autoConfirm: true }));
    expect(error.data).toMatchObject({ code: "BAD_REQUEST", domainCode: "VALIDATION" });
    const zodError = await rejection(h.rpc.settings.update.mutate({ client: "vendor-9", ecreditCents: -1 }));
    expect(zodError.data?.zodError?.fieldErrors).toHaveProperty("ecreditCents");
  });
});
