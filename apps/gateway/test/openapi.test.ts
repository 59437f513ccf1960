import type { Client, UseCaseContext } from "@dropgate/core-domain";
import { type DialectDefinition, dialectKit } from "@dropgate/dialect-kit";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { buildOpenApiDocument } from "../src/openapi/document.js";
import { SchemaCollector } from "../src/openapi/json-schema.js";
import { startTestGateway, type TestGateway } from "./support/harness.js";
import { ApiContract, expectValidOpenApiDocument } from "./support/openapi-validator.js";
import { createTestDialect, TEST_PREFIX } from "./support/test-dialect.js";

const { defineOperation } = dialectKit<UseCaseContext, Client>();

// biome-ignore lint/suspicious/noExplicitAny: the tests walk generated JSON documents by hand
type Json = Record<string, any>;

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const secondDialect = (): DialectDefinition<UseCaseContext, Client> => ({
  ...createTestDialect(),
  name: "second",
  prefix: "/second/api",
  title: "Second dialect",
  security: { type: "api-key", in: "header", name: "apikey" },
});

describe("OpenAPI document per dialect", () => {
  it("serves a valid OpenAPI 3.1 document at each prefix, generated from the operation table", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect(), secondDialect()] });
    // load() validates each document against the OpenAPI 3.1 schema.
    const api = await ApiContract.load(gateway.baseUrl, [TEST_PREFIX, "/second/api"]);
    const first = api.document(TEST_PREFIX) as Json;
    const second = api.document("/second/api") as Json;
    expect(first.openapi).toBe("3.1.0");
    expect(first.servers).toEqual([{ url: TEST_PREFIX, description: "Dropgate gateway, test dialect" }]);
    expect(second.servers[0].url).toBe("/second/api");
    expect(Object.keys(first.paths).sort()).toEqual(["/clock", "/slow", "/widgets", "/widgets/import", "/widgets/{id}"]);
    expect(Object.keys(first.paths["/widgets/{id}"]).sort()).toEqual(["delete", "get"]);
    expect(first.paths["/widgets/{id}"].get.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: expect.objectContaining({ type: "integer", exclusiveMinimum: 0 }) },
      { name: "verbose", in: "query", required: false, schema: { type: "string", enum: ["true", "false"] } },
    ]);
  });

  it("describes security, request bodies, headers and the gateway's own answers", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect(), secondDialect()] });
    const api = await ApiContract.load(gateway.baseUrl);
    const first = api.document(TEST_PREFIX) as Json;
    expect(first.components.securitySchemes).toEqual({ bearer: { type: "http", scheme: "bearer", description: "A test token." } });
    expect((api.document("/second/api") as Json).components.securitySchemes).toEqual({
      apiKey: { type: "apiKey", in: "header", name: "apikey" },
    });
    const create = first.paths["/widgets"].post;
    expect(create.security).toEqual([{ bearer: [] }]);
    expect(first.paths["/clock"].get.security).toBeUndefined();
    expect(create.parameters).toEqual([
      { name: "x-test-version", in: "header", required: true, schema: { type: "string", const: "1" } },
    ]);
    expect(create.requestBody.required).toBe(true);
    expect(Object.keys(create.requestBody.content)).toEqual(["application/json"]);
    // A schema with an id is hoisted into components and referenced from where it is used.
    expect(create.requestBody.content["application/json"].schema.properties.customer.properties.shipping_address).toEqual({
      $ref: "#/components/schemas/Address",
    });
    expect(first.components.schemas.Address.required).toEqual(["line1", "city", "zip_code"]);
    expect(create.responses["201"].headers.location.required).toBe(true);
    expect(create.responses["429"].headers["retry-after"].required).toBe(true);
    expect(create.responses.default.content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    expect(Object.keys(first.paths["/widgets/import"].post.requestBody.content)).toEqual(["text/plain"]);
  });

  it("catches a response that drifts from the document", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()] });
    const api = await ApiContract.load(gateway.baseUrl);
    const headers = new Headers({ "content-type": "application/json", "x-request-id": "r" });
    const good = { id: 1, name: "w", owner: null, quantity: 1 };
    expect(() => api.expectResponseMatches(TEST_PREFIX, "GET", "/widgets/{id}", 200, headers, good)).not.toThrow();
    expect(() => api.expectResponseMatches(TEST_PREFIX, "GET", "/widgets/{id}", 200, headers, { ...good, extra: 1 })).toThrow(
      /must NOT have additional properties/,
    );
    expect(() => api.expectResponseMatches(TEST_PREFIX, "GET", "/widgets/{id}", 200, headers, { ...good, id: "1" })).toThrow(
      /must be integer/,
    );
    expect(() => api.expectResponseMatches(TEST_PREFIX, "GET", "/widgets/{id}", 200, new Headers(), good)).toThrow(
      /x-request-id is missing/,
    );
    expect(() => api.expectResponseMatches(TEST_PREFIX, "GET", "/widgets/{id}", 500, headers, { message: "x" })).toThrow(
      /does not match/,
    );
  });

  it("handles recursive schemas and schemas whose input and output differ", async () => {
    interface Category {
      name: string;
      children: Category[];
    }
    const Category: z.ZodType<Category> = z.object({
      name: z.string(),
      get children() {
        return z.array(Category);
      },
    });
    const Quantity = z.object({ quantity: z.string().default("1").transform(Number) }).meta({ id: "Quantity" });
    const dialect: DialectDefinition<UseCaseContext, Client> = {
      ...createTestDialect(),
      operations: [
        defineOperation({
          id: "tree",
          method: "POST",
          path: "/tree",
          summary: "A tree",
          auth: "none",
          request: { body: Quantity },
          responses: { 200: { description: "The tree", schema: z.object({ root: Category, quantity: Quantity }) } },
          handler: () => ({ status: 200, body: {} }),
        }),
        defineOperation({
          id: "category",
          method: "PUT",
          path: "/tree",
          summary: "A recursive body at the root",
          auth: "none",
          request: { body: Category },
          responses: { 204: { description: "Stored" } },
          handler: () => ({ status: 204 }),
        }),
      ],
    };
    const document = buildOpenApiDocument(dialect) as Json;
    await expectValidOpenApiDocument(document);
    const schemas = document.components.schemas;
    const body = document.paths["/tree"].post.requestBody.content["application/json"].schema;
    const response = document.paths["/tree"].post.responses["200"].content["application/json"].schema;
    // Input side: a string with a default; output side: anything (a transform). Two components.
    const component = (ref: { $ref: string }) => schemas[ref.$ref.replace("#/components/schemas/", "")];
    expect([body.$ref, response.properties.quantity.$ref].sort()).toEqual([
      "#/components/schemas/Quantity",
      "#/components/schemas/Quantity2",
    ]);
    expect(component(body).properties.quantity).toMatchObject({ type: "string", default: "1" });
    expect(component(response.properties.quantity).properties.quantity).toEqual({});
    const recursive = document.paths["/tree"].put.requestBody.content["application/json"].schema;
    expect(component(recursive).properties.children.items).toEqual(recursive);
    // The recursion is a reference to a component, never to `#` of the whole document.
    expect(JSON.stringify(document)).not.toMatch(/"\$ref":"#"/);
    expect(JSON.stringify(document)).not.toContain("$defs");
  });
});

describe("the OpenAPI validator of the test support", () => {
  it("rejects a document that is not OpenAPI 3.1", async () => {
    await expect(expectValidOpenApiDocument({ openapi: "3.1.0", info: { title: "t" }, paths: {} })).rejects.toThrow(
      /not valid/,
    );
  });
});

describe("docs page and index", () => {
  it("serves a Swagger UI page per prefix with its assets from the gateway itself", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect()] });
    const page = await fetch(`${gateway.baseUrl}${TEST_PREFIX}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain(`"${TEST_PREFIX}/openapi.json"`);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] as string);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith(`${TEST_PREFIX}/docs/`)).toBe(true);
      const response = await fetch(`${gateway.baseUrl}${asset}`);
      expect(response.status).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
    const script = await fetch(`${gateway.baseUrl}${TEST_PREFIX}/docs/swagger-ui-bundle.js`);
    expect(script.headers.get("content-type")).toMatch(/^application\/javascript/);
    expect(await script.text()).toContain("SwaggerUIBundle");
  });

  it("lists the dialects and their documents at /", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect(), secondDialect()] });
    const response = await fetch(`${gateway.baseUrl}/`);
    expect(await response.json()).toEqual({
      service: "dropgate-gateway",
      dialects: [
        { name: "test", title: "Test dialect", version: "1.0.0", prefix: "/test", openapi: "/test/openapi.json", docs: "/test/docs" },
        {
          name: "second",
          title: "Second dialect",
          version: "1.0.0",
          prefix: "/second/api",
          openapi: "/second/api/openapi.json",
          docs: "/second/api/docs",
        },
      ],
    });
  });
});

describe("the real dialects", () => {
  it("mount under the prefixes of ARCHITECTURE.md with valid documents", async () => {
    gateway = await startTestGateway();
    const index = (await (await fetch(`${gateway.baseUrl}/`)).json()) as { dialects: { prefix: string }[] };
    expect(index.dialects.map((dialect) => dialect.prefix)).toEqual(["/optoro/auth", "/optoro/drop-ship", "/optoro/orders", "/retailops", "/rewix"]);
    const api = await ApiContract.load(gateway.baseUrl);
    expect((api.document("/optoro/drop-ship") as Json).openapi).toBe("3.1.0");
    expect((api.document("/rewix") as Json).openapi).toBe("3.1.0");
    expect(Object.keys((api.document("/optoro/orders") as { paths: Json }).paths)).toEqual(["/forward_orders"]);
  });
});

describe("schema components", () => {
  it("gives the shared schemas of one conversion distinct names", async () => {
    interface Node {
      label: string;
      next: Node | null;
    }
    interface Tree {
      size: number;
      kids: Tree[];
    }
    const Node: z.ZodType<Node> = z.object({
      label: z.string(),
      get next() {
        return Node.nullable();
      },
    });
    const Tree: z.ZodType<Tree> = z.object({
      size: z.number(),
      get kids() {
        return z.array(Tree);
      },
    });
    // Two anonymous recursive schemas: zod names both `__schemaN` in one conversion.
    expect(Object.keys(z.toJSONSchema(z.object({ node: Node, tree: Tree })).$defs ?? {})).toHaveLength(2);
    const collector = new SchemaCollector();
    const converted = collector.convert(z.object({ node: Node, tree: Tree }), "output") as Json;
    const components = collector.components() as Json;
    expect(Object.keys(components).sort()).toEqual(["Schema", "Schema2"]);
    const target = (ref: string) => components[ref.replace("#/components/schemas/", "")];
    expect(target(converted.properties.node.$ref).properties.label).toEqual({ type: "string" });
    expect(target(converted.properties.tree.$ref).properties.size).toEqual({ type: "number" });
  });
});
