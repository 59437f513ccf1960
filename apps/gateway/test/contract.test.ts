import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./support/harness.js";
import { ApiContract } from "./support/openapi-validator.js";
import { createTestDialect, TEST_PREFIX } from "./support/test-dialect.js";
import { CATALOG_API_KEY, CATALOG_PREFIX, createCatalogDialect } from "./support/xml-dialect.js";
import { xmlCodec } from "./support/xml-codec.js";

/*
 * The dialect contract through real HTTP, with the test-only catalog dialect that reads and
 * writes JSON and XML: one body schema whatever the Content-Type, answers by Accept, and every
 * problem the gateway detects rendered by the dialect in the media type the client asked for.
 */

const key = `apikey=${CATALOG_API_KEY}`;
const itemXml = '<?xml version="1.0"?><item><sku>MUG-1</sku><name>Mug</name><quantity>2</quantity><tags><tag>kitchen</tag><tag>blue</tag></tags></item>';
const itemJson = { sku: "MUG-1", name: "Mug", quantity: 2, tags: ["kitchen", "blue"] };

let gateway: TestGateway;
let api: ApiContract;

interface Answer {
  readonly status: number;
  readonly type: string;
  readonly text: string;
  readonly headers: Headers;
}

async function send(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  const response = await fetch(`${gateway.baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type")?.split(";", 1)[0] ?? "",
    text: await response.text(),
    headers: response.headers,
  };
}

const xmlOf = (text: string, root: string, lists?: Record<string, string>) => xmlCodec.decode(text, { root, ...(lists ? { lists } : {}) });

beforeEach(async () => {
  gateway = await startTestGateway({
    dialects: [createTestDialect(), createCatalogDialect({ bodyLimitBytes: 600, rateLimit: { perMinute: 1, burst: 12 } })],
  });
  api = await ApiContract.load(gateway.baseUrl, [CATALOG_PREFIX]);
});
afterEach(async () => {
  await gateway.close();
});

describe("one body schema, decoded by Content-Type", () => {
  it("creates the same item from JSON and from XML (text/xml as an alias)", async () => {
    const fromJson = await api.fetchJson(`${CATALOG_PREFIX}/items?${key}`, { method: "POST", body: itemJson });
    expect(fromJson.status).toBe(201);
    expect(fromJson.body).toEqual({ ...itemJson, received_as: "application/json" });

    for (const type of ["application/xml", "text/xml; charset=utf-8"]) {
      const fromXml = await send(`${CATALOG_PREFIX}/items?${key}`, {
        method: "POST",
        headers: { "content-type": type, accept: "application/json" },
        body: itemXml,
      });
      expect(fromXml.status).toBe(201);
      expect(JSON.parse(fromXml.text)).toEqual({ ...itemJson, received_as: "application/xml" });
    }
  });

  it("validates an XML body with the same schema, naming the field", async () => {
    const answer = await send(`${CATALOG_PREFIX}/items?${key}`, {
      method: "POST",
      headers: { "content-type": "application/xml", accept: "application/xml" },
      body: "<item><sku>MUG-1</sku><name>Mug</name><quantity>none</quantity></item>",
    });
    expect(answer.status).toBe(400);
    expect(answer.type).toBe("application/xml");
    expect(xmlOf(answer.text, "error")).toMatchObject({ kind: "validation", field: "quantity" });
  });

  it("answers a malformed XML body 400 with the parser's position, in XML", async () => {
    const answer = await send(`${CATALOG_PREFIX}/items?${key}`, {
      method: "POST",
      headers: { "content-type": "application/xml", accept: "application/xml" },
      body: "<item><sku>MUG-1</sku>",
    });
    expect(answer.status).toBe(400);
    expect(xmlOf(answer.text, "error")).toMatchObject({ kind: "bad_request" });
  });

  it("never refuses a request without a body for its Content-Type", async () => {
    const answer = await send(`${CATALOG_PREFIX}/items/MUG-1?${key}`, { headers: { "content-type": "application/xml" } });
    expect(answer.status).toBe(200);
    const bodyless = await send(`${CATALOG_PREFIX}/items/MUG-1?${key}`, { headers: { "content-type": "text/csv" } });
    expect(bodyless.status).toBe(200);
  });
});

describe("the answer, by Accept", () => {
  it("answers XML for Accept: application/xml, JSON for JSON, */* or no Accept", async () => {
    const xml = await send(`${CATALOG_PREFIX}/items/MUG-1?${key}`, { headers: { accept: "application/xml" } });
    expect(xml.type).toBe("application/xml");
    expect(xmlOf(xml.text, "item", { tags: "tag" })).toEqual({ sku: "MUG-1", name: "item MUG-1", tags: ["a", "b"] });
    for (const accept of ["application/json", "*/*", undefined, "application/xml;q=0.5, application/json"]) {
      const json = await api.fetchJson(`${CATALOG_PREFIX}/items/MUG-1?${key}`, { headers: accept === undefined ? {} : { accept } });
      expect(json.headers.get("content-type")).toMatch(/^application\/json/);
      expect(json.body).toEqual({ sku: "MUG-1", name: "item MUG-1", tags: ["a", "b"] });
    }
  });

  it("answers 406 when nothing fits, in the dialect's default media type", async () => {
    const answer = await api.fetchJson<{ kind: string; field: string }>(`${CATALOG_PREFIX}/items/MUG-1?${key}`, {
      headers: { accept: "text/csv" },
    });
    expect(answer.status).toBe(406);
    expect(answer.headers.get("content-type")).toMatch(/^application\/json/);
    expect(answer.body).toMatchObject({ kind: "not_acceptable", field: "accept" });
  });

  it("lets a format suffix pick the media type over Accept", async () => {
    const xml = await send(`${CATALOG_PREFIX}/items/MUG-1.xml?${key}`, { headers: { accept: "application/json" } });
    expect(xml.status).toBe(200);
    expect(xml.type).toBe("application/xml");
    const json = await send(`${CATALOG_PREFIX}/items/MUG-1.json?${key}`, { headers: { accept: "application/xml" } });
    expect(json.type).toBe("application/json");
    expect(JSON.parse(json.text)).toMatchObject({ sku: "MUG-1" });
  });
});

describe("routing options", () => {
  it("matches paths case-insensitively, keeping the parameter's case", async () => {
    const answer = await send(`/CATALOG/Items/Mug-1?${key}`);
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ sku: "Mug-1" });
  });

  it("picks the action version from a ~N suffix, before the format suffix and a trailing slash", async () => {
    const v2 = await send(`${CATALOG_PREFIX}/Items/MUG-1~2.xml/?${key}`);
    expect(v2.status).toBe(200);
    expect(xmlOf(v2.text, "item")).toMatchObject({ sku: "MUG-1", revision: "2" });
    const v1 = await send(`${CATALOG_PREFIX}/items/MUG-1~1.json?${key}`);
    expect(JSON.parse(v1.text)).not.toHaveProperty("revision");
  });

  it("answers an unknown version of a known action in the dialect's own envelope, naming the versions", async () => {
    const answer = await send(`${CATALOG_PREFIX}/items/MUG-1~3.xml?${key}`);
    expect(answer.status).toBe(404);
    expect(answer.type).toBe("application/xml");
    const problem = xmlOf(answer.text, "error") as { kind: string; message: string };
    expect(problem.kind).toBe("not_found");
    expect(problem.message).toContain("1, 2");
  });

  it("leaves a dialect without routing options case-sensitive", async () => {
    const answer = await send(`${TEST_PREFIX}/WIDGETS/1`);
    expect(answer.status).toBe(404);
  });
});

describe("every problem the gateway detects, in XML when XML was asked", () => {
  const asXml = { accept: "application/xml" };
  const cases: [string, () => Promise<Answer>, number, string][] = [
    ["401 without the API key", () => send(`${CATALOG_PREFIX}/items/MUG-1`, { headers: asXml }), 401, "unauthorized"],
    ["404 for an unknown path", () => send(`${CATALOG_PREFIX}/nothing-here?${key}`, { headers: asXml }), 404, "not_found"],
    ["405 for a known path with another method", () => send(`${CATALOG_PREFIX}/items/MUG-1?${key}`, { method: "DELETE", headers: asXml }), 405, "method_not_allowed"],
    [
      "413 for a body over the dialect's limit",
      () => send(`${CATALOG_PREFIX}/items?${key}`, { method: "POST", headers: { ...asXml, "content-type": "application/xml" }, body: `<item><name>${"x".repeat(700)}</name></item>` }),
      413,
      "payload_too_large",
    ],
    [
      "415 for a body in a type the operation does not read",
      () => send(`${CATALOG_PREFIX}/items?${key}`, { method: "POST", headers: { ...asXml, "content-type": "text/csv" }, body: "sku,name" }),
      415,
      "unsupported_media_type",
    ],
    ["500 for a handler that throws", () => send(`${CATALOG_PREFIX}/explode`, { method: "POST", headers: asXml }), 500, "internal"],
  ];
  for (const [name, request, status, kind] of cases) {
    it(name, async () => {
      const answer = await request();
      expect(answer.status).toBe(status);
      expect(answer.type).toBe("application/xml");
      expect(xmlOf(answer.text, "error")).toMatchObject({ kind });
    });
  }

  it("405 names the allowed methods", async () => {
    const answer = await send(`${CATALOG_PREFIX}/items/MUG-1?${key}`, { method: "DELETE", headers: asXml });
    expect(answer.headers.get("allow")).toBe("GET, HEAD");
  });

  it("429 once the work is spent, with Retry-After, in XML; a cost counts work, not requests", async () => {
    const create = (quantity: number) =>
      send(`${CATALOG_PREFIX}/items?${key}`, {
        method: "POST",
        headers: { ...asXml, "content-type": "application/json" },
        body: JSON.stringify({ ...itemJson, quantity }),
      });
    // The burst is 12 tokens: one item of 10 fits, a second one does not.
    expect((await create(10)).status).toBe(201);
    const limited = await create(10);
    expect(limited.status).toBe(429);
    expect(limited.type).toBe("application/xml");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(xmlOf(limited.text, "error")).toMatchObject({ kind: "rate_limited" });
    // The test dialect has its own buckets (the gateway's, which no test reaches).
    expect((await send(`${TEST_PREFIX}/widgets/1`)).status).toBe(200);
  });
});

describe("authentication sees the whole request", () => {
  it("reads the API key from the query", async () => {
    expect((await send(`${CATALOG_PREFIX}/items/MUG-1?apikey=wrong`)).status).toBe(401);
    expect((await send(`${CATALOG_PREFIX}/items/MUG-1?${key}`)).status).toBe(200);
  });
});
