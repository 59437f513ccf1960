import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { type BuyerCap, visibleQuantity } from "../model/buyer-cap.js";
import type { MovementCause } from "../model/ledger.js";
import { Channel, Id, ListingCondition, Quantity, Sku } from "../model/primitives.js";
import { availableOf, type StockPosition } from "../model/stock.js";
import type { StorageReader, StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** What one buyer sees of a position: the available quantity under its own cap. */
export function visibleTo(reader: StorageReader, clientId: number, position: StockPosition): number {
  return visibleQuantity(availableOf(position), reader.getBuyerCap(clientId, position.id)?.cap);
}

/** One buyer's caps on some positions, by position id, read in one statement (a list page's worth). */
export function buyerCapsOn(reader: StorageReader, clientId: number, positions: readonly Pick<StockPosition, "id">[]): Map<number, number> {
  if (positions.length === 0) return new Map();
  const caps = reader.listBuyerCaps({ clientId, positionIds: positions.map((p) => p.id) });
  return new Map(caps.map((c) => [c.positionId, c.cap]));
}

export const GiveBackInput = z.object({
  clientId: Id,
  sku: Sku,
  condition: ListingCondition,
  channel: Channel,
  quantity: Quantity,
});
export type GiveBackInput = z.input<typeof GiveBackInput>;

/**
 * A buyer gives back stock it no longer wants on its channel (Optoro PUT /listings/{id}):
 * `quantity` is what it wants to see from now on, only downwards. Only that buyer's cap changes;
 * the position, and so every other buyer, the operator and the vendor, is untouched. Above what
 * the buyer sees now → VALIDATION with `details.current`; the same quantity changes nothing.
 */
export function giveBack(ctx: UseCaseContext, raw: GiveBackInput): Result<{ position: StockPosition; visible: number }> {
  const valid = validateInput(GiveBackInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const position = tx.getPosition(input);
    if (!position) return err("NOT_FOUND", `Listing ${input.sku}(${input.condition}) not found in ${input.channel}`, { field: "id" });
    const current = visibleTo(tx, input.clientId, position);
    if (input.quantity > current) {
      return err("VALIDATION", `Requested quantity should be less than current listing quantity: ${current}`, {
        field: "quantity",
        details: { current },
      });
    }
    if (input.quantity < current) {
      tx.setBuyerCap({
        clientId: input.clientId,
        positionId: position.id,
        cap: input.quantity,
        kind: "give_back",
        cause: { type: "listing_update", ref: "" },
        at,
      });
    }
    return ok({ position, visible: input.quantity });
  });
}

/**
 * Inside an order's transaction: the buyer's allowance shrinks by what its order took from the
 * shared available quantity (not by what came from its own reservation), so a buyer that asked
 * for 60 and ordered 10 sees 50.
 */
export function drawOnBuyerCap(tx: StorageTx, clientId: number, positionId: number, quantity: number, cause: MovementCause, at: string): void {
  const existing = tx.getBuyerCap(clientId, positionId);
  if (!existing || quantity === 0) return;
  tx.setBuyerCap({ clientId, positionId, cap: Math.max(0, existing.cap - quantity), kind: "order", cause, at });
}

/**
 * Inside a cancellation's transaction: what comes back of the buyer's order is its allowance
 * again, but only as much as that order drew on the cap since the buyer last set it (an order
 * placed before the give-back was already outside what the buyer asked to see).
 */
export function restoreBuyerCap(tx: StorageTx, clientId: number, positionId: number, quantity: number, cause: MovementCause, at: string): void {
  const existing = tx.getBuyerCap(clientId, positionId);
  if (!existing || quantity === 0) return;
  let owed = 0;
  for (const m of tx.listBuyerCapMovements(clientId, positionId)) {
    if (m.kind === "give_back" || m.kind === "cleared") owed = 0;
    else if (m.cause.type === cause.type && m.cause.ref === cause.ref) owed -= m.delta;
  }
  const back = Math.min(quantity, owed);
  if (back <= 0) return;
  tx.setBuyerCap({ clientId, positionId, cap: existing.cap + back, kind: "cancellation", cause, at });
}

export const ClearBuyerCapsInput = z.object({
  clientId: Id,
  /** Only this position's cap; every cap of the buyer without it. */
  positionId: Id.optional(),
  reason: z.string().max(256).optional(),
});
export type ClearBuyerCapsInput = z.input<typeof ClearBuyerCapsInput>;

/** The operator lifts a buyer's caps: it sees (and may order) the whole available quantity again. */
export function clearBuyerCaps(ctx: UseCaseContext, raw: ClearBuyerCapsInput): Result<{ cleared: readonly BuyerCap[] }> {
  const valid = validateInput(ClearBuyerCapsInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const caps = tx
      .listBuyerCaps({ clientId: input.clientId, ...(input.positionId === undefined ? {} : { positionIds: [input.positionId] }) });
    if (input.positionId !== undefined && caps.length === 0) {
      return err("NOT_FOUND", `Client ${input.clientId} has no cap on position ${input.positionId}`, { field: "positionId" });
    }
    for (const cap of caps) {
      tx.setBuyerCap({ clientId: cap.clientId, positionId: cap.positionId, cap: null, kind: "cleared", cause: { type: "operator", ref: input.reason ?? "" }, at });
    }
    return ok({ cleared: caps });
  });
}
