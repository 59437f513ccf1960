import { z } from "zod";
import { Id, Quantity, Timestamp } from "./primitives.js";

/** Quantity of one position a buyer has locked ahead of ordering (Rewix reservations never expire). */
export const Reservation = z.object({
  clientId: Id,
  positionId: Id,
  locked: Quantity,
  updatedAt: Timestamp,
});
export type Reservation = z.infer<typeof Reservation>;

export const ReservationOperationType = z.enum(["lock", "unlock", "set"]);
export type ReservationOperationType = z.infer<typeof ReservationOperationType>;
