import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import type { GatewayDialect } from "../src/mount/dialect-runtime.js";
import { createRouteRewrite, routeHintsOf } from "../src/mount/route-rewrite.js";

function dialect(routing: NonNullable<GatewayDialect["routing"]>): GatewayDialect {
  return {
    name: "t",
    prefix: "/t",
    title: "T",
    version: "1",
    routing,
    operations: [{ id: "a", method: "GET", path: "/items/:id", summary: "", auth: "none", request: {}, responses: {}, handler: () => ({ status: 200 }) }],
    authenticate: () => ({ ok: false, problem: { kind: "unauthorized", status: 401, message: "" } }),
    renderProblem: () => ({ status: 500 }),
  };
}

function rewrite(routing: NonNullable<GatewayDialect["routing"]>, url: string) {
  const request = { url } as IncomingMessage;
  const to = createRouteRewrite([dialect(routing)])?.(request);
  return { to, hints: routeHintsOf(request) };
}

describe("route rewrite", () => {
  it("a format suffix picks the media type with or without version suffixes", () => {
    expect(rewrite({ formatSuffixes: { json: "application/json" } }, "/t/items/7.json?x=1")).toEqual({ to: "/t/items/7?x=1", hints: { mediaType: "application/json" } });
    expect(rewrite({ versionSuffix: true, formatSuffixes: { json: "application/json" } }, "/t/items/7~2.json")).toEqual({
      to: "/t/items/7",
      hints: { version: 2, mediaType: "application/json" },
    });
    expect(rewrite({ formatSuffixes: { json: "application/json" } }, "/t/items/7")).toEqual({ to: "/t/items/7", hints: {} });
  });

  it("a format name is matched literally, not as a pattern", () => {
    const routing = { formatSuffixes: { "ld+json": "application/ld+json" } };
    expect(rewrite(routing, "/t/items/7.ld+json")).toEqual({ to: "/t/items/7", hints: { mediaType: "application/ld+json" } });
    // As a pattern, `d+` would also have matched "ldddjson".
    expect(rewrite(routing, "/t/items/7.ldddjson").hints).toEqual({});
  });
});
