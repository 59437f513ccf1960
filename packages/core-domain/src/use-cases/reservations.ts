import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Channel, Id, Quantity } from "../model/primitives.js";
import { ReservationOperationType } from "../model/reservation.js";
import { availableOf } from "../model/stock.js";
import type { StorageReader } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { moveStock } from "./stock-movements.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

export const ReserveInput = z.object({
  clientId: Id,
  /** When given, positions of other channels count as unknown (a dialect that lists one channel). */
  channel: Channel.optional(),
  operations: z.array(z.object({ type: ReservationOperationType, positionId: Id, quantity: Quantity })),
});
export type ReserveInput = z.input<typeof ReserveInput>;

export interface ReservationModel {
  readonly positionId: number;
  readonly locked: number;
  readonly available: number;
}

/**
 * Rewix Reserve: `lock` asks for more (relative), `unlock` gives back (relative), `set` asks for
 * an absolute total. Each grants min(requested, available) without error, as Rewix does; the
 * answer lists every model in the buyer's reservation so it can compare what it got.
 */
export function reserve(ctx: UseCaseContext, raw: ReserveInput): Result<{ models: ReservationModel[] }> {
  const valid = validateInput(ReserveInput, raw);
  if (!valid.ok) return valid;
  const input = valid.value;
  return runInTransaction(ctx, (tx, at) => {
    const touched = new Set<number>();
    for (const [index, op] of input.operations.entries()) {
      const position = tx.getPositionById(op.positionId);
      if (!position || (input.channel !== undefined && position.channel !== input.channel)) return err("NOT_FOUND", `Unknown stock_id ${op.positionId}`, { field: `operations.${index}.positionId` });
      const locked = tx.getReservation(input.clientId, position.id)?.locked ?? 0;
      const target = op.type === "lock" ? locked + op.quantity : op.type === "unlock" ? Math.max(0, locked - op.quantity) : op.quantity;
      const change = target > locked ? Math.min(target - locked, availableOf(position)) : target - locked;
      const kind = change >= 0 ? "reservation" : "release";
      const moved = moveStock(tx, position, { reserved: change }, kind, { type: "reservation", ref: String(input.clientId) }, at);
      if (!moved.ok) return moved;
      tx.setReservation(input.clientId, position.id, locked + change, at);
      touched.add(position.id);
    }
    return ok({ models: reservationModelsIn(tx, input.clientId, touched) });
  });
}

/** A buyer's reservation as Rewix answers it: every held model, plus the `touched` ones even at zero. */
export function reservationModelsIn(tx: StorageReader, clientId: number, touched: ReadonlySet<number>): ReservationModel[] {
  const held = tx.listReservations(clientId).filter((r) => r.locked > 0 || touched.has(r.positionId));
  return held.map((r) => ({
    positionId: r.positionId,
    locked: r.locked,
    available: availableOf(tx.getPositionById(r.positionId)!),
  }));
}

export const ReleaseReservationInput = z.object({
  clientId: Id,
  /** Only this position; every position of the buyer when left out. */
  positionId: Id.optional(),
});
export type ReleaseReservationInput = z.input<typeof ReleaseReservationInput>;

/**
 * The operator gives a buyer's locked stock back (Rewix reservations never expire by themselves;
 * platform staff release them). Answers what was released, position by position.
 */
export function releaseReservations(ctx: UseCaseContext, input: ReleaseReservationInput): Result<{ released: ReservationModel[] }> {
  return runInTransaction(ctx, (tx, at) => {
    if (!tx.getClient(input.clientId)) return err("NOT_FOUND", `Client ${input.clientId} not found`, { field: "clientId" });
    const held = tx
      .listReservations(input.clientId)
      .filter((r) => r.locked > 0 && (input.positionId === undefined || r.positionId === input.positionId));
    const released: ReservationModel[] = [];
    for (const reservation of held) {
      const position = tx.getPositionById(reservation.positionId)!;
      const cause = { type: "reservation", ref: String(input.clientId) };
      const moved = moveStock(tx, position, { reserved: -reservation.locked }, "release", cause, at);
      if (!moved.ok) return moved;
      tx.setReservation(input.clientId, position.id, 0, at);
      released.push({ positionId: position.id, locked: reservation.locked, available: availableOf(tx.getPositionById(position.id)!) });
    }
    return ok({ released });
  });
}
