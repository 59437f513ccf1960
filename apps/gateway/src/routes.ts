import type { DialectDefinition, StoragePort, UseCaseContext } from "@dropgate/core-domain";
import type { FastifyInstance } from "fastify";

/** Registers the gateway's own routes: `/` (the dialects and their docs) and `/healthz`. */
export function registerGatewayRoutes(
  app: FastifyInstance,
  options: { readonly store: StoragePort; readonly dialects: readonly DialectDefinition<UseCaseContext>[] },
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
  app.get("/", async () => index);

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
