import { createOptoroDialects } from "@dropgate/optoro-adapter";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const [auth, dropShip] = createOptoroDialects({ cursorSecret: "dialect table test" });

describe("createOptoroDialects", () => {
  it("serves Optoro OAuth and Drop Ship 2023-08-15 under their prefixes", () => {
    expect(auth).toMatchObject({ prefix: "/optoro/auth", version: "1.0.0" });
    expect(dropShip).toMatchObject({ prefix: "/optoro/drop-ship", version: "2023-08-15" });
    expect(auth!.operations.map((o) => `${o.method} ${o.path} ${o.auth}`)).toEqual(["POST /oauth/token none"]);
  });

  it("has the twelve Drop Ship operations, each authenticated and documenting the version header", () => {
    const table = dropShip!.operations;
    expect(table.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      [
        "GET /listings",
        "GET /listings/:id",
        "PUT /listings/:id",
        "GET /orders",
        "POST /orders",
        "POST /batch/orders",
        "GET /orders/:id",
        "PUT /orders/:id",
        "DELETE /orders/:id",
        "GET /shipments",
        "GET /shipments/:id",
        "GET /shipments/identifier/:id",
      ].sort(),
    );
    expect(new Set(table.map((o) => o.id)).size).toBe(12);
    for (const operation of table) {
      expect(operation.auth).toBe("client");
      const headers = z.toJSONSchema(operation.request.headers!, { io: "input" }) as { required?: string[] };
      expect(headers.required).toEqual(["optiturn-dropship-version"]);
    }
  });

  it("documents list parameters with their types and required flags", () => {
    const list = dropShip!.operations.find((o) => o.id === "listingsIndex")!;
    const query = z.toJSONSchema(list.request.query!, { io: "input" }) as { required: string[]; properties: Record<string, { default?: unknown }> };
    expect(query.required.sort()).toEqual(["channel", "updated_at"]);
    expect(query.properties.per_page?.default).toBe(20);
  });

  it("converts every request and response schema to JSON Schema", () => {
    for (const dialect of [auth!, dropShip!]) {
      for (const operation of dialect.operations) {
        for (const schema of Object.values(operation.request)) {
          if (schema && typeof schema === "object" && "safeParse" in schema) z.toJSONSchema(schema as z.ZodType, { io: "input" });
        }
        for (const spec of Object.values(operation.responses)) {
          if (spec.schema) z.toJSONSchema(spec.schema, { io: "output" });
          for (const header of Object.values(spec.headers ?? {})) z.toJSONSchema(header.schema, { io: "output" });
        }
      }
    }
  });
});
