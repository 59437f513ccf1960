import { z } from "zod";
import { Cents, Id } from "./primitives.js";

/** A carrier service class a vendor picks per package (RetailOps ship_class_id). */
export const ShipClass = z.object({ id: Id, name: z.string().min(1), carrier: z.string().min(1) });
export type ShipClass = z.infer<typeof ShipClass>;

/** A carrier a buyer may choose for an order (Rewix carrierId), with its flat cost. */
export const Carrier = z.object({
  id: Id,
  name: z.string().min(1),
  costCents: Cents,
  isDefault: z.boolean(),
});
export type Carrier = z.infer<typeof Carrier>;
