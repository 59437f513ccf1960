/*
 * A token bucket per client: `burst` tokens at most, refilled continuously at `perMinute`.
 * Chosen over @fastify/rate-limit because that plugin counts fixed windows (no burst) and keys
 * requests in a hook that runs before the dialect has authenticated the client.
 */

/** The verdict for one request: allowed, or refused with the seconds until a token is back. */
export type TakeResult = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

export interface TokenBucketOptions {
  readonly perMinute: number;
  readonly burst: number;
  /** Milliseconds from a monotonic clock; injectable for tests. */
  readonly clock?: () => number;
  /** Buckets kept at most; idle (full) buckets are dropped first, then the oldest. */
  readonly maxKeys?: number;
}

export interface RateLimiter {
  /**
   * Takes `cost` tokens (default 1) when the bucket holds `need` (default the cost, at most the
   * burst). A cost above the burst runs on a full bucket and leaves it in debt, so heavy work
   * waits as long as its cost takes to refill: the limit counts work, not requests.
   */
  take(key: string, cost?: number, need?: number): TakeResult;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** A rate limiter holding one token bucket per key, in memory. */
export function createTokenBucketLimiter(options: TokenBucketOptions): RateLimiter {
  const clock = options.clock ?? (() => performance.now());
  const maxKeys = options.maxKeys ?? 50_000;
  const perMs = options.perMinute / 60_000;
  const buckets = new Map<string, Bucket>();

  const refill = (bucket: Bucket, now: number): void => {
    bucket.tokens = Math.min(options.burst, bucket.tokens + (now - bucket.updatedAt) * perMs);
    bucket.updatedAt = now;
  };

  const prune = (now: number): void => {
    for (const [key, bucket] of buckets) {
      refill(bucket, now);
      if (bucket.tokens >= options.burst) buckets.delete(key);
    }
    // Still too many active clients: forget the least recently seen (Map keeps insertion order).
    for (const key of buckets.keys()) {
      if (buckets.size < maxKeys) break;
      buckets.delete(key);
    }
  };

  return {
    take(key, cost = 1, need = Math.min(Math.max(cost, 0), options.burst)) {
      const now = clock();
      let bucket = buckets.get(key);
      if (bucket === undefined) {
        if (buckets.size >= maxKeys) prune(now);
        bucket = { tokens: options.burst, updatedAt: now };
      } else {
        buckets.delete(key);
        refill(bucket, now);
      }
      buckets.set(key, bucket);
      if (bucket.tokens >= need) {
        bucket.tokens -= cost;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((need - bucket.tokens) / perMs / 1000)) };
    },
  };
}
