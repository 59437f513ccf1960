import type { MovementCause, MovementKind, StockDeltas } from "../model/ledger.js";
import type { LotDetails, PositionKey, StockKind, StockPosition } from "../model/stock.js";
import type { StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";

/** The position for a key, created at zero when missing (movements then bring it up). */
export function ensurePosition(
  tx: StorageTx,
  key: PositionKey,
  at: string,
  details: { kind?: StockKind; priceCents?: number | null; lot?: LotDetails | null } = {},
): StockPosition {
  const existing = tx.getPosition(key);
  if (existing) return existing;
  return tx.insertPosition({
    ...key,
    kind: details.kind ?? (details.lot ? "lot" : "unit"),
    priceCents: details.priceCents ?? null,
    lot: details.lot ?? null,
    at,
  });
}

/**
 * Applies one ledgered change to a position. The storage guard refuses any change that would
 * make a bucket or the available quantity negative; that refusal is INSUFFICIENT_STOCK.
 */
export function moveStock(
  tx: StorageTx,
  position: Pick<StockPosition, "id" | "sku" | "condition" | "channel">,
  deltas: Partial<StockDeltas>,
  kind: MovementKind,
  cause: MovementCause,
  at: string,
): Result<void> {
  const full = { onHand: deltas.onHand ?? 0, allocated: deltas.allocated ?? 0, reserved: deltas.reserved ?? 0 };
  if (full.onHand === 0 && full.allocated === 0 && full.reserved === 0) return ok(undefined);
  const applied = tx.applyMovement({ positionId: position.id, ...full, kind, cause, at });
  if (applied) return ok(undefined);
  return err("INSUFFICIENT_STOCK", `Not enough stock of ${position.sku}(${position.condition}) in ${position.channel}`, {
    details: { positionId: position.id, kind, ...full },
  });
}
