import { z } from "zod";

/*
 * Disposition Update 1.0.0, `DispositionPayload` (optoro.md §4.1): exactly the spec's fields
 * (additionalProperties: false), the spec's ten required ones required.
 */

/** `timestamp`: "iso8601 formatted date string (YYYY-MM-DDT00:00:00) in UTC": seconds, no zone, no fraction. */
export const DispositionTimestamp = z.iso
  .datetime({ local: true, precision: 0 })
  .regex(/\d$/, "Must be YYYY-MM-DDTHH:MM:SS in UTC, without a zone");

/** `from_condition` / `to_condition`: [N, TT, R, A, B, C, X]. */
export const DispositionCondition = z.enum(["N", "TT", "R", "A", "B", "C", "X"]);
export type DispositionCondition = z.infer<typeof DispositionCondition>;

/**
 * The body Optoro POSTs to a client's Disposition Update endpoint. Dispositions are open strings:
 * the spec lists channels but its own example (`needs_testing`) is outside that list.
 */
export const DispositionPayload = z.strictObject({
  from_disposition: z.string(),
  to_disposition: z.string(),
  timestamp: DispositionTimestamp,
  location_identifier: z.string(),
  warehouse_identifier: z.string(),
  optiturn_lp: z.string(),
  program_identifier: z.string(),
  from_sku: z.string().optional(),
  to_sku: z.string().optional(),
  /** Deprecated by the spec in favour of from_sku / to_sku. */
  sku: z.string().optional(),
  upc: z.string(),
  from_condition: DispositionCondition,
  to_condition: DispositionCondition,
  reference_unit_identifier: z.string().optional(),
  store_identifier: z.string().optional(),
  user_login: z.string().optional(),
});
export type DispositionPayload = z.infer<typeof DispositionPayload>;
