import { pino, type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../config.js";
import { redactDeep } from "./redact.js";

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

/*
 * Redaction runs on each line that is written (`formatters.log`), at any depth, rather than
 * through pino's `redact` paths: with paths, pino also runs its redaction over the bindings of
 * every child logger, and Fastify makes one child per request, so every request paid for
 * about 60 wildcard paths even when nothing was logged (3 % of the gateway's CPU profile under
 * load, issue 13). Bindings are the request id and fixed service names, never partner data.
 */

/** The gateway's pino logger: redacts addresses, phones and credentials in what it writes, at any depth. */
export function createLogger(options: GatewayLoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "dropgate-gateway" },
      formatters: { log: (object) => redactDeep(object) as Record<string, unknown> },
      // Serializers run after formatters.log and produce what is written: an error's own fields
      // (a request's headers, say) are redacted as they leave pino's err serializer.
      serializers: { err: (error: Error) => redactDeep({ ...pino.stdSerializers.err(error) }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
