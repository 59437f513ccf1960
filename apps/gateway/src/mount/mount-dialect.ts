import type { UseCaseContext } from "@dropgate/core-domain";
import type { Operation } from "@dropgate/dialect-kit";
import type { FastifyInstance } from "fastify";
import { DOCS_ASSETS, type DocsAsset, docsAsset, docsPage } from "../docs/swagger-ui.js";
import { buildOpenApiDocument } from "../openapi/document.js";
import type { DialectRuntime } from "./dialect-runtime.js";
import { type OperationDeps, operationHandler } from "./operation-handler.js";

/** Mounts a dialect under its prefix: its operations, `openapi.json` and the `docs` page. */
export function mountDialect(app: FastifyInstance, runtime: DialectRuntime, deps: OperationDeps): void {
  const { dialect } = runtime;
  // One route per method and path; the action versions of it share the route.
  const routes = new Map<string, Map<number, Operation<UseCaseContext, unknown>>>();
  for (const operation of dialect.operations) {
    const key = `${operation.method} ${operation.path}`;
    const versions = routes.get(key) ?? new Map<number, Operation<UseCaseContext, unknown>>();
    const version = operation.version ?? 1;
    if (versions.has(version)) throw new Error(`dialect ${dialect.name}: ${key} version ${version} is declared twice`);
    if (versions.size > 0 && !dialect.routing?.versionSuffix) {
      throw new Error(`dialect ${dialect.name}: ${key} is declared twice; versions need routing.versionSuffix`);
    }
    versions.set(version, operation);
    routes.set(key, versions);
  }
  for (const versions of routes.values()) {
    const [operation] = versions.values();
    if (operation === undefined) continue;
    app.route({
      method: operation.method,
      url: `${dialect.prefix}${operation.path}`,
      bodyLimit: runtime.bodyLimitBytes,
      handler: operationHandler(runtime, versions, deps),
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
