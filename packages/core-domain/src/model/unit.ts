import { z } from "zod";
import { Channel, Condition, Id, Sku, Timestamp } from "./primitives.js";

/** One physical item, identified by its license plate. */
export const Unit = z.object({
  lp: z.string().min(1).max(64),
  sku: Sku,
  upc: z.string().max(32),
  condition: Condition,
  disposition: Channel,
  warehouse: z.string().min(1),
  location: z.string().min(1),
  program: z.string().min(1),
  referenceUnitIdentifier: z.string().nullable().default(null),
  storeIdentifier: z.string().nullable().default(null),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Unit = z.infer<typeof Unit>;

/** A unit moving between dispositions and/or conditions; source of Disposition Update webhooks. */
export const DispositionEvent = z.object({
  id: Id,
  lp: z.string(),
  fromDisposition: Channel,
  toDisposition: Channel,
  fromCondition: Condition,
  toCondition: Condition,
  fromSku: Sku,
  toSku: Sku,
  upc: z.string(),
  warehouse: z.string(),
  location: z.string(),
  program: z.string(),
  referenceUnitIdentifier: z.string().nullable(),
  storeIdentifier: z.string().nullable(),
  userLogin: z.string().nullable(),
  at: Timestamp,
});
export type DispositionEvent = z.infer<typeof DispositionEvent>;
