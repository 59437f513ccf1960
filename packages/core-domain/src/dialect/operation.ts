import type { z } from "zod";
import type { Client } from "../model/client.js";

/*
 * A dialect describes its HTTP operations as data, with no HTTP framework: the gateway mounts
 * the table as routes and generates the OpenAPI document from the same table, so the two cannot
 * drift apart. Handlers receive already-validated input.
 */

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** What a handler answers; `body` undefined means no body (e.g. 204). */
export interface OperationResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Defaults to application/json. */
  readonly contentType?: string;
}

/** Validated request parts handed to a handler. */
export interface OperationInput<P = unknown, Q = unknown, H = unknown, B = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly headers: H;
  readonly body: B;
  /** The authenticated client, when the operation requires authentication. */
  readonly client: Client | null;
  /** Content type the client asked for (Accept), for dialects that answer JSON or XML. */
  readonly accept: string | undefined;
  readonly requestId: string;
}

export interface OperationResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: z.ZodType }>>;
}

export interface Operation<Ctx = unknown> {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path below the dialect's prefix with `:name` parameters, e.g. `/listings/:id`. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly auth: "none" | "client";
  readonly request: {
    readonly params?: z.ZodType;
    readonly query?: z.ZodType;
    readonly headers?: z.ZodType;
    readonly body?: z.ZodType;
  };
  readonly responses: Readonly<Record<number, OperationResponseSpec>>;
  // biome-ignore lint/suspicious/noExplicitAny: the table holds operations of different input types
  readonly handler: (input: OperationInput<any, any, any, any>, ctx: Ctx) => OperationResponse | Promise<OperationResponse>;
}

/** Kinds of failure the gateway itself detects before or around a handler. */
export type RequestProblemKind =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal";

export interface RequestProblem {
  readonly kind: RequestProblemKind;
  readonly status: number;
  readonly message: string;
  /** The request field at fault, as a dotted path (e.g. `order.billing_address.zip_code`). */
  readonly field?: string;
  /** Which part of the request the field is in. */
  readonly location?: "params" | "query" | "headers" | "body";
}

/** Identity a dialect extracted from a request, checked by the dialect's authenticator. */
export type AuthOutcome = { readonly ok: true; readonly client: Client } | { readonly ok: false; readonly problem: RequestProblem };

/** Everything the gateway needs to serve one dialect. */
export interface DialectDefinition<Ctx = unknown> {
  readonly name: string;
  /** Mount prefix on the gateway, e.g. `/optoro/drop-ship`. */
  readonly prefix: string;
  readonly title: string;
  readonly version: string;
  readonly operations: readonly Operation<Ctx>[];
  /** Authenticates a request for operations with `auth: "client"`. */
  readonly authenticate: (
    headers: Readonly<Record<string, string | string[] | undefined>>,
    ctx: Ctx,
  ) => AuthOutcome | Promise<AuthOutcome>;
  /** Renders a gateway-detected problem in the dialect's own error envelope. */
  readonly renderProblem: (problem: RequestProblem) => OperationResponse;
}

/** Declares an operation with its types checked against its schemas. */
export function defineOperation<Ctx>(operation: Operation<Ctx>): Operation<Ctx> {
  return operation;
}
