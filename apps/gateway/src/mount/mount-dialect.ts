import type { DialectDefinition, UseCaseContext } from "@dropgate/core-domain";
import type { FastifyInstance } from "fastify";
import { DOCS_ASSETS, type DocsAsset, docsAsset, docsPage } from "../docs/swagger-ui.js";
import { buildOpenApiDocument } from "../openapi/document.js";
import { type OperationDeps, operationHandler } from "./operation-handler.js";

/** Mounts a dialect under its prefix: its operations, `openapi.json` and the `docs` page. */
export function mountDialect(app: FastifyInstance, dialect: DialectDefinition<UseCaseContext>, deps: OperationDeps): void {
  for (const operation of dialect.operations) {
    app.route({
      method: operation.method,
      url: `${dialect.prefix}${operation.path}`,
      handler: operationHandler(dialect, operation, deps),
    });
  }

  // Generated once: the table is fixed for the life of the process.
  const document = JSON.stringify(buildOpenApiDocument(dialect));
  app.get(`${dialect.prefix}/openapi.json`, (_request, reply) =>
    reply.type("application/json; charset=utf-8").send(document),
  );

  const page = docsPage({ title: dialect.title, prefix: dialect.prefix });
  app.get(`${dialect.prefix}/docs`, (_request, reply) => reply.type("text/html; charset=utf-8").send(page));
  for (const [name, type] of Object.entries(DOCS_ASSETS)) {
    app.get(`${dialect.prefix}/docs/${name}`, async (_request, reply) =>
      reply
        .type(type)
        .header("cache-control", "public, max-age=86400")
        .send(await docsAsset(name as DocsAsset)),
    );
  }
}
