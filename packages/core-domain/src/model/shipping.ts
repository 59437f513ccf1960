import { z } from "zod";
import { Cents, Id } from "./primitives.js";

/**
 * A carrier service class a vendor picks per package (RetailOps ship_class_id). Its defaults fill
 * what a package leaves out and Optoro's confirmation webhook requires (billed weight, cost).
 */
export const ShipClass = z.object({
  id: Id,
  name: z.string().min(1),
  carrier: z.string().min(1),
  /** Billed weight in pounds of a package sent without one; null: DEFAULT_PACKAGE_WEIGHT_LB. */
  defaultWeight: z.number().min(0).nullable().default(null),
  /** Shipping cost of a package sent without one; null: DEFAULT_SHIPPING_COST_CENTS. */
  defaultCostCents: Cents.nullable().default(null),
});
export type ShipClass = z.infer<typeof ShipClass>;
export type ShipClassInput = z.input<typeof ShipClass>;

/** Billed weight (lb) of a package whose sender and ship class name none. */
export const DEFAULT_PACKAGE_WEIGHT_LB = 1;
/** Shipping cost of a package whose sender and ship class name none: the vendor bills nothing extra. */
export const DEFAULT_SHIPPING_COST_CENTS = 0;

/** A carrier a buyer may choose for an order (Rewix carrierId), with its flat cost. */
export const Carrier = z.object({
  id: Id,
  name: z.string().min(1),
  costCents: Cents,
  isDefault: z.boolean(),
});
export type Carrier = z.infer<typeof Carrier>;
