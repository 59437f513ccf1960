import type { Client, UseCaseContext } from "@dropgate/core-domain";
import { type DialectDefinition, dialectKit, type RequestProblem } from "@dropgate/dialect-kit";
import { z } from "zod";

const { defineOperation } = dialectKit<UseCaseContext, Client>();

/*
 * A small dialect that exercises every part of the mount: params, query, headers and body
 * validation, client authentication, JSON, XML and empty bodies, a handler that throws, and
 * one that waits until the test lets it finish (graceful shutdown). Its error envelope is
 * deliberately unlike Fastify's, and validation answers 422, so tests can tell who answered.
 */

export const TEST_PREFIX = "/test";

/** Bearer tokens the test dialect accepts, and the client each stands for. */
export const TEST_TOKENS = { alice: "token-alice", bob: "token-bob" } as const;

const TestProblem = z
  .object({
    error: z
      .object({
        kind: z.string(),
        message: z.string(),
        field: z.string().optional(),
        location: z.enum(["params", "query", "headers", "body"]).optional(),
      })
      .strict(),
  })
  .strict();

const Address = z
  .object({ line1: z.string(), city: z.string(), zip_code: z.string() })
  .strict()
  .meta({ id: "Address" });

const Widget = z
  .object({ id: z.number().int(), name: z.string(), owner: z.string().nullable(), quantity: z.number().int() })
  .strict();

const NewWidget = z
  .object({
    name: z.string().min(1),
    quantity: z.number().int().min(1),
    customer: z
      .object({ phone: z.string(), shipping_address: Address, billing_address: Address.optional() })
      .strict()
      .optional(),
    /** Makes the handler throw, to exercise the 500 path. */
    explode: z.boolean().optional(),
  })
  .strict();

export interface TestDialectOptions {
  /** Awaited by `GET /slow` before it answers. */
  readonly slow?: () => Promise<void>;
  /** Called when `GET /slow` has started. */
  readonly onSlowStarted?: () => void;
}

function client(id: number, name: string): Client {
  return {
    id,
    name,
    dialect: "internal",
    scope: "buyer",
    vendorId: null,
    vendorName: null,
    key: `key-${name}`,
    disabled: false,
    ecreditCents: 0,
    autoConfirm: false,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
}

const clients = new Map<string, Client>([
  [TEST_TOKENS.alice, client(1, "alice")],
  [TEST_TOKENS.bob, client(2, "bob")],
]);

/** The test dialect, mounted at `/test`. */
export function createTestDialect(options: TestDialectOptions = {}): DialectDefinition<UseCaseContext, Client> {
  return {
    name: "test",
    prefix: TEST_PREFIX,
    title: "Test dialect",
    version: "1.0.0",
    description: "Exercises the gateway's mount.",
    security: { type: "http-bearer", description: "A test token." },
    problemSchema: TestProblem,
    // Plain text read as it is: a codec is all a media type needs.
    codecs: [{ mediaType: "text/plain", decode: (text) => text, encode: (body) => String(body) }],
    authenticate({ headers }) {
      const header = headers.authorization;
      const token = typeof header === "string" ? /^Bearer (.+)$/i.exec(header)?.[1] : undefined;
      const found = token === undefined ? undefined : clients.get(token);
      if (found === undefined) {
        return { ok: false, problem: { kind: "unauthorized", status: 401, message: "Missing or unknown bearer token" } };
      }
      return { ok: true, client: found };
    },
    renderProblem(problem: RequestProblem) {
      return {
        status: problem.kind === "validation" ? 422 : problem.status,
        body: {
          error: {
            kind: problem.kind,
            message: problem.message,
            ...(problem.field === undefined ? {} : { field: problem.field }),
            ...(problem.location === undefined ? {} : { location: problem.location }),
          },
        },
      };
    },
    operations: [
      defineOperation({
        id: "getWidget",
        method: "GET",
        path: "/widgets/:id",
        summary: "One widget",
        auth: "none",
        request: {
          params: z.object({ id: z.coerce.number().int().positive() }),
          query: z.object({ verbose: z.enum(["true", "false"]).optional() }),
        },
        responses: { 200: { description: "The widget", schema: Widget } },
        handler: ({ params }) => ({ status: 200, body: { id: params.id, name: `widget ${params.id}`, owner: null, quantity: 1 } }),
      }),
      defineOperation({
        id: "createWidget",
        method: "POST",
        path: "/widgets",
        summary: "Create a widget",
        auth: "client",
        request: {
          headers: z.object({ "x-test-version": z.literal("1") }),
          body: NewWidget,
        },
        responses: {
          201: {
            description: "Created",
            schema: Widget,
            headers: { location: { description: "Where the widget lives", schema: z.string() } },
          },
        },
        handler: ({ body, client: caller }) => {
          if (body.explode) throw new Error("the widget exploded");
          return {
            status: 201,
            headers: { location: `${TEST_PREFIX}/widgets/7` },
            body: { id: 7, name: body.name, owner: caller?.name ?? null, quantity: body.quantity },
          };
        },
      }),
      defineOperation({
        id: "deleteWidget",
        method: "DELETE",
        path: "/widgets/:id",
        summary: "Delete a widget",
        auth: "client",
        request: { params: z.object({ id: z.coerce.number().int().positive() }) },
        responses: { 204: { description: "Deleted" } },
        handler: () => ({ status: 204 }),
      }),
      defineOperation({
        id: "importWidgets",
        method: "POST",
        path: "/widgets/import",
        summary: "Import widgets from XML",
        auth: "none",
        consumes: ["text/plain"],
        produces: ["text/plain"],
        request: { body: z.string().min(1) },
        responses: { 200: { description: "What was received", schema: z.string() } },
        handler: ({ body }) => ({ status: 200, body: `received ${Buffer.byteLength(body)} bytes` }),
      }),
      defineOperation({
        id: "clock",
        method: "GET",
        path: "/clock",
        summary: "The use-case clock",
        auth: "none",
        request: {},
        responses: { 200: { description: "Now", schema: z.object({ now: z.string() }).strict() } },
        handler: (_input, ctx) => ({ status: 200, body: { now: ctx.now().toISOString() } }),
      }),
      defineOperation({
        id: "slow",
        method: "GET",
        path: "/slow",
        summary: "Answers when the test allows",
        auth: "none",
        request: {},
        responses: { 200: { description: "Done", schema: z.object({ done: z.literal(true) }).strict() } },
        handler: async () => {
          options.onSlowStarted?.();
          await options.slow?.();
          return { status: 200, body: { done: true } };
        },
      }),
    ],
  };
}
