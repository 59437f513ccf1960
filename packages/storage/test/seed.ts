import type { Client, NewOrder, StockPosition, StorageTx } from "@dropgate/core-domain";
import type BetterSqlite3 from "better-sqlite3";
import { vi } from "vitest";

/** A fixed instant; `minutesAfter` moves it forward so ordering by time is deterministic. */
export const AT = "2026-11-22T12:00:00.000Z";
export function minutesAfter(minutes: number): string {
  return new Date(Date.parse(AT) + minutes * 60_000).toISOString();
}

export function seedClient(tx: StorageTx, name: string, at = AT): Client {
  return tx.insertClient({
    name,
    dialect: "optoro",
    scope: "buyer",
    vendorId: null,
    key: `key-${name}`,
    secretHash: "hash",
    ecreditCents: 0,
    autoConfirm: false,
    at,
  });
}

/** A unit position with `onHand` advised through the ledger, as the use cases do it. */
export function seedPosition(tx: StorageTx, sku: string, onHand: number, channel = "rts_drop_ship"): StockPosition {
  const position = tx.insertPosition({ sku, condition: "N", channel, kind: "unit", priceCents: 1999, lot: null, at: AT });
  if (onHand > 0) {
    tx.applyMovement({
      positionId: position.id,
      kind: "advice",
      cause: { type: "seed", ref: sku },
      onHand,
      allocated: 0,
      reserved: 0,
      at: AT,
    });
  }
  return { ...position, onHand };
}

/** An accepted order with one line per position, each allocating `quantity`. */
export function orderInput(
  clientId: number,
  clientIdentifier: string,
  positions: readonly StockPosition[],
  options: { quantity?: number; channel?: string; at?: string } = {},
): NewOrder {
  const quantity = options.quantity ?? 1;
  return {
    clientId,
    clientIdentifier,
    channel: options.channel ?? "rts_drop_ship",
    status: "accepted",
    paymentRequired: false,
    billingAddress: null,
    shippingAddress: {
      name: "Ada Buyer",
      company: null,
      telephoneNumber: null,
      street: "1 Main St",
      street2: null,
      city: "Springfield",
      state: "IL",
      zipCode: "62701",
      country: "US",
      loadingDock: null,
    },
    brand: null,
    shippingMethod: "STANDARD",
    carrierId: null,
    comments: null,
    expectedDeliveryDate: null,
    signatureRequired: false,
    packingSlipIdentifier: null,
    shortages: [],
    rejectReason: null,
    attributes: { dialect: "optoro", note: "kept verbatim" },
    priceCents: 1999 * quantity * positions.length,
    processingFeeCents: 0,
    taxCents: 0,
    shippingCostCents: 0,
    shippingTaxCents: 0,
    items: positions.map((p, index) => ({
      clientIdentifier: `line-${index + 1}`,
      positionId: p.id,
      sku: p.sku,
      condition: p.condition,
      brand: null,
      vendorId: null,
      quantity: { ordered: quantity, allocated: quantity, acknowledged: 0, shipped: 0, cancelled: 0 },
      priceCents: 1999,
      taxCents: 0,
      shippingCostCents: 0,
      shippingTaxCents: 0,
      comments: null,
      status: "accepted",
    })),
    at: options.at ?? AT,
  };
}

/** Starts recording the SQL text of every statement prepared on `db`; call the answer to read it. */
export function recordPreparedSql(db: BetterSqlite3.Database): () => string[] {
  const spy = vi.spyOn(db, "prepare");
  return () => spy.mock.calls.map(([sql]) => sql);
}

/** The query plan of `sql`, one detail line per step; parameters are bound as NULL. */
export function queryPlan(db: BetterSqlite3.Database, sql: string): string[] {
  const placeholders = sql.split("?").length - 1;
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(new Array(placeholders).fill(null)) as { detail: string }[];
  return rows.map((r) => r.detail);
}
