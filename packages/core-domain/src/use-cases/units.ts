import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Channel, Condition, ListingCondition, Sku } from "../model/primitives.js";
import { Product } from "../model/product.js";
import { type DispositionEvent, Unit } from "../model/unit.js";
import type { StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { ensurePosition, moveStock } from "./stock-movements.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** A unit as received: the model without its timestamps (storage stamps them). */
export const CreateUnitInput = Unit.omit({ createdAt: true, updatedAt: true });
export type CreateUnitInput = z.input<typeof CreateUnitInput>;

/** Units in a listing condition (N A B R) count as stock of their position; TT C X do not. */
function stockedCondition(condition: string): ListingCondition | null {
  const parsed = ListingCondition.safeParse(condition);
  return parsed.success ? parsed.data : null;
}

/** Receives one physical unit; it adds one to the on-hand of its position. */
export function createUnit(ctx: UseCaseContext, input: CreateUnitInput): Result<Unit> {
  const valid = validateInput(CreateUnitInput, input);
  if (!valid.ok) return valid;
  return runInTransaction(ctx, (tx, at) => createUnitIn(tx, valid.value, at));
}

/** `createUnit` inside a caller's transaction. */
export function createUnitIn(tx: StorageTx, input: CreateUnitInput, at: string): Result<Unit> {
  if (tx.getUnit(input.lp)) return err("CONFLICT", `Unit ${input.lp} already exists`, { field: "lp" });
  if (!tx.getProduct(input.sku)) tx.upsertProduct(Product.parse({ sku: input.sku, upc: input.upc || null }), at);
  const unit = tx.insertUnit({
    ...input,
    referenceUnitIdentifier: input.referenceUnitIdentifier ?? null,
    storeIdentifier: input.storeIdentifier ?? null,
    at,
  });
  const condition = stockedCondition(unit.condition);
  if (condition) {
    const position = ensurePosition(tx, { sku: unit.sku, condition, channel: unit.disposition }, at);
    const moved = moveStock(tx, position, { onHand: 1 }, "disposition_in", { type: "unit", ref: unit.lp }, at);
    if (!moved.ok) return moved;
  }
  return ok(unit);
}

export const MoveUnitInput = z.object({
  lp: z.string().min(1),
  toDisposition: Channel.optional(),
  toCondition: Condition.optional(),
  toSku: Sku.optional(),
  location: z.string().min(1).optional(),
  userLogin: z.string().min(1).optional(),
});
export type MoveUnitInput = z.input<typeof MoveUnitInput>;

/**
 * Moves a unit to another disposition, condition or sku. One unit of stock leaves its old
 * position and joins the new one, and a disposition event is written to the outbox so every
 * subscribed client endpoint hears of it. A unit whose stock is committed to an order cannot move.
 */
export function moveUnit(ctx: UseCaseContext, raw: MoveUnitInput): Result<{ unit: Unit; event: DispositionEvent }> {
  const valid = validateInput(MoveUnitInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const unit = tx.getUnit(input.lp);
    if (!unit) return err("NOT_FOUND", `Unit ${input.lp} not found`, { field: "lp" });
    const to = {
      disposition: input.toDisposition ?? unit.disposition,
      condition: input.toCondition ?? unit.condition,
      sku: input.toSku ?? unit.sku,
      location: input.location ?? unit.location,
    };
    if (to.disposition === unit.disposition && to.condition === unit.condition && to.sku === unit.sku && to.location === unit.location) {
      return err("VALIDATION", "The move changes nothing", { field: "toDisposition" });
    }
    const cause = { type: "unit", ref: unit.lp };
    const fromCondition = stockedCondition(unit.condition);
    if (fromCondition) {
      const from = tx.getPosition({ sku: unit.sku, condition: fromCondition, channel: unit.disposition });
      if (!from) return err("CONFLICT", `Stock position of unit ${unit.lp} is missing`);
      const out = moveStock(tx, from, { onHand: -1 }, "disposition_out", cause, at);
      if (!out.ok) return err("INSUFFICIENT_STOCK", `Unit ${unit.lp} is committed to an order and cannot move`, { field: "lp" });
    }
    const toCondition = stockedCondition(to.condition);
    if (toCondition) {
      if (!tx.getProduct(to.sku)) tx.upsertProduct(Product.parse({ sku: to.sku, upc: unit.upc || null }), at);
      const target = ensurePosition(tx, { sku: to.sku, condition: toCondition, channel: to.disposition }, at);
      const moved = moveStock(tx, target, { onHand: 1 }, "disposition_in", cause, at);
      if (!moved.ok) return moved;
    }
    tx.updateUnit(unit.lp, to, at);
    const event = tx.insertDispositionEvent({
      lp: unit.lp,
      fromDisposition: unit.disposition,
      toDisposition: to.disposition,
      fromCondition: unit.condition,
      toCondition: to.condition,
      fromSku: unit.sku,
      toSku: to.sku,
      upc: unit.upc,
      warehouse: unit.warehouse,
      location: to.location,
      program: unit.program,
      referenceUnitIdentifier: unit.referenceUnitIdentifier,
      storeIdentifier: unit.storeIdentifier,
      userLogin: input.userLogin ?? null,
      at,
    });
    tx.enqueueEvent("disposition_update", { ...event }, at);
    return ok({ unit: tx.getUnit(unit.lp)!, event });
  });
}
