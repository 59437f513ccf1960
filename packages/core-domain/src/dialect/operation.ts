import type { z } from "zod";
import type { Client } from "../model/client.js";

/*
 * A dialect describes its HTTP operations as data, with no HTTP framework: the gateway mounts
 * the table as routes and generates the OpenAPI document from the same table, so the two cannot
 * drift apart. Handlers receive already-validated input: the gateway checks headers first (a
 * version header decides how the rest reads), then path, query and body, and answers the first
 * part that fails through the operation's `renderInvalid`, else the dialect's `renderProblem`.
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
  /** Content types the body is sent in; defaults to application/json. */
  readonly contentTypes?: readonly string[];
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
    /** Header names are lower case, as HTTP/1.1 servers hand them over. */
    readonly headers?: z.ZodType;
    /**
     * JSON bodies arrive parsed; XML bodies (`application/xml`, `text/xml`) arrive as the raw
     * string, so an XML dialect parses them inside this schema (e.g. `z.string().transform(...)`).
     */
    readonly body?: z.ZodType;
    /** Content types the body may be sent in; defaults to application/json. Others get 415. */
    readonly contentTypes?: readonly string[];
  };
  readonly responses: Readonly<Record<number, OperationResponseSpec>>;
  /**
   * Answers a request part that failed its schema in this operation's own words (e.g. 422 with a
   * reason naming the field); undefined leaves it to the dialect's `renderProblem`. Called only
   * for `kind: "validation"` problems; `problem.location` says which part failed.
   */
  readonly renderInvalid?: (problem: RequestProblem) => OperationResponse | undefined;
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
  | "method_not_allowed"
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
  /**
   * Validation problems: the first issue's own message as the schema words it, without the
   * gateway's `Invalid <location> field "…":` around it, for dialects whose schemas carry the
   * partner's texts.
   */
  readonly detail?: string;
  /**
   * Validation problems: every issue, in zod's order, each with the `input` at fault (undefined
   * when the value is missing), for renderers that word each issue themselves.
   */
  readonly issues?: readonly z.core.$ZodIssue[];
}

/** Identity a dialect extracted from a request, checked by the dialect's authenticator. */
export type AuthOutcome = { readonly ok: true; readonly client: Client } | { readonly ok: false; readonly problem: RequestProblem };

/** How a dialect's clients authenticate, described for its OpenAPI document. */
export type DialectSecurity =
  | {
      readonly type: "oauth2-client-credentials";
      /** Token endpoint; a path is resolved against the gateway's origin. */
      readonly tokenUrl: string;
      readonly scopes?: Readonly<Record<string, string>>;
      readonly description?: string;
    }
  | { readonly type: "http-basic"; readonly description?: string }
  | { readonly type: "http-bearer"; readonly bearerFormat?: string; readonly description?: string }
  | { readonly type: "api-key"; readonly in: "header" | "query"; readonly name: string; readonly description?: string };

/** Everything the gateway needs to serve one dialect. */
export interface DialectDefinition<Ctx = unknown> {
  readonly name: string;
  /** Mount prefix on the gateway, e.g. `/optoro/drop-ship`. */
  readonly prefix: string;
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly operations: readonly Operation<Ctx>[];
  /** How `auth: "client"` operations authenticate, for the OpenAPI document. */
  readonly security?: DialectSecurity;
  /** Schema of the body `renderProblem` answers, so the OpenAPI document describes error responses. */
  readonly problemSchema?: z.ZodType;
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
