import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("loadConfig", () => {
  it("has defaults that work out of the box", () => {
    expect(loadConfig({}, "/srv/dropgate")).toEqual({
      dbPath: "/srv/dropgate/data/dropgate.sqlite",
      host: "127.0.0.1",
      port: 8080,
      bodyLimitBytes: 1_048_576,
      rateLimit: { perMinute: 1200, burst: 120 },
      logLevel: "info",
      trustProxy: false,
      shutdownTimeoutMs: 10_000,
      dispatcher: {
        enabled: true,
        pollIntervalMs: 250,
        retryDelaysMs: [30_000, 60_000, 120_000, 240_000, 480_000],
        timeoutMs: 10_000,
        leaseMs: 60_000,
        concurrency: 32,
        perSubscription: 4,
      },
    });
  });

  it("reads every variable", () => {
    const config = loadConfig(
      {
        DROPGATE_DB_PATH: "/var/lib/dropgate/db.sqlite",
        DROPGATE_GATEWAY_HOST: "0.0.0.0",
        DROPGATE_GATEWAY_PORT: "9000",
        DROPGATE_BODY_LIMIT_BYTES: "2048",
        DROPGATE_RATE_LIMIT_PER_MINUTE: "60",
        DROPGATE_RATE_LIMIT_BURST: "5",
        DROPGATE_CURSOR_SECRET: "a-secret-of-enough-length",
        DROPGATE_OAUTH_TOKEN_TTL_SECONDS: "3600",
        DROPGATE_LOG_LEVEL: "debug",
        DROPGATE_TRUST_PROXY: "true",
        DROPGATE_SHUTDOWN_TIMEOUT_MS: "500",
        DROPGATE_DISPATCHER: "false",
        DROPGATE_DISPATCHER_POLL_MS: "100",
        DROPGATE_WEBHOOK_BACKOFF_MS: "100, 200,400,800,1600",
        DROPGATE_WEBHOOK_TIMEOUT_MS: "2000",
        DROPGATE_WEBHOOK_LEASE_MS: "5000",
        DROPGATE_WEBHOOK_CONCURRENCY: "8",
        DROPGATE_WEBHOOK_SUBSCRIPTION_CONCURRENCY: "2",
      },
      "/ignored",
    );
    expect(config).toEqual({
      dbPath: "/var/lib/dropgate/db.sqlite",
      host: "0.0.0.0",
      port: 9000,
      bodyLimitBytes: 2048,
      rateLimit: { perMinute: 60, burst: 5 },
      cursorSecret: "a-secret-of-enough-length",
      oauthTokenTtlSeconds: 3600,
      logLevel: "debug",
      trustProxy: true,
      shutdownTimeoutMs: 500,
      dispatcher: {
        enabled: false,
        pollIntervalMs: 100,
        retryDelaysMs: [100, 200, 400, 800, 1600],
        timeoutMs: 2000,
        leaseMs: 5000,
        concurrency: 8,
        perSubscription: 2,
      },
    });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DROPGATE_GATEWAY_PORT: "", DROPGATE_CURSOR_SECRET: "" }, "/x").port).toBe(8080);
  });

  it("names the variable that holds an unusable value", () => {
    expect(() => loadConfig({ DROPGATE_GATEWAY_PORT: "eighty" })).toThrow(ConfigError);
    expect(() => loadConfig({ DROPGATE_GATEWAY_PORT: "70000" })).toThrow(/DROPGATE_GATEWAY_PORT/);
    expect(() => loadConfig({ DROPGATE_LOG_LEVEL: "loud" })).toThrow(/DROPGATE_LOG_LEVEL/);
    expect(() => loadConfig({ DROPGATE_CURSOR_SECRET: "short" })).toThrow(/DROPGATE_CURSOR_SECRET/);
    expect(() => loadConfig({ DROPGATE_DISPATCHER: "yes" })).toThrow(/DROPGATE_DISPATCHER/);
    expect(() => loadConfig({ DROPGATE_DISPATCHER_POLL_MS: "0" })).toThrow(/DROPGATE_DISPATCHER_POLL_MS/);
    expect(() => loadConfig({ DROPGATE_WEBHOOK_BACKOFF_MS: "100,200,400" })).toThrow(/DROPGATE_WEBHOOK_BACKOFF_MS: give exactly 5/);
    expect(() => loadConfig({ DROPGATE_WEBHOOK_BACKOFF_MS: "100,200,x,800,1600" })).toThrow(/DROPGATE_WEBHOOK_BACKOFF_MS/);
    expect(() => loadConfig({ DROPGATE_WEBHOOK_TIMEOUT_MS: "-1" })).toThrow(/DROPGATE_WEBHOOK_TIMEOUT_MS/);
  });
});
