import type { UseCaseContext } from "../context.js";
import { Carrier, ShipClass } from "../model/shipping.js";
import { err, ok, type Result } from "../result.js";
import { runInTransaction } from "./transaction.js";

/** Creates or renames a ship class vendors can pick per package. */
export function upsertShipClass(ctx: UseCaseContext, input: ShipClass): Result<ShipClass> {
  const parsed = ShipClass.safeParse(input);
  if (!parsed.success) return err("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid ship class", { field: parsed.error.issues[0]?.path.join(".") ?? "" });
  return runInTransaction(ctx, (tx) => {
    tx.upsertShipClass(parsed.data);
    return ok(parsed.data);
  });
}

/** Creates or updates a carrier buyers can choose. */
export function upsertCarrier(ctx: UseCaseContext, input: Carrier): Result<Carrier> {
  const parsed = Carrier.safeParse(input);
  if (!parsed.success) return err("VALIDATION", parsed.error.issues[0]?.message ?? "Invalid carrier", { field: parsed.error.issues[0]?.path.join(".") ?? "" });
  return runInTransaction(ctx, (tx) => {
    tx.upsertCarrier(parsed.data);
    return ok(parsed.data);
  });
}
