import { pino, type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../config.js";
import { REDACTED, redactDeep, redactPaths } from "./redact.js";

/** Options of the gateway's logger; `destination` defaults to stdout. */
export interface GatewayLoggerOptions {
  readonly level: LogLevel;
  readonly destination?: DestinationStream;
}

/*
 * JSON lines on stdout, always: pino-pretty would be the only reason to do otherwise, and its
 * current release pulls a Node-22-only dependency (strip-json-comments 5.1). Pipe the output
 * through `npx pino-pretty` when reading logs by eye.
 */

/** The gateway's pino logger: redacts addresses, phones and credentials; `body`/`payload` deeply. */
export function createLogger(options: GatewayLoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "dropgate-gateway" },
      redact: { paths: redactPaths(), censor: REDACTED },
      serializers: { body: (value: unknown) => redactDeep(value), payload: (value: unknown) => redactDeep(value) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
