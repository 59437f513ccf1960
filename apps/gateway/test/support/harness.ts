import type { UseCaseContext } from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { DEFAULT_DISPATCH } from "../../src/dispatcher/webhook-dispatcher.js";
import type { GatewayDialect } from "../../src/mount/dialect-runtime.js";
import type { FastifyInstance } from "fastify";
import type { GatewayConfig } from "../../src/config.js";
import { createLogger } from "../../src/logging/logger.js";
import { createGateway } from "../../src/server.js";

/*
 * One real gateway per test: a fresh migrated SQLite file, real HTTP on 127.0.0.1 port 0,
 * the real dialects unless a test brings its own. Logs are captured in memory (never printed)
 * so tests can assert on them, e.g. that a phone number was redacted.
 */

// Loaded only when a test wants them, so tests of the mount with their own dialect do not
// depend on (or wait for) every adapter compiling.
async function realDialects(cursorSecret: string): Promise<GatewayDialect[]> {
  const { createDialects } = await import("../../src/dialects.js");
  return createDialects({ cursorSecret });
}

/** A cursor secret fixed for tests, so cursors are reproducible. */
export const TEST_CURSOR_SECRET = "test-cursor-secret-0123456789abcdef";

export interface TestGatewayOptions {
  /** Dialects to mount instead of the real ones. */
  readonly dialects?: readonly GatewayDialect[];
  /** Overrides of the test configuration (which has a rate limit no test reaches by accident). */
  readonly config?: Partial<GatewayConfig>;
  /** The use-case clock; defaults to the system clock. */
  readonly now?: () => Date;
}

/** One captured pino log line. */
export type LogLine = Record<string, unknown> & { readonly level: number; readonly msg?: string };

export interface TestGateway {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly baseUrl: string;
  /** The gateway's storage: a SQLite file of its own (a `StoragePort`). */
  readonly store: TestStorage;
  /** The context handlers get, for seeding data through the use cases. */
  readonly ctx: UseCaseContext;
  readonly app: FastifyInstance;
  /** Every log line written so far, parsed. */
  logs(): LogLine[];
  /** The raw log output so far (to assert that something never appears in it). */
  rawLogs(): string;
  /** Closes the gateway, then the storage, and deletes the database file. */
  close(): Promise<void>;
}

/** Starts a gateway on a fresh database, listening on 127.0.0.1 on a free port. */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const storage = await createTestStorage();
  const captured: string[] = [];
  const now = options.now ?? (() => new Date());
  const config: GatewayConfig = {
    dbPath: ":memory:",
    host: "127.0.0.1",
    port: 0,
    bodyLimitBytes: 1024 * 1024,
    rateLimit: { perMinute: 1_000_000, burst: 1_000_000 },
    logLevel: "info",
    trustProxy: false,
    shutdownTimeoutMs: 10_000,
    dispatcher: { ...DEFAULT_DISPATCH, enabled: false },
    ...options.config,
  };
  try {
    const app = createGateway({
      store: storage,
      now,
      config,
      dialects: options.dialects ?? (await realDialects(config.cursorSecret ?? TEST_CURSOR_SECRET)),
      logger: createLogger({ level: config.logLevel, destination: { write: (line: string) => captured.push(line) } }),
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    if (address === null || typeof address === "string") throw new Error("the gateway is not listening on TCP");
    let closed = false;
    return {
      baseUrl: `http://127.0.0.1:${address.port}`,
      store: storage,
      ctx: { store: storage, now },
      app,
      logs: () => captured.map((line) => JSON.parse(line) as LogLine),
      rawLogs: () => captured.join(""),
      async close() {
        if (closed) return;
        closed = true;
        try {
          await app.close();
        } finally {
          storage.cleanup();
        }
      },
    };
  } catch (error) {
    storage.cleanup();
    throw error;
  }
}
