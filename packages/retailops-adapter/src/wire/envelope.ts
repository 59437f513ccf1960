import { z } from "zod";

/*
 * RetailOps' envelope (retailops-rewix.md A2): success is `{"success":1,"records":[…]}`; a failure
 * is `{"success":0,"ERROR":"<message>","ERRORCODE":"<code>"}`, upper-case keys, injected by the
 * dispatcher. Clients branch on `success` and `ERRORCODE` and match substrings of `ERROR`.
 */

/** The error envelope. */
export const ErrorEnvelope = z.object({
  success: z.literal(0),
  ERROR: z.string(),
  ERRORCODE: z.string(),
  /** Per-record outcomes, when some records of a batch were refused and the others applied. */
  records: z.array(z.record(z.string(), z.unknown())).optional(),
});
export type ErrorEnvelope = z.infer<typeof ErrorEnvelope>;

/** A success envelope around records of one schema; `total` where the list is paged. */
export function successEnvelope<R extends z.ZodType>(record: R, extra: z.ZodRawShape = {}) {
  return z.object({ success: z.literal(1), records: z.array(record), ...extra });
}

/** A record's outcome inside a batch answer: `idx` is its index in the request. */
export const RecordOutcome = z.object({
  idx: z.int().min(0),
  success: z.literal([0, 1]),
  ERROR: z.string().optional(),
  ERRORCODE: z.string().optional(),
});
export type RecordOutcome = z.infer<typeof RecordOutcome>;
