import { z } from "zod";

/** Rows per import call the CLI sends by default; each call is one storage transaction. */
export const DEFAULT_BATCH_ROWS = 5_000;
/** The most rows one call may carry, so one request cannot hold the write lock for long. */
export const MAX_BATCH_ROWS = 10_000;

/** Input of a bulk procedure: a batch of rows of `row`. */
export function batchOf<T extends z.ZodType>(row: T) {
  return z.object({ rows: z.array(row).min(1).max(MAX_BATCH_ROWS) });
}

/** What a bulk procedure answers. */
export const BatchOutcome = z.object({ count: z.int().min(0) });

/** Splits rows into consecutive batches of at most `size`. */
export function* batches<T>(rows: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
