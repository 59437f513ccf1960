import type { UseCaseContext } from "@dropgate/core-domain";
import { type DialectDefinition, JSON_MEDIA_TYPE, jsonCodec, type MediaCodec, negotiateMediaType } from "@dropgate/dialect-kit";
import { createTokenBucketLimiter, type RateLimiter } from "../limits/token-bucket.js";

/** A dialect as the gateway mounts it: any principal, the use-case context. */
export type GatewayDialect = DialectDefinition<UseCaseContext, unknown>;

/** Gateway-wide defaults a dialect's own limits override. */
export interface LimitDefaults {
  readonly bodyLimitBytes: number;
  readonly rateLimit: { readonly perMinute: number; readonly burst: number };
}

/** What the gateway derives once from a dialect's definition. */
export interface DialectRuntime {
  readonly dialect: GatewayDialect;
  readonly defaultMediaType: string;
  readonly problemMediaTypes: readonly string[];
  readonly bodyLimitBytes: number;
  readonly rateLimit: LimitDefaults["rateLimit"];
  readonly limiter: RateLimiter;
  /** The codec of a media type or alias (lower-case essence). */
  codecFor(mediaType: string): MediaCodec | undefined;
  /** The media type a problem is rendered in for this Accept header. */
  problemMediaType(accept: string | undefined, preferred?: string): string;
  /** The rate-limit key of an authenticated principal. */
  principalKey(principal: unknown): string;
}

/** Builds the runtime of one dialect. */
export function createDialectRuntime(dialect: GatewayDialect, defaults: LimitDefaults): DialectRuntime {
  const codecs = new Map<string, MediaCodec>();
  for (const codec of [jsonCodec, ...(dialect.codecs ?? [])]) {
    for (const type of [codec.mediaType, ...(codec.aliases ?? [])]) codecs.set(type.toLowerCase(), codec);
  }
  const defaultMediaType = dialect.defaultMediaType ?? JSON_MEDIA_TYPE;
  const problemMediaTypes = dialect.problemMediaTypes ?? [defaultMediaType];
  const rateLimit = dialect.limits?.rateLimit ?? defaults.rateLimit;
  return {
    dialect,
    defaultMediaType,
    problemMediaTypes,
    bodyLimitBytes: dialect.limits?.bodyLimitBytes ?? defaults.bodyLimitBytes,
    rateLimit,
    limiter: createTokenBucketLimiter(rateLimit),
    codecFor: (mediaType) => codecs.get(mediaType),
    problemMediaType(accept, preferred) {
      if (preferred !== undefined && problemMediaTypes.includes(preferred)) return preferred;
      // Nothing acceptable (the 406 itself, say): the dialect's default.
      return negotiateMediaType(accept, problemMediaTypes, defaultMediaType) ?? defaultMediaType;
    },
    principalKey(principal) {
      if (dialect.principalKey !== undefined) return dialect.principalKey(principal);
      const id = principal !== null && typeof principal === "object" ? (principal as { readonly id?: unknown }).id : undefined;
      return String(id ?? principal);
    },
  };
}
