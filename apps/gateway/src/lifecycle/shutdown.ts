import type { FastifyInstance } from "fastify";

export interface ShutdownOptions {
  readonly app: FastifyInstance;
  /** Closes storage; runs after the last in-flight request has been answered. */
  readonly closeStorage: () => void;
  /** After this long, connections still open are cut so the process can exit. */
  readonly timeoutMs: number;
}

/*
 * Order matters: stop accepting connections and let in-flight requests finish (Fastify's
 * close: preClose hooks flip /healthz to 503, the listener stops, idle keep-alive sockets are
 * closed), and only then close storage, so no request loses its database mid-transaction.
 */

/** A graceful shutdown that runs once, however many times (or signals) ask for it. */
export function createShutdown(options: ShutdownOptions): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= (async () => {
      const { app } = options;
      app.log.info("shutting down: draining in-flight requests");
      const deadline = setTimeout(() => {
        app.log.warn({ timeoutMs: options.timeoutMs }, "shutdown timed out: closing open connections");
        app.server.closeAllConnections();
      }, options.timeoutMs);
      deadline.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(deadline);
        options.closeStorage();
        app.log.info("shut down");
      }
    })();
    return running;
  };
}
