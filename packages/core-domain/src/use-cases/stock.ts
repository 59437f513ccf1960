import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Channel, DEFAULT_CHANNEL, ListingCondition, Quantity, Sku, Cents } from "../model/primitives.js";
import { Product, type ProductInput } from "../model/product.js";
import { LotDetails, StockKind, type StockPosition } from "../model/stock.js";
import type { StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { ensurePosition, moveStock } from "./stock-movements.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** Creates or updates a product. */
export function upsertProduct(ctx: UseCaseContext, input: ProductInput): Result<Product> {
  const valid = validateInput(Product, input);
  if (!valid.ok) return valid;
  return runInTransaction(ctx, (tx, at) => upsertProductIn(tx, valid.value, at));
}

/** Product upsert inside a caller's transaction; refuses a vpc already used by another sku. */
export function upsertProductIn(tx: StorageTx, product: Product, at: string): Result<Product> {
  if (product.vendorId !== null && product.vpc !== null) {
    const owner = tx.findProductByVpc(product.vendorId, product.vpc);
    if (owner && owner.sku !== product.sku) {
      return err("CONFLICT", `vpc ${product.vpc} of vendor ${product.vendorId} already belongs to ${owner.sku}`, { field: "vpc" });
    }
  }
  tx.upsertProduct(product, at);
  return ok(product);
}

export const SetStockInput = z.object({
  sku: Sku,
  condition: ListingCondition,
  channel: Channel.default(DEFAULT_CHANNEL),
  onHand: Quantity,
  kind: StockKind.optional(),
  priceCents: Cents.nullish(),
  lot: LotDetails.nullish(),
  reason: z.string().max(256).optional(),
});
export type SetStockInput = z.input<typeof SetStockInput>;

/** Sets the absolute on-hand quantity of a position, creating product and position when missing. */
export function setStock(ctx: UseCaseContext, input: SetStockInput): Result<StockPosition> {
  return runInTransaction(ctx, (tx, at) => setStockIn(tx, input, at));
}

/** `setStock` inside a caller's transaction (bulk imports run many in one). */
export function setStockIn(tx: StorageTx, raw: SetStockInput, at: string): Result<StockPosition> {
  const valid = validateInput(SetStockInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  if (!tx.getProduct(input.sku)) tx.upsertProduct(Product.parse({ sku: input.sku }), at);
  const lot = input.lot ?? null;
  if (input.kind === "lot" || lot) {
    if (input.onHand > 1) return err("VALIDATION", "A lot is sold whole: its quantity is 0 or 1", { field: "onHand" });
  }
  const position = ensurePosition(tx, input, at, {
    ...(input.kind ? { kind: input.kind } : {}),
    priceCents: input.priceCents ?? null,
    lot,
  });
  if (input.priceCents !== undefined || input.lot !== undefined) {
    tx.updatePositionDetails(
      position.id,
      {
        ...(input.priceCents === undefined ? {} : { priceCents: input.priceCents }),
        ...(input.lot === undefined ? {} : { lot: input.lot }),
      },
      at,
    );
  }
  const committed = position.allocated + position.reserved;
  if (input.onHand < committed) {
    return err("INSUFFICIENT_STOCK", `${committed} of ${input.sku}(${input.condition}) are committed to orders or reservations`, {
      field: "onHand",
      details: { committed },
    });
  }
  const moved = moveStock(tx, position, { onHand: input.onHand - position.onHand }, "set", { type: "set", ref: input.reason ?? "" }, at);
  if (!moved.ok) return moved;
  return ok(tx.getPositionById(position.id)!);
}

export const AdviseInventoryInput = z.object({
  vendorId: z.string().min(1),
  vpc: z.string().min(1),
  quantity: Quantity,
  channel: Channel.optional(),
});
export type AdviseInventoryInput = z.input<typeof AdviseInventoryInput>;

/**
 * Vendor inventory advice (RetailOps Product.ExternalSku.Update~2): an absolute quantity for a
 * vendor's vpc. The vendor is the system of record; when it advises less than is already
 * committed to open orders, on-hand stops at the committed quantity (available 0) and the
 * advised figure is reported back as `clampedFrom`.
 */
export function adviseInventory(
  ctx: UseCaseContext,
  input: AdviseInventoryInput,
): Result<{ position: StockPosition; clampedFrom: number | null }> {
  const valid = validateInput(AdviseInventoryInput, input);
  if (!valid.ok) return valid;
  return runInTransaction(ctx, (tx, at) => adviseInventoryIn(tx, valid.value, at));
}

/** `adviseInventory` inside a caller's transaction (a batch of advice records is one). */
export function adviseInventoryIn(
  tx: StorageTx,
  input: AdviseInventoryInput,
  at: string,
): Result<{ position: StockPosition; clampedFrom: number | null }> {
  const product = tx.findProductByVpc(input.vendorId, input.vpc);
  if (!product) return err("NOT_FOUND", `Unknown vpc ${input.vpc} for vendor ${input.vendorId}`, { field: "vpc" });
  const position = ensurePosition(tx, { sku: product.sku, condition: "N", channel: input.channel ?? DEFAULT_CHANNEL }, at);
  const committed = position.allocated + position.reserved;
  const target = Math.max(input.quantity, committed);
  const moved = moveStock(tx, position, { onHand: target - position.onHand }, "advice", { type: "vendor_advice", ref: input.vendorId }, at);
  if (!moved.ok) return moved;
  // Inside the transaction the position is exactly what was read plus this movement: no re-read
  // (a batch of 1,000 advice records is the vendor's hot path).
  const after = target === position.onHand ? position : { ...position, onHand: target, updatedAt: at };
  return ok({ position: after, clampedFrom: target === input.quantity ? null : input.quantity });
}

export const AdjustStockInput = z.object({
  positionId: z.int().min(1),
  delta: z.int().refine((n) => n !== 0, "delta must not be 0"),
  reason: z.string().min(1).max(256),
});
export type AdjustStockInput = z.input<typeof AdjustStockInput>;

/** Adds or removes on-hand stock of a position with a reason; cannot take committed stock. */
export function adjustStock(ctx: UseCaseContext, raw: AdjustStockInput): Result<StockPosition> {
  const valid = validateInput(AdjustStockInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const position = tx.getPositionById(input.positionId);
    if (!position) return err("NOT_FOUND", `Stock position ${input.positionId} not found`, { field: "positionId" });
    if (position.kind === "lot" && position.onHand + input.delta > 1) {
      return err("VALIDATION", "A lot is sold whole: its quantity is 0 or 1", { field: "delta" });
    }
    const moved = moveStock(tx, position, { onHand: input.delta }, "adjustment", { type: "adjustment", ref: input.reason }, at);
    if (!moved.ok) return moved;
    return ok(tx.getPositionById(position.id)!);
  });
}
