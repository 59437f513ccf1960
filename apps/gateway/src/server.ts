import type { DialectDefinition, RequestProblem, StoragePort, UseCaseContext } from "@dropgate/core-domain";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from "fastify";
import type { Logger } from "pino";
import type { GatewayConfig } from "./config.js";
import { createTokenBucketLimiter } from "./limits/token-bucket.js";
import { createLogger } from "./logging/logger.js";
import { REQUEST_ID_HEADER, requestIdFor } from "./logging/request-id.js";
import { createAllowedMethods } from "./mount/allowed-methods.js";
import { registerBodyParsers } from "./mount/body-parsers.js";
import { answerClientError } from "./mount/client-error.js";
import { createDialectLookup } from "./mount/dialect-lookup.js";
import { type FrameworkError, problemFromFrameworkError } from "./mount/framework-problem.js";
import { mountDialect } from "./mount/mount-dialect.js";
import { renderProblem } from "./mount/render-problem.js";
import { writeResponse } from "./mount/write-response.js";
import { registerGatewayRoutes } from "./routes.js";

/** What the gateway needs from its configuration (storage and listening are `startGateway`'s). */
export type GatewayServerConfig = Pick<GatewayConfig, "bodyLimitBytes" | "rateLimit" | "logLevel" | "trustProxy">;

export interface CreateGatewayOptions {
  readonly store: StoragePort;
  /** The clock handed to use cases; defaults to the system clock. */
  readonly now?: () => Date;
  readonly config: GatewayServerConfig;
  readonly dialects: readonly DialectDefinition<UseCaseContext>[];
  /** Defaults to JSON lines on stdout at `config.logLevel`. */
  readonly logger?: Logger;
}

/** Builds the gateway: every dialect mounted under its prefix, plus `/`, `/healthz` and error mapping. */
export function createGateway(options: CreateGatewayOptions): FastifyInstance {
  const { config, dialects } = options;
  checkPrefixes(dialects);
  const ctx: UseCaseContext = { store: options.store, now: options.now ?? (() => new Date()) };
  const dialectFor = createDialectLookup(dialects);
  const allowedMethods = new Map(dialects.map((dialect) => [dialect, createAllowedMethods(dialect)]));

  const answerProblem = (request: FastifyRequest, reply: FastifyReply, problem: RequestProblem): FastifyReply => {
    reply.header(REQUEST_ID_HEADER, request.id);
    return writeResponse(reply, renderProblem(dialectFor(request.url), problem));
  };
  const answerError = (error: FrameworkError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const problem = problemFromFrameworkError(error, config.bodyLimitBytes);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: error.code, status: problem.status }, problem.message);
    return answerProblem(request, reply, problem);
  };

  const app = Fastify({
    loggerInstance: options.logger ?? createLogger({ level: config.logLevel }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: "requestId" }),
    // Fastify's own 503 while closing has its own body; requests arriving during the drain are
    // served normally instead (with `Connection: close`), and /healthz reports the shutdown.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerError,
    clientErrorHandler: answerClientError,
  }) as unknown as FastifyInstance;

  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request, reply) => {
    const dialect = dialectFor(request.url);
    const path = request.url.split("?", 1)[0] ?? "";
    const allowed = dialect === undefined ? [] : (allowedMethods.get(dialect)?.(path) ?? []);
    if (allowed.length > 0) {
      reply.header("allow", allowed.join(", "));
      return answerProblem(request, reply, {
        kind: "method_not_allowed",
        status: 405,
        message: `Method ${request.method} is not allowed on ${path}; use ${allowed.join(", ")}`,
      });
    }
    return answerProblem(request, reply, {
      kind: "not_found",
      status: 404,
      message: `No route ${request.method} ${path}`,
    });
  });
  registerBodyParsers(app);

  const limiter = createTokenBucketLimiter(config.rateLimit);
  for (const dialect of dialects) mountDialect(app, dialect, { ctx, limiter });
  registerGatewayRoutes(app, { store: options.store, dialects });
  return app;
}

function checkPrefixes(dialects: readonly DialectDefinition<UseCaseContext>[]): void {
  const seen = new Set<string>();
  for (const { prefix, name } of dialects) {
    if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix)) throw new Error(`dialect ${name}: prefix "${prefix}" must look like /a/b`);
    if (seen.has(prefix)) throw new Error(`dialect ${name}: prefix "${prefix}" is mounted twice`);
    seen.add(prefix);
  }
}
