import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { afterEach, describe, expect, it } from "vitest";
import { createDialects } from "../src/dialects.js";
import { startTestGateway, TEST_CURSOR_SECRET, type TestGateway } from "./support/harness.js";
import { expectValidOpenApiDocument } from "./support/openapi-validator.js";
import { createTestDialect } from "./support/test-dialect.js";
import { createCatalogDialect } from "./support/xml-dialect.js";

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

// biome-ignore lint/suspicious/noExplicitAny: the test walks generated JSON documents by hand
type Json = Record<string, any>;

let gateway: TestGateway | undefined;
afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

interface FoundExample {
  readonly where: string;
  readonly pointer: string;
  readonly value: unknown;
}

const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

/** Every example of a document, with the JSON pointer of the schema it must fit. */
function examplesOf(document: Json): FoundExample[] {
  const found: FoundExample[] = [];
  const collect = (content: Json | undefined, base: string, where: string) => {
    for (const [type, media] of Object.entries(content ?? {}) as [string, Json][]) {
      for (const [name, example] of Object.entries(media.examples ?? {}) as [string, Json][]) {
        found.push({ where: `${where} ${type} ${name}`, pointer: `${base}/content/${escapePointer(type)}/schema`, value: example.value });
      }
    }
  };
  for (const [path, item] of Object.entries(document.paths) as [string, Json][]) {
    for (const [method, operation] of Object.entries(item) as [string, Json][]) {
      const base = `/paths/${escapePointer(path)}/${method}`;
      collect(operation.requestBody?.content, `${base}/requestBody`, `${method} ${path} request`);
      for (const [status, response] of Object.entries(operation.responses ?? {}) as [string, Json][]) {
        collect(response.content, `${base}/responses/${escapePointer(status)}`, `${method} ${path} ${status}`);
      }
    }
  }
  return found;
}

describe("every dialect's OpenAPI document", () => {
  it("is valid OpenAPI 3.1, and every example fits its own schema", async () => {
    gateway = await startTestGateway({
      dialects: [...createDialects({ cursorSecret: TEST_CURSOR_SECRET }), createTestDialect(), createCatalogDialect()],
    });
    const index = (await (await fetch(`${gateway.baseUrl}/`)).json()) as { dialects: { prefix: string }[] };
    const counts: Record<string, number> = {};
    for (const { prefix } of index.dialects) {
      const document = (await (await fetch(`${gateway.baseUrl}${prefix}/openapi.json`)).json()) as Json;
      await expectValidOpenApiDocument(document);
      const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
      ajv.addSchema(document, "doc");
      const examples = examplesOf(document);
      counts[prefix] = examples.length;
      for (const example of examples) {
        const validate = ajv.compile({ $ref: `doc#${encodeURI(example.pointer)}` });
        const fits = validate(example.value);
        expect(fits ? "fits" : `${prefix} ${example.where}: ${JSON.stringify(validate.errors)}`).toBe("fits");
      }
    }
    // The Optoro documents carry the spec's own samples, request and response.
    expect(counts["/optoro/auth"]).toBeGreaterThanOrEqual(3);
    expect(counts["/optoro/drop-ship"]).toBeGreaterThanOrEqual(12);
    expect(counts["/catalog"]).toBeGreaterThanOrEqual(4);
  });

  it("describes XML bodies and problems in XML for a dialect that speaks it, and its API key in the query", async () => {
    gateway = await startTestGateway({ dialects: [createCatalogDialect()] });
    const document = (await (await fetch(`${gateway.baseUrl}/catalog/openapi.json`)).json()) as Json;
    const create = document.paths["/items"].post;
    expect(Object.keys(create.requestBody.content)).toEqual(["application/json", "application/xml"]);
    expect(create.requestBody.content["application/xml"].examples.mug.value).toMatchObject({ sku: "MUG-1" });
    expect(Object.keys(create.responses["429"].content)).toEqual(["application/json", "application/xml"]);
    expect(Object.keys(create.responses["406"].content)).toEqual(["application/json"]);
    expect(document.paths["/items/{sku}~2"].get.operationId).toBe("itemShowV2");
    expect(document.components.securitySchemes.apiKey).toMatchObject({ type: "apiKey", in: "query", name: "apikey" });
  });
});

describe("the gateway's index", () => {
  it("is an HTML page of links for a browser, JSON otherwise", async () => {
    gateway = await startTestGateway({ dialects: [createTestDialect(), createCatalogDialect()] });
    const page = await fetch(`${gateway.baseUrl}/`, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('href="/catalog/docs"');
    expect(html).toContain('href="/catalog/openapi.json"');
    const json = await fetch(`${gateway.baseUrl}/`);
    expect(json.headers.get("content-type")).toMatch(/^application\/json/);
    expect(((await json.json()) as { dialects: unknown[] }).dialects).toHaveLength(2);
  });
});
