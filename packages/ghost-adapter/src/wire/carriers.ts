import { z } from "zod";

/** A carrier as Rewix lists it; `cost` is a decimal amount. */
export const CarrierBody = z.object({ id: z.int(), name: z.string(), cost: z.number() });
export const CarriersBody = z.array(CarrierBody);
export type CarriersBody = z.infer<typeof CarriersBody>;
