import type { z } from "zod";
import type { AuthOutcome, AuthRequest } from "./auth.js";
import type { MediaCodec } from "./codec.js";
import type { DefineOperation, Operation } from "./operation.js";
import type { RequestProblem } from "./problem.js";
import type { OperationResponse } from "./response.js";
import type { DialectSecurity } from "./security.js";

/**
 * How a dialect's URLs read. Off by default: paths are case-sensitive and have neither version
 * nor format suffixes (a trailing slash is always optional).
 */
export interface RoutingOptions {
  /** `/Vendor/PO/Fetch` is `/vendor/po/fetch`; path parameter values keep their case. */
  readonly caseInsensitive?: boolean;
  /** The last segment may carry `~N` (`/po/fetch~2`) to pick an operation's `version`; none is 1. */
  readonly versionSuffix?: boolean;
  /** A suffix on the last segment that picks the answer's media type and wins over Accept, e.g. `{ json: "application/json" }`. */
  readonly formatSuffixes?: Readonly<Record<string, string>>;
}

/** A token bucket: `burst` tokens at most, refilled continuously at `perMinute`. */
export interface RateLimitOptions {
  readonly perMinute: number;
  readonly burst: number;
}

/** Per-dialect limits; each one left out takes the gateway's configured default. */
export interface DialectLimits {
  readonly bodyLimitBytes?: number;
  readonly rateLimit?: RateLimitOptions;
}

/** Everything the gateway needs to serve one dialect. */
export interface DialectDefinition<Ctx = unknown, Principal = unknown> {
  readonly name: string;
  /** Mount prefix on the gateway, e.g. `/optoro/drop-ship`. */
  readonly prefix: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly operations: readonly Operation<Ctx, Principal>[];
  /** How `auth: "client"` operations authenticate, for the OpenAPI document. */
  readonly security?: DialectSecurity;
  /** Schema of the body `renderProblem` answers, so the OpenAPI document describes error responses. */
  readonly problemSchema?: z.ZodType;
  /** Codecs besides the built-in JSON one (e.g. an XML codec). */
  readonly codecs?: readonly MediaCodec[];
  /** The media type operations read and write unless they say otherwise; default application/json. */
  readonly defaultMediaType?: string;
  /** Media types `renderProblem` can answer in; default the default media type only. */
  readonly problemMediaTypes?: readonly string[];
  readonly routing?: RoutingOptions;
  readonly limits?: DialectLimits;
  /** Authenticates a request for operations with `auth: "client"`. */
  authenticate(request: AuthRequest, ctx: Ctx): AuthOutcome<Principal> | Promise<AuthOutcome<Principal>>;
  /** The rate-limit key of a principal; default its `id` property. */
  principalKey?(principal: Principal): string;
  /**
   * Renders a gateway-detected problem in the dialect's own envelope, shaped for `mediaType`
   * (one of `problemMediaTypes`: the negotiated one when it is, else the default).
   */
  renderProblem(problem: RequestProblem, mediaType: string): OperationResponse;
}

/** The typed builders of one dialect's context and principal. */
export interface DialectKit<Ctx, Principal> {
  readonly defineOperation: DefineOperation<Ctx, Principal>;
  /** Declares a dialect (identity; fixes its context and principal types). */
  readonly defineDialect: (dialect: DialectDefinition<Ctx, Principal>) => DialectDefinition<Ctx, Principal>;
}

/** The builders for dialects whose handlers get `Ctx` and whose clients are `Principal`. */
export function dialectKit<Ctx, Principal>(): DialectKit<Ctx, Principal> {
  return {
    defineOperation: (spec) => spec as unknown as Operation<Ctx, Principal>,
    defineDialect: (dialect) => dialect,
  };
}
