import type { FastifyInstance } from "fastify";
import type { GatewayMetrics } from "./gateway-metrics.js";

/**
 * Counts every answered request (route pattern, not raw URL, so ids and queries do not multiply
 * the series) and serves `GET /metrics` in Prometheus text format. Call it before the routes are
 * mounted so that its hook sees all of them.
 */
export function registerMetrics(app: FastifyInstance, metrics: GatewayMetrics): void {
  app.addHook("onResponse", async (request, reply) => {
    metrics.observeRequest({
      method: request.method,
      route: request.routeOptions.url ?? "unmatched",
      status: reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });
  app.get("/metrics", async (_request, reply) => {
    const text = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).send(text);
  });
}
