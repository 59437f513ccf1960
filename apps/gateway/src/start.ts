import { mkdirSync } from "node:fs";
import path from "node:path";
import type { StoragePort } from "@dropgate/core-domain";
import { openStorage } from "@dropgate/storage";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { GatewayConfig } from "./config.js";
import { resolveCursorSecret } from "./cursor-secret.js";
import { createDialects } from "./dialects.js";
import { startWebhookDispatcher, type WebhookDispatcher } from "./dispatcher/webhook-dispatcher.js";
import { exitOnSignals } from "./lifecycle/signals.js";
import { createShutdown } from "./lifecycle/shutdown.js";
import { createLogger } from "./logging/logger.js";
import { createGatewayMetrics } from "./metrics/gateway-metrics.js";
import type { GatewayDialect } from "./mount/dialect-runtime.js";
import { createGateway } from "./server.js";

export interface StartGatewayOptions {
  /** Replaces the real dialects (tests). */
  readonly dialects?: (options: { readonly cursorSecret: string }) => readonly GatewayDialect[];
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** Install SIGINT/SIGTERM handlers that shut down and exit; default true. */
  readonly handleSignals?: boolean;
}

/** A gateway that is listening. */
export interface RunningGateway {
  readonly app: FastifyInstance;
  /** Base URL it listens on, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly store: StoragePort;
  /** The webhook dispatcher, unless `DROPGATE_DISPATCHER` turned it off. */
  readonly dispatcher: WebhookDispatcher | undefined;
  /** Graceful shutdown (what SIGINT/SIGTERM run): stop accepting, finish in-flight, close storage. */
  readonly shutdown: () => Promise<void>;
}

/** Opens storage (migrating it), mounts the dialects, listens, and shuts down gracefully on signals. */
export async function startGateway(config: GatewayConfig, options: StartGatewayOptions = {}): Promise<RunningGateway> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  if (config.dbPath !== ":memory:") mkdirSync(path.dirname(config.dbPath), { recursive: true });
  const cursorSecret = resolveCursorSecret(config.cursorSecret, config.dbPath);
  const store = await openStorage({ path: config.dbPath, checkpoint: "background" });
  try {
    const dialectOptions = {
      cursorSecret,
      ...(config.oauthTokenTtlSeconds === undefined ? {} : { oauthTokenTtlSeconds: config.oauthTokenTtlSeconds }),
    };
    const dialects = options.dialects?.(dialectOptions) ?? createDialects(dialectOptions);
    const now = options.now ?? (() => new Date());
    const metrics = createGatewayMetrics({ store });
    const app = createGateway({ store, config, dialects, logger, now, metrics });
    let dispatcher: WebhookDispatcher | undefined;
    // Fastify runs onClose hooks inside app.close(), and shutdown closes storage only after it:
    // the dispatcher finishes and records its sends before the database goes.
    app.addHook("onClose", async () => dispatcher?.stop());
    const shutdown = createShutdown({ app, closeStorage: () => store.close(), timeoutMs: config.shutdownTimeoutMs });
    const url = await app.listen({ host: config.host, port: config.port });
    if (config.dispatcher.enabled) {
      try {
        dispatcher = startWebhookDispatcher({
          ctx: { store, now },
          logger: logger.child({ component: "webhook-dispatcher" }),
          events: metrics.dispatcherEvents,
          ...config.dispatcher,
        });
      } catch (error) {
        await app.close();
        throw error;
      }
    }
    if (options.handleSignals ?? true) exitOnSignals(shutdown, logger);
    logger.info({ url, dbPath: config.dbPath, dialects: dialects.map((dialect) => dialect.prefix) }, "gateway listening");
    return { app, url, store, dispatcher, shutdown };
  } catch (error) {
    store.close();
    throw error;
  }
}
