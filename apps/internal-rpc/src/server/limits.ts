/**
 * The most procedure calls one batched request may carry (`/trpc/a,b,…?batch=1`). Without a cap
 * the only limit is the URL length, and a thousand calls in one request are a thousand handlers
 * started at once. The CLI's client splits larger batches to this size (`maxItems`).
 */
export const MAX_BATCH_SIZE = 50;

/** Bulk imports send thousands of rows per call; anything larger than this is refused. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/** tRPC's own message for a batch over `maxBatchSize`, which the error formatter words for people. */
export const BATCH_TOO_LARGE_MESSAGE = "Batch call exceeds maximum size";
