import type { StoragePort } from "@dropgate/core-domain";
import type { GatewayDialect } from "./mount/dialect-runtime.js";
import { negotiateMediaType } from "@dropgate/dialect-kit";
import type { FastifyInstance } from "fastify";
import { indexPage } from "./docs/index-page.js";

/** Registers the gateway's own routes: `/` (the dialects and their docs) and `/healthz`. */
export function registerGatewayRoutes(
  app: FastifyInstance,
  options: { readonly store: StoragePort; readonly dialects: readonly GatewayDialect[] },
): void {
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
  });

  const index = {
    service: "dropgate-gateway",
    dialects: options.dialects.map((dialect) => ({
      name: dialect.name,
      title: dialect.title,
      version: dialect.version,
      prefix: dialect.prefix,
      openapi: `${dialect.prefix}/openapi.json`,
      docs: `${dialect.prefix}/docs`,
    })),
  };
  const page = indexPage(index.dialects);
  // A browser (Accept: text/html) gets a page of links; API clients keep the JSON index.
  app.get("/", async (request, reply) => {
    if (negotiateMediaType(request.headers.accept, ["application/json", "text/html"], "application/json") === "text/html") {
      return reply.type("text/html; charset=utf-8").send(page);
    }
    return index;
  });

  app.get("/healthz", async (request, reply) => {
    // A load balancer must stop routing here as soon as the drain starts.
    if (closing) return reply.code(503).send({ status: "shutting_down" });
    try {
      // A primary-key lookup: proves the database answers without scanning anything.
      options.store.read((reader) => reader.getClient(0));
      return { status: "ok" };
    } catch (error) {
      request.log.error({ err: error }, "health check: storage unavailable");
      return reply.code(503).send({ status: "unavailable" });
    }
  });
}
