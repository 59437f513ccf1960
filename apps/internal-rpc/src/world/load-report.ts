import { ClientScope, Dialect, Id } from "@dropgate/core-domain";
import { z } from "zod";

/** One credential issued while loading a world; the secret exists nowhere else. */
export const IssuedCredential = z.object({
  clientId: Id,
  dialect: Dialect,
  scope: ClientScope,
  vendorId: z.string().nullable(),
  key: z.string(),
  secret: z.string(),
  /** The one string a RetailOps vendor sends (`apikey`); only for one-string dialects. */
  apikey: z.string().optional(),
});
export type IssuedCredential = z.infer<typeof IssuedCredential>;

const Tally = z.object({ created: z.int().min(0), existing: z.int().min(0) });

/** What loading a world did: credentials keyed by client name, and what was new or already there. */
export const WorldLoadReport = z.object({
  credentials: z.record(z.string(), IssuedCredential),
  clients: Tally,
  units: Tally,
  subscriptions: Tally,
  /** Rows written as upserts or absolute quantities; a second load writes the same values again. */
  products: z.int().min(0),
  stock: z.int().min(0),
  shipClasses: z.int().min(0),
  carriers: z.int().min(0),
});
export type WorldLoadReport = z.infer<typeof WorldLoadReport>;
