import {
  apiKeyOf,
  createClient,
  createSubscription,
  createUnit,
  type DomainError,
  err,
  importProducts,
  ok,
  type Result,
  setStockBatch,
  type UseCaseContext,
  updateBuyerSettings,
  upsertCarrier,
  upsertShipClass,
} from "@dropgate/core-domain";
import { batches, DEFAULT_BATCH_ROWS } from "../bulk.js";
import type { WorldLoadReport } from "./load-report.js";
import type { WorldFile } from "./world-file.js";

type ClientEntry = WorldFile["clients"][number];

/**
 * Loads a world through the core use cases, idempotently: clients by name, units by license
 * plate and subscriptions by URL are created only when missing; products, stock, ship classes
 * and carriers are upserts of absolute values. Each step is its own transaction, so a failure
 * leaves earlier steps in place; its error carries the credentials issued before it, which
 * would otherwise be lost (only their hashes are stored).
 */
export function loadWorld(ctx: UseCaseContext, world: WorldFile): Result<WorldLoadReport> {
  const report: WorldLoadReport = {
    credentials: {},
    clients: { created: 0, existing: 0 },
    units: { created: 0, existing: 0 },
    subscriptions: { created: 0, existing: 0 },
    products: 0,
    stock: 0,
    shipClasses: 0,
    carriers: 0,
  };
  const failed = (step: string, error: DomainError) =>
    err(error.code, `${step}: ${error.message}`, {
      ...(error.field === undefined ? {} : { field: error.field }),
      details: { ...error.details, step, credentials: report.credentials },
    });

  for (const shipClass of world.shipClasses) {
    const saved = upsertShipClass(ctx, shipClass);
    if (!saved.ok) return failed(`ship class ${shipClass.id}`, saved.error);
    report.shipClasses++;
  }
  for (const carrier of world.carriers) {
    const saved = upsertCarrier(ctx, carrier);
    if (!saved.ok) return failed(`carrier ${carrier.id}`, saved.error);
    report.carriers++;
  }
  for (const batch of batches(world.products, DEFAULT_BATCH_ROWS)) {
    const saved = importProducts(ctx, batch);
    if (!saved.ok) return failed("products", saved.error);
    report.products += saved.value.count;
  }
  for (const batch of batches(world.stock, DEFAULT_BATCH_ROWS)) {
    const saved = setStockBatch(ctx, batch);
    if (!saved.ok) return failed("stock", saved.error);
    report.stock += saved.value.count;
  }
  for (const unit of world.units) {
    if (ctx.store.read((r) => r.getUnit(unit.lp))) {
      report.units.existing++;
      continue;
    }
    const created = createUnit(ctx, unit);
    if (!created.ok) return failed(`unit ${unit.lp}`, created.error);
    report.units.created++;
  }
  for (const entry of world.clients) {
    const loaded = loadClient(ctx, entry, report);
    if (!loaded.ok) return failed(`client ${entry.name}`, loaded.error);
  }
  for (const subscription of world.subscriptions) {
    const client = ctx.store.read((r) => r.getClientByName(subscription.client));
    if (!client) {
      return failed(`subscription ${subscription.url}`, { code: "NOT_FOUND", message: `client ${subscription.client} not found`, field: "client" });
    }
    if (ctx.store.read((r) => r.listSubscriptions(client.id)).some((s) => s.url === subscription.url)) {
      report.subscriptions.existing++;
      continue;
    }
    const { client: _name, ...rest } = subscription;
    const created = createSubscription(ctx, { ...rest, clientId: client.id });
    if (!created.ok) return failed(`subscription ${subscription.url}`, created.error);
    report.subscriptions.created++;
  }
  return ok(report);
}

/** Creates a client when its name is new; an existing one must agree and gets its settings. */
function loadClient(ctx: UseCaseContext, entry: ClientEntry, report: WorldLoadReport): Result<void> {
  const existing = ctx.store.read((r) => r.getClientByName(entry.name));
  if (!existing) {
    const issued = createClient(ctx, entry);
    if (!issued.ok) return issued;
    const { client, key, secret } = issued.value;
    report.credentials[entry.name] = {
      clientId: client.id,
      dialect: client.dialect,
      scope: client.scope,
      vendorId: client.vendorId,
      key,
      secret,
      ...(client.dialect === "retailops" ? { apikey: apiKeyOf(key, secret) } : {}),
    };
    report.clients.created++;
    return ok(undefined);
  }
  if (existing.dialect !== entry.dialect || existing.scope !== entry.scope || existing.vendorId !== (entry.vendorId ?? null)) {
    return err("CONFLICT", `exists as ${existing.dialect} ${existing.scope}${existing.vendorId ? ` of vendor ${existing.vendorId}` : ""}`, {
      field: "name",
    });
  }
  report.clients.existing++;
  const changes = {
    ...(entry.ecreditCents === undefined || entry.ecreditCents === existing.ecreditCents ? {} : { ecreditCents: entry.ecreditCents }),
    ...(entry.autoConfirm === undefined || entry.autoConfirm === existing.autoConfirm ? {} : { autoConfirm: entry.autoConfirm }),
  };
  if (Object.keys(changes).length === 0) return ok(undefined);
  const updated = updateBuyerSettings(ctx, existing.id, changes);
  return updated.ok ? ok(undefined) : updated;
}
