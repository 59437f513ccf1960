import path from "node:path";
import { DEFAULT_RETRY_DELAYS_MS, MAX_DELIVERY_RETRIES } from "@dropgate/core-domain";
import { z } from "zod";
import { DEFAULT_DISPATCH, type WebhookDispatchSettings } from "./dispatcher/webhook-dispatcher.js";

/*
 * Configuration comes from the environment only, and every variable has a default that works
 * out of the box: `node dist/main.js` with no environment at all serves on 127.0.0.1:8080 from
 * ./data/dropgate.sqlite. Every variable is documented in the README's configuration table.
 */

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const flag = (fallback: "true" | "false") =>
  z
    .enum(["true", "false", "1", "0"])
    .default(fallback)
    .transform((value) => value === "true" || value === "1");

/** `30000,60000,…`: the delays of the five retries in milliseconds. */
const retryDelays = z
  .string()
  .default(DEFAULT_RETRY_DELAYS_MS.join(","))
  .transform((text) => text.split(",").map((part) => part.trim()))
  .pipe(z.array(z.coerce.number<string>().int().positive()).length(MAX_DELIVERY_RETRIES, `give exactly ${MAX_DELIVERY_RETRIES} comma-separated delays (one per retry)`));

/** Environment variables read by the gateway, with their defaults. */
export const GatewayEnv = z.object({
  DROPGATE_DB_PATH: z.string().min(1).default("./data/dropgate.sqlite"),
  DROPGATE_GATEWAY_HOST: z.string().min(1).default("127.0.0.1"),
  DROPGATE_GATEWAY_PORT: z.coerce.number().int().min(0).max(65_535).default(8080),
  DROPGATE_BODY_LIMIT_BYTES: positiveInt(1024 * 1024),
  DROPGATE_RATE_LIMIT_PER_MINUTE: positiveInt(1200),
  DROPGATE_RATE_LIMIT_BURST: positiveInt(120),
  DROPGATE_CURSOR_SECRET: z.string().min(16).optional(),
  DROPGATE_OAUTH_TOKEN_TTL_SECONDS: z.coerce.number().int().positive().optional(),
  DROPGATE_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  DROPGATE_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().optional(),
  DROPGATE_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  DROPGATE_TRUST_PROXY: flag("false"),
  DROPGATE_SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  DROPGATE_DISPATCHER: flag("true"),
  DROPGATE_DISPATCHER_POLL_MS: positiveInt(DEFAULT_DISPATCH.pollIntervalMs),
  DROPGATE_WEBHOOK_BACKOFF_MS: retryDelays,
  DROPGATE_WEBHOOK_TIMEOUT_MS: positiveInt(DEFAULT_DISPATCH.timeoutMs),
  DROPGATE_WEBHOOK_LEASE_MS: z.coerce.number().int().min(100).default(DEFAULT_DISPATCH.leaseMs),
  DROPGATE_WEBHOOK_CONCURRENCY: positiveInt(DEFAULT_DISPATCH.concurrency),
  DROPGATE_WEBHOOK_SUBSCRIPTION_CONCURRENCY: positiveInt(DEFAULT_DISPATCH.perSubscription),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

/** Everything the gateway needs to start, already validated. */
export interface GatewayConfig {
  /** Absolute path of the SQLite database file. */
  readonly dbPath: string;
  readonly host: string;
  readonly port: number;
  readonly bodyLimitBytes: number;
  readonly rateLimit: { readonly perMinute: number; readonly burst: number };
  /** Secret that signs paging cursors; when absent, `startGateway` keeps one next to the database. */
  readonly cursorSecret?: string;
  readonly oauthTokenTtlSeconds?: number;
  readonly logLevel: LogLevel;
  /**
   * Node server timeouts: all headers within `headersMs`, the whole request (body included)
   * within `requestMs`, else 408 and the socket closed. Defaults: 10 s and 30 s.
   */
  readonly timeouts?: { readonly headersMs: number; readonly requestMs: number };
  /** Take the client address from X-Forwarded-For (behind a load balancer), for per-IP limits. */
  readonly trustProxy: boolean;
  /** How long shutdown waits for in-flight requests before giving up on them. */
  readonly shutdownTimeoutMs: number;
  /** The webhook dispatcher `startGateway` runs beside the server, and its settings. */
  readonly dispatcher: Required<WebhookDispatchSettings> & { readonly enabled: boolean };
}

/** Thrown when an environment variable holds a value the gateway cannot use. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
}

/** Reads the gateway configuration from environment variables (relative paths against `cwd`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): GatewayConfig {
  // An empty variable means "not set", as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = GatewayEnv.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = issue?.path.join(".") ?? "environment";
    throw new ConfigError(`${variable}: ${issue?.message ?? "invalid value"}`);
  }
  const e = parsed.data;
  return {
    dbPath: path.resolve(cwd, e.DROPGATE_DB_PATH),
    host: e.DROPGATE_GATEWAY_HOST,
    port: e.DROPGATE_GATEWAY_PORT,
    bodyLimitBytes: e.DROPGATE_BODY_LIMIT_BYTES,
    rateLimit: { perMinute: e.DROPGATE_RATE_LIMIT_PER_MINUTE, burst: e.DROPGATE_RATE_LIMIT_BURST },
    ...(e.DROPGATE_CURSOR_SECRET === undefined ? {} : { cursorSecret: e.DROPGATE_CURSOR_SECRET }),
    ...(e.DROPGATE_OAUTH_TOKEN_TTL_SECONDS === undefined
      ? {}
      : { oauthTokenTtlSeconds: e.DROPGATE_OAUTH_TOKEN_TTL_SECONDS }),
    ...(e.DROPGATE_HEADERS_TIMEOUT_MS === undefined && e.DROPGATE_REQUEST_TIMEOUT_MS === undefined
      ? {}
      : {
          timeouts: {
            headersMs: e.DROPGATE_HEADERS_TIMEOUT_MS ?? 10_000,
            requestMs: e.DROPGATE_REQUEST_TIMEOUT_MS ?? 30_000,
          },
        }),
    logLevel: e.DROPGATE_LOG_LEVEL,
    trustProxy: e.DROPGATE_TRUST_PROXY,
    shutdownTimeoutMs: e.DROPGATE_SHUTDOWN_TIMEOUT_MS,
    dispatcher: {
      enabled: e.DROPGATE_DISPATCHER,
      pollIntervalMs: e.DROPGATE_DISPATCHER_POLL_MS,
      retryDelaysMs: e.DROPGATE_WEBHOOK_BACKOFF_MS,
      timeoutMs: e.DROPGATE_WEBHOOK_TIMEOUT_MS,
      leaseMs: e.DROPGATE_WEBHOOK_LEASE_MS,
      concurrency: e.DROPGATE_WEBHOOK_CONCURRENCY,
      perSubscription: e.DROPGATE_WEBHOOK_SUBSCRIPTION_CONCURRENCY,
    },
  };
}
