import type { Logger } from "pino";

/** Runs `shutdown` on SIGINT/SIGTERM and exits; a second signal exits at once. Answers an uninstaller. */
export function exitOnSignals(shutdown: () => Promise<void>, logger: Logger): () => void {
  // Logs are written asynchronously: flush them before the process goes.
  const exit = (code: number): void => logger.flush(() => process.exit(code));
  let received = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      exit(1);
      return;
    }
    received = true;
    logger.info({ signal }, "signal received");
    shutdown().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        exit(1);
      },
    );
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return () => {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  };
}
