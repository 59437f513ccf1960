import { z } from "zod";
import { MovementCause } from "./ledger.js";
import { Id, Quantity, Timestamp } from "./primitives.js";

/*
 * A buyer's own give-back (Optoro PUT /listings/{id}): positions are shared between buyers, so a
 * buyer lowering "its" listing must never take stock from another buyer, the operator or a
 * vendor. The give-back is kept as a cap on what that one buyer may still see and order of the
 * position; the position itself does not move. Every change of a cap is an audited movement, and
 * a cap always equals the sum of its movements' deltas (no cap row counts as 0 once cleared).
 */

export const BuyerCapMovementKind = z.enum([
  /** The buyer lowered its listing: the cap is set to the quantity it asked for. */
  "give_back",
  /** The buyer's own order drew on the position: its allowance shrinks by what was taken. */
  "order",
  /** Stock of the buyer's order came back (cancellation): its allowance grows by as much. */
  "cancellation",
  /** The operator lifted the cap: the buyer sees the whole available quantity again. */
  "cleared",
]);
export type BuyerCapMovementKind = z.infer<typeof BuyerCapMovementKind>;

/** How much of a position one buyer may still see and order: at most `cap`, never more than is available. */
export const BuyerCap = z.object({
  clientId: Id,
  positionId: Id,
  cap: Quantity,
  updatedAt: Timestamp,
});
export type BuyerCap = z.infer<typeof BuyerCap>;

/** One change of a buyer's cap, with its cause; `delta` is the change of the cap (an absent cap counts 0). */
export const BuyerCapMovement = z.object({
  id: Id,
  clientId: Id,
  positionId: Id,
  kind: BuyerCapMovementKind,
  delta: z.int(),
  capAfter: Quantity.nullable(),
  cause: MovementCause,
  at: Timestamp,
});
export type BuyerCapMovement = z.infer<typeof BuyerCapMovement>;

/** What a buyer sees of an available quantity under its cap (if any); never below zero. */
export function visibleQuantity(available: number, cap: number | undefined): number {
  const shown = Math.max(0, available);
  return cap === undefined ? shown : Math.min(shown, cap);
}
