import { z } from "zod";
import { Id, Timestamp } from "./primitives.js";

export const MovementKind = z.enum([
  "advice",
  "set",
  "adjustment",
  "disposition_in",
  "disposition_out",
  "reservation",
  "release",
  "allocation",
  "cancellation",
  "shipment",
]);
export type MovementKind = z.infer<typeof MovementKind>;

/** Why a movement happened: the kind of thing that caused it and its id or key. */
export const MovementCause = z.object({ type: z.string().min(1), ref: z.string() });
export type MovementCause = z.infer<typeof MovementCause>;

/** Changes to the three buckets of a position. */
export const StockDeltas = z.object({ onHand: z.int(), allocated: z.int(), reserved: z.int() });
export type StockDeltas = z.infer<typeof StockDeltas>;

/** One append-only change of a stock position; positions always equal the sum of their movements. */
export const LedgerMovement = StockDeltas.extend({
  id: Id,
  positionId: Id,
  kind: MovementKind,
  cause: MovementCause,
  at: Timestamp,
});
export type LedgerMovement = z.infer<typeof LedgerMovement>;
export type NewMovement = Omit<LedgerMovement, "id">;
