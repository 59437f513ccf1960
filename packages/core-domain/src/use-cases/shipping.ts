import type { UseCaseContext } from "../context.js";
import { Carrier, ShipClass, type ShipClassInput } from "../model/shipping.js";
import { ok, type Result } from "../result.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** Creates or renames a ship class vendors can pick per package. */
export function upsertShipClass(ctx: UseCaseContext, input: ShipClassInput): Result<ShipClass> {
  const valid = validateInput(ShipClass, input);
  if (!valid.ok) return valid;
  return runInTransaction(ctx, (tx) => {
    tx.upsertShipClass(valid.value);
    return ok(valid.value);
  });
}

/** Creates or updates a carrier buyers can choose. */
export function upsertCarrier(ctx: UseCaseContext, input: Carrier): Result<Carrier> {
  const valid = validateInput(Carrier, input);
  if (!valid.ok) return valid;
  return runInTransaction(ctx, (tx) => {
    tx.upsertCarrier(valid.value);
    return ok(valid.value);
  });
}
