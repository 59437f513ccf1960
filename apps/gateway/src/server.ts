import type { StoragePort, UseCaseContext } from "@dropgate/core-domain";
import type { RequestProblem } from "@dropgate/dialect-kit";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest, LogController } from "fastify";
import type { Logger } from "pino";
import type { GatewayConfig } from "./config.js";
import { createLogger } from "./logging/logger.js";
import { createGatewayMetrics, type GatewayMetrics } from "./metrics/gateway-metrics.js";
import { registerMetrics } from "./metrics/metrics-route.js";
import { REQUEST_ID_HEADER, requestIdFor } from "./logging/request-id.js";
import { createAllowedMethods } from "./mount/allowed-methods.js";
import { registerBodyParsers } from "./mount/body-parsers.js";
import { answerClientError } from "./mount/client-error.js";
import { createDialectLookup } from "./mount/dialect-lookup.js";
import { createDialectRuntime, type DialectRuntime, type GatewayDialect } from "./mount/dialect-runtime.js";
import { type FrameworkError, problemFromFrameworkError } from "./mount/framework-problem.js";
import { mountDialect } from "./mount/mount-dialect.js";
import { renderProblem } from "./mount/render-problem.js";
import { createRouteRewrite, routeHintsOf } from "./mount/route-rewrite.js";
import { writeResponse } from "./mount/write-response.js";
import { registerGatewayRoutes } from "./routes.js";

/** What the gateway needs from its configuration (storage and listening are `startGateway`'s). */
export type GatewayServerConfig = Pick<GatewayConfig, "bodyLimitBytes" | "rateLimit" | "logLevel" | "trustProxy" | "timeouts">;

/** Defaults of the Node server's timeouts (documented in the README). */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 } as const;

export interface CreateGatewayOptions {
  readonly store: StoragePort;
  /** The clock handed to use cases; defaults to the system clock. */
  readonly now?: () => Date;
  readonly config: GatewayServerConfig;
  readonly dialects: readonly GatewayDialect[];
  /** Defaults to JSON lines on stdout at `config.logLevel`. */
  readonly logger?: Logger;
  /** What `/metrics` serves; defaults to a registry of this gateway's own. */
  readonly metrics?: GatewayMetrics;
}

/** Builds the gateway: every dialect mounted under its prefix, plus `/`, `/healthz` and error mapping. */
export function createGateway(options: CreateGatewayOptions): FastifyInstance {
  const { config, dialects } = options;
  checkPrefixes(dialects);
  const ctx: UseCaseContext = { store: options.store, now: options.now ?? (() => new Date()) };
  const runtimes = dialects.map((dialect) => createDialectRuntime(dialect, config));
  const runtimeFor = createDialectLookup(runtimes.map((runtime) => ({ prefix: runtime.dialect.prefix, runtime })));
  const allowedMethods = new Map(runtimes.map((runtime) => [runtime, createAllowedMethods(runtime.dialect)]));
  const timeouts = config.timeouts ?? DEFAULT_TIMEOUTS;

  const answerProblem = (request: FastifyRequest, reply: FastifyReply, problem: RequestProblem): FastifyReply => {
    reply.header(REQUEST_ID_HEADER, request.id);
    const runtime = runtimeFor(request.url)?.runtime;
    const mediaType = runtime?.problemMediaType(request.headers.accept, routeHintsOf(request.raw).mediaType) ?? "application/json";
    return writeResponse(reply, renderProblem(runtime?.dialect, problem, mediaType), { runtime, mediaType });
  };
  const answerError = (error: FrameworkError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    const problem = problemFromFrameworkError(error, runtimeFor(request.url)?.runtime.bodyLimitBytes ?? config.bodyLimitBytes);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: error.code, status: problem.status }, problem.message);
    return answerProblem(request, reply, problem);
  };

  const rewriteUrl = createRouteRewrite(dialects);
  const app = Fastify({
    loggerInstance: options.logger ?? createLogger({ level: config.logLevel }),
    bodyLimit: config.bodyLimitBytes,
    // A request whose headers or body trickle in is answered 408 and its socket closed
    // (answerClientError); Node checks the clocks every `connectionsCheckingInterval`.
    requestTimeout: timeouts.requestMs,
    http: {
      headersTimeout: Math.min(timeouts.headersMs, timeouts.requestMs),
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(Math.min(timeouts.headersMs, timeouts.requestMs) / 4))),
    },
    trustProxy: config.trustProxy,
    genReqId: requestIdFor,
    logController: new LogController({ requestIdLogLabel: "requestId" }),
    // Fastify's own 503 while closing has its own body; requests arriving during the drain are
    // served normally instead (with `Connection: close`), and /healthz reports the shutdown.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: answerError,
    clientErrorHandler: answerClientError,
    ...(rewriteUrl === undefined ? {} : { rewriteUrl }),
  }) as unknown as FastifyInstance;

  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  registerMetrics(app, options.metrics ?? createGatewayMetrics({ store: options.store }));
  app.setErrorHandler(answerError);
  app.setNotFoundHandler((request, reply) => {
    const runtime: DialectRuntime | undefined = runtimeFor(request.url)?.runtime;
    const path = request.url.split("?", 1)[0] ?? "";
    const allowed = runtime === undefined ? [] : (allowedMethods.get(runtime)?.(path) ?? []);
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

  for (const runtime of runtimes) mountDialect(app, runtime, { ctx });
  registerGatewayRoutes(app, { store: options.store, dialects });
  return app;
}

function checkPrefixes(dialects: readonly GatewayDialect[]): void {
  const seen = new Set<string>();
  for (const { prefix, name } of dialects) {
    if (!/^(\/[A-Za-z0-9._~-]+)+$/.test(prefix)) throw new Error(`dialect ${name}: prefix "${prefix}" must look like /a/b`);
    if (seen.has(prefix)) throw new Error(`dialect ${name}: prefix "${prefix}" is mounted twice`);
    seen.add(prefix);
  }
}
