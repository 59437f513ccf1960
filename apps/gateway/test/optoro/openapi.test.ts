import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, DROP_SHIP, fixture, type OptoroWorld, startOptoro } from "./support/optoro-world.js";

// biome-ignore lint/suspicious/noExplicitAny: OpenAPI documents are walked as plain JSON here
type Json = Record<string, any>;

let world: OptoroWorld;
beforeAll(async () => {
  // ApiContract.load validates both documents against the OpenAPI 3.1 schema.
  world = await startOptoro();
});
afterAll(() => world?.close());

const LIST_HEADERS = () => new Headers({ "x-request-id": "sample", record_count: "1", "content-type": "application/json" });
const HEADERS = () => new Headers({ "x-request-id": "sample", "content-type": "application/json" });

describe("the generated OpenAPI documents", () => {
  it("describe the twelve Drop Ship operations with the version header, OAuth security and Optoro's parameters", () => {
    const doc = world.api.document(DROP_SHIP) as Json;
    expect(doc.info).toMatchObject({ title: "Optoro Drop Ship", version: "2023-08-15" });
    const operations = Object.entries(doc.paths as Json).flatMap(([path, item]) =>
      Object.entries(item as Json).map(([method, op]) => ({ path, method, op: op as Json })),
    );
    expect(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort()).toEqual(
      [
        "GET /listings",
        "GET /listings/{id}",
        "PUT /listings/{id}",
        "GET /orders",
        "POST /orders",
        "POST /batch/orders",
        "GET /orders/{id}",
        "PUT /orders/{id}",
        "DELETE /orders/{id}",
        "GET /shipments",
        "GET /shipments/{id}",
        "GET /shipments/identifier/{id}",
      ].sort(),
    );
    for (const { op } of operations) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ name: "optiturn-dropship-version", in: "header", required: true }));
      expect(op.security).toEqual([{ oauth2: [] }]);
    }
    expect(doc.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe("/optoro/auth/oauth/token");

    const list = doc.paths["/listings"].get;
    const param = (name: string) => list.parameters.find((p: Json) => p.name === name);
    expect([param("updated_at").required, param("channel").required, param("condition").required]).toEqual([true, true, false]);
    expect(param("per_page").schema).toMatchObject({ type: "integer", maximum: 100, default: 20 });
    expect(param("condition").schema.enum).toEqual(["N", "A", "B", "R"]);
    expect(list.responses["200"].headers.record_count).toMatchObject({ required: true, schema: { type: "integer", minimum: 0 } });

    const create = doc.paths["/orders"].post;
    const order = create.requestBody.content["application/json"].schema.properties.order;
    expect(order.required).toEqual(expect.arrayContaining(["client_identifier", "channel", "billing_address", "shipping_address", "order_items"]));
    expect(order.properties.order_items.maxItems).toBe(125);
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(["200", "201", "401", "422"]));
  });

  it("describe the token endpoint, JSON or form-encoded, without security", () => {
    const doc = world.api.document(AUTH) as Json;
    const token = doc.paths["/oauth/token"].post;
    expect(Object.keys(token.requestBody.content)).toEqual(["application/json", "application/x-www-form-urlencoded"]);
    expect(token.requestBody.content["application/json"].schema.required).toEqual(["grant_type", "client_id", "client_secret"]);
    expect(token.security).toBeUndefined();
  });

  it("accept Optoro's own response samples", () => {
    const api = world.api;
    api.expectResponseMatches(AUTH, "POST", "/oauth/token", 200, HEADERS(), fixture("token.response.json"));
    api.expectResponseMatches(AUTH, "POST", "/oauth/token", 401, HEADERS(), fixture("token-invalid-client.response.json"));
    api.expectResponseMatches(DROP_SHIP, "GET", "/listings", 200, LIST_HEADERS(), fixture("listings.response.json"));
    api.expectResponseMatches(DROP_SHIP, "PUT", "/listings/{id}", 200, HEADERS(), fixture("listing-updated.response.json"));
    api.expectResponseMatches(DROP_SHIP, "POST", "/orders", 201, HEADERS(), fixture("create-order-accepted.response.json"));
    api.expectResponseMatches(DROP_SHIP, "POST", "/orders", 201, HEADERS(), fixture("create-order-pending-payment.response.json"));
    api.expectResponseMatches(DROP_SHIP, "POST", "/orders", 200, HEADERS(), fixture("create-order-rejected.response.json"));
    api.expectResponseMatches(DROP_SHIP, "POST", "/orders", 422, HEADERS(), fixture("create-order-duplicate.response.json"));
    api.expectResponseMatches(DROP_SHIP, "POST", "/batch/orders", 200, HEADERS(), fixture("batch-orders-created.response.json"));
    api.expectResponseMatches(DROP_SHIP, "POST", "/batch/orders", 200, HEADERS(), fixture("batch-orders-already-exists.response.json"));
    api.expectResponseMatches(DROP_SHIP, "POST", "/batch/orders", 413, HEADERS(), fixture("batch-orders-too-large.response.json"));
    for (const method of ["GET", "PUT", "DELETE"]) {
      api.expectResponseMatches(DROP_SHIP, method, "/orders/{id}", 404, HEADERS(), fixture("order-not-found.response.json"));
    }
  });

  it("refuse answers that are off-contract (the validator has teeth)", () => {
    expect(() =>
      world.api.expectResponseMatches(DROP_SHIP, "POST", "/orders", 201, HEADERS(), { message: "accepted", reason: "Order accepted", extra: 1 }),
    ).toThrow();
    expect(() => world.api.expectResponseMatches(DROP_SHIP, "GET", "/listings", 200, HEADERS(), fixture("listings.response.json"))).toThrow(/record_count/);
  });
});
