import type { Shortage } from "@dropgate/core-domain";

/**
 * Optoro's one wording of an order rejected for stock (optoro.md §2.6), used both for the answer
 * to POST /orders and for `reject_reason` of the stored order: `<item client_identifier> - <sku>(<condition>)`
 * per short line, and only `<sku>(<condition>)` for a line sent without a client identifier.
 */
export function insufficientQuantityReason(shortages: readonly Shortage[]): string {
  return `Insufficient Quantity for: ${shortages
    .map((s) => `${s.itemClientIdentifier === null ? "" : `${s.itemClientIdentifier} - `}${s.sku}(${s.condition})`)
    .join(", ")}`;
}
