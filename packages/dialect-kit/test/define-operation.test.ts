import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { dialectKit } from "../src/dialect.js";

interface Ctx {
  readonly now: () => Date;
}
interface Principal {
  readonly id: number;
  readonly name: string;
}

const { defineOperation } = dialectKit<Ctx, Principal>();

describe("defineOperation", () => {
  it("types the handler's input from the operation's schemas and its auth", async () => {
    const operation = defineOperation({
      id: "create",
      method: "POST",
      path: "/things/:id",
      summary: "Create",
      auth: "client",
      request: {
        params: z.object({ id: z.coerce.number() }),
        body: z.object({ name: z.string(), tags: z.array(z.string()).default([]) }),
      },
      responses: { 201: { description: "Created" } },
      cost: ({ body }) => body.tags.length,
      handler: ({ params, body, client, mediaType }, ctx) => {
        expectTypeOf(params.id).toEqualTypeOf<number>();
        expectTypeOf(body.tags).toEqualTypeOf<string[]>();
        expectTypeOf(client).toEqualTypeOf<Principal>();
        expectTypeOf(mediaType).toEqualTypeOf<string>();
        return { status: 201, body: { id: params.id, name: body.name, by: client.name, at: ctx.now().toISOString() } };
      },
    });
    const answer = await operation.handler(
      {
        params: { id: 3 },
        query: {},
        headers: {},
        body: { name: "n", tags: [] },
        client: { id: 1, name: "alice" },
        mediaType: "application/json",
        requestMediaType: "application/json",
        version: 1,
        requestId: "r",
        ip: "127.0.0.1",
      },
      { now: () => new Date("2026-01-01T00:00:00.000Z") },
    );
    expect(answer).toEqual({ status: 201, body: { id: 3, name: "n", by: "alice", at: "2026-01-01T00:00:00.000Z" } });
  });

  it("hands null as the client of an unauthenticated operation and undefined as a missing body", () => {
    const operation = defineOperation({
      id: "open",
      method: "GET",
      path: "/open",
      summary: "Open",
      auth: "none",
      request: {},
      responses: { 200: { description: "OK" } },
      handler: ({ client, body }) => {
        expectTypeOf(client).toEqualTypeOf<null>();
        expectTypeOf(body).toEqualTypeOf<undefined>();
        return { status: 200 };
      },
    });
    // The type assertions above are checked by tsc; at run time the handler answers as written.
    expect(operation.handler({} as never, { now: () => new Date() })).toEqual({ status: 200 });
  });
});
