import { z } from "zod";
import { WireId, WireQuantity } from "./primitives.js";

/** Reserve operation types (Rewix Reserve): lock adds, unlock gives back, set is absolute. */
export const ReserveOperationType = z.enum(["lock", "unlock", "set"], { error: "expected lock, unlock or set" });

export const ReserveModel = z.object({ stock_id: WireId, quantity: WireQuantity });

/**
 * `POST /ghost/orders/sold` body. An operation with no models is allowed (clients send an
 * empty `<operation type="unlock"></operation>` for unused types).
 */
export const ReserveRequest = z.object({
  operations: z
    .array(z.object({ type: ReserveOperationType, models: z.array(ReserveModel).max(1000).optional().default([]) }))
    .max(100),
});
export type ReserveRequest = z.output<typeof ReserveRequest>;
export type ReserveRequestInput = z.input<typeof ReserveRequest>;

/** One model of the buyer's reservation: what it holds and what is still free. */
export const ReservationModelBody = z.object({ stock_id: z.int(), locked: z.int(), available: z.int() });

/** Reserve and ReservationStatus answer: the whole reservation; `order_id` is 0 (see README). */
export const ReservationBody = z.object({ models: z.array(ReservationModelBody), order_id: z.int() });
export type ReservationBody = z.infer<typeof ReservationBody>;
