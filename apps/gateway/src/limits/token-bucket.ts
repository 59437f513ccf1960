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
  take(key: string): TakeResult;
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
    take(key) {
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
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
    },
  };
}
