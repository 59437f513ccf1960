import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "./support/harness.js";
import { ApiContract } from "./support/openapi-validator.js";
import { rawConnection, statusesOf } from "./support/raw-http.js";
import { createTestDialect, TEST_PREFIX, TEST_TOKENS } from "./support/test-dialect.js";

interface TestError {
  error: { kind: string; message: string; field?: string; location?: string };
}

const auth = { authorization: `Bearer ${TEST_TOKENS.alice}`, "x-test-version": "1" };

let gateway: TestGateway;
let api: ApiContract;

beforeEach(async () => {
  gateway = await startTestGateway({ dialects: [createTestDialect()], now: () => new Date("2026-03-04T05:06:07.000Z") });
  api = await ApiContract.load(gateway.baseUrl);
});
afterEach(async () => {
  await gateway.close();
});

describe("mounting an operation", () => {
  it("answers a valid request with the handler's response, typed by its schemas", async () => {
    const response = await api.fetchJson(`${TEST_PREFIX}/widgets/12?verbose=true`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: 12, name: "widget 12", owner: null, quantity: 1 });
  });

  it("hands the authenticated client and the validated body to the handler", async () => {
    const response = await api.fetchJson(`${TEST_PREFIX}/widgets`, { method: "POST", headers: auth, body: { name: "w", quantity: 2 } });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`${TEST_PREFIX}/widgets/7`);
    expect(response.body).toEqual({ id: 7, name: "w", owner: "alice", quantity: 2 });
  });

  it("passes the injected clock to handlers through ctx", async () => {
    const response = await api.fetchJson<{ now: string }>(`${TEST_PREFIX}/clock`);
    expect(response.body.now).toBe("2026-03-04T05:06:07.000Z");
  });

  it("writes no body when the handler answers none", async () => {
    const response = await api.fetchJson(`${TEST_PREFIX}/widgets/3`, { method: "DELETE", headers: auth });
    expect(response.status).toBe(204);
    expect(response.text).toBe("");
  });

  it("decodes a body with the codec of its media type, and answers in the negotiated one", async () => {
    const text = "widget 00123\nwidget 00124";
    const response = await api.fetchJson(`${TEST_PREFIX}/widgets/import`, {
      method: "POST",
      headers: { "content-type": "text/plain", accept: "text/plain" },
      body: text,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.body).toBe(`received ${Buffer.byteLength(text)} bytes`);
  });
});

describe("bad input gets the dialect's envelope naming the field", () => {
  it("rejects a path parameter", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets/abc`);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ kind: "validation", field: "id", location: "params" });
    expect(response.body.error.message).toContain('"id"');
  });

  it("rejects a query parameter", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets/1?verbose=maybe`);
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ kind: "validation", field: "verbose", location: "query" });
  });

  it("rejects a header", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { ...auth, "x-test-version": "2" },
      body: { name: "w", quantity: 1 },
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ field: "x-test-version", location: "headers" });
  });

  it("rejects a nested body field with its dotted path", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: auth,
      body: { name: "w", quantity: 1, customer: { phone: "1", shipping_address: { line1: "x", city: "y", zip_code: 7302 } } },
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ field: "customer.shipping_address.zip_code", location: "body" });
    expect(response.body.error.message).toContain('"customer.shipping_address.zip_code"');
  });

  it("names an unknown body field", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: auth,
      body: { name: "w", quantity: 1, colour: "red" },
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ field: "colour", location: "body" });
  });

  it("rejects a missing body (an empty JSON body parses as none)", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "",
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ kind: "validation", location: "body" });
  });

  it("answers malformed JSON with a 400 in the envelope", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: '{"name": "w",',
    });
    expect(response.status).toBe(400);
    expect(response.body.error).toMatchObject({ kind: "bad_request", location: "body" });
    expect(response.body.error.message).toMatch(/not valid JSON/);
  });

  it("answers a content type nobody parses with 415 in the envelope", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/plain" },
      body: "name=w",
    });
    expect(response.status).toBe(415);
    expect(response.body.error.kind).toBe("unsupported_media_type");
  });

  it("answers a content type this operation does not take with 415 naming the ones it does", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/xml" },
      body: "<widget/>",
    });
    expect(response.status).toBe(415);
    expect(response.body.error).toMatchObject({ kind: "unsupported_media_type", field: "content-type" });
    expect(response.body.error.message).toContain("application/json");
  });

  it("authenticates before validating the body", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { authorization: "Bearer nope" },
      body: { nonsense: true },
    });
    expect(response.status).toBe(401);
    expect(response.body.error.kind).toBe("unauthorized");
  });
});

describe("routes that do not exist", () => {
  it("answers an unknown path under a prefix with 404 in that dialect's envelope", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/gadgets`);
    expect(response.status).toBe(404);
    expect(response.body.error.kind).toBe("not_found");
  });

  it("answers a known path with another method with 405 and Allow", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets/3`, { method: "PUT", body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, DELETE, HEAD");
    expect(response.body.error.kind).toBe("method_not_allowed");
  });

  it("answers a path outside every prefix with a plain message", async () => {
    const response = await api.fetchJson(`/nowhere`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: "No route GET /nowhere" });
  });
});

describe("requests the framework rejects before routing", () => {
  it("answers an undecodable URL under a prefix in that dialect's envelope", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets/%E0%A4%A`);
    expect(response.status).toBe(400);
    expect(response.body.error.kind).toBe("bad_request");
    expect(response.requestId).not.toBeNull();
  });

  it("answers a request that is not HTTP with a plain message, never Fastify's body", async () => {
    const connection = rawConnection(gateway.baseUrl);
    connection.send("THIS IS NOT HTTP\r\n\r\n");
    const received = await connection.ended;
    expect(statusesOf(received)).toEqual(["400"]);
    expect(received.endsWith('{"message":"Malformed HTTP request"}')).toBe(true);
  });
});

describe("unexpected failures", () => {
  it("answers a throwing handler with 500 in the envelope, logged with the request id", async () => {
    const response = await api.fetchJson<TestError>(`${TEST_PREFIX}/widgets`, {
      method: "POST",
      headers: { ...auth, "x-request-id": "req-boom-1" },
      body: { name: "w", quantity: 1, explode: true },
    });
    expect(response.status).toBe(500);
    expect(response.requestId).toBe("req-boom-1");
    expect(response.body.error).toMatchObject({ kind: "internal" });
    expect(response.body.error.message).toContain("req-boom-1");
    expect(response.body.error.message).not.toContain("exploded");
    const logged = gateway.logs().find((line) => line.msg === "operation failed");
    expect(logged).toMatchObject({ requestId: "req-boom-1", operation: "createWidget", err: { message: "the widget exploded" } });
  });
});

describe("request ids", () => {
  it("echoes a sane x-request-id", async () => {
    const response = await api.fetchJson(`${TEST_PREFIX}/widgets/1`, { headers: { "x-request-id": "abc-123" } });
    expect(response.requestId).toBe("abc-123");
    expect(gateway.logs().some((line) => line.requestId === "abc-123")).toBe(true);
  });

  it("generates one when none or an unusable one is sent, on errors too", async () => {
    const plain = await api.fetchJson(`${TEST_PREFIX}/widgets/1`);
    const insane = await api.fetchJson(`${TEST_PREFIX}/widgets/1`, { headers: { "x-request-id": "x".repeat(300) } });
    const notFound = await api.fetchJson(`/nowhere`);
    for (const response of [plain, insane, notFound]) expect(response.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set([plain.requestId, insane.requestId, notFound.requestId]).size).toBe(3);
  });
});
