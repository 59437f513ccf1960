import type { z } from "zod";
import type { CodecHints } from "./codec.js";
import type { HttpMethod } from "./http-method.js";
import type { RequestProblem } from "./problem.js";
import type { OperationExamples, OperationResponse, OperationResponseSpec } from "./response.js";

/*
 * A dialect describes its HTTP operations as data, with no HTTP framework: the gateway mounts
 * the table as routes and generates the OpenAPI document from the same table, so the two cannot
 * drift apart. Handlers receive already-validated input: the gateway checks headers first (a
 * version header decides how the rest reads), then path, query and body, and answers the first
 * part that fails through the operation's `renderInvalid`, else the dialect's `renderProblem`.
 */

/** `none`: no authentication; `client`: the dialect's `authenticate` must find a principal. */
export type AuthMode = "none" | "client";

/** Validated request parts handed to a handler (and to `cost` / `rateLimitKey`). */
export interface OperationInput<P = unknown, Q = unknown, H = unknown, B = unknown, C = unknown> {
  readonly params: P;
  readonly query: Q;
  readonly headers: H;
  /** Decoded by the codec of its Content-Type, then parsed by the body schema. */
  readonly body: B;
  /** The authenticated principal (`null` for `auth: "none"`). */
  readonly client: C;
  /** The media type the answer must be in, negotiated from Accept (or a format suffix). */
  readonly mediaType: string;
  /** The media type the body was sent in (aliases resolved), undefined without a body. */
  readonly requestMediaType: string | undefined;
  /** The action version the client asked for (`~N` suffix), else the operation's own. */
  readonly version: number;
  readonly requestId: string;
  readonly ip: string;
}

type Part = z.ZodType | undefined;
type Out<S extends Part, Missing> = S extends z.ZodType ? z.output<S> : Missing;

/** The input a handler of an operation with these schemas receives. */
export type InputOf<PS extends Part, QS extends Part, HS extends Part, BS extends Part, A extends AuthMode, Principal> = OperationInput<
  Out<PS, Readonly<Record<string, string>>>,
  Out<QS, Readonly<Record<string, string | string[] | undefined>>>,
  Out<HS, Readonly<Record<string, string | string[] | undefined>>>,
  Out<BS, undefined>,
  A extends "client" ? Principal : null
>;

/** The part of an operation that neither depends on its input types nor on its context. */
export interface OperationMeta {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path below the dialect's prefix with `:name` parameters, e.g. `/listings/:id`. */
  readonly path: string;
  /** The action version this operation serves (the `~N` suffix on dialects that route by it); default 1. */
  readonly version?: number;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  /** Media types the body may be sent in; defaults to the dialect's default. Others get 415. */
  readonly consumes?: readonly string[];
  /** Media types the answer may be in, best first; defaults to the dialect's default. Else 406. */
  readonly produces?: readonly string[];
  /** Hints per media type for the codecs that decode the body and encode the answer. */
  readonly codecHints?: CodecHints;
  /** Sample request bodies for the OpenAPI document (the partner spec's own, ideally). */
  readonly requestExamples?: OperationExamples;
  readonly responses: Readonly<Record<number, OperationResponseSpec>>;
}

/** One operation of a dialect's table, its input types erased so the table can hold them all. */
export interface Operation<Ctx = unknown, Principal = unknown> extends OperationMeta {
  readonly auth: AuthMode;
  readonly request: {
    readonly params?: z.ZodType;
    readonly query?: z.ZodType;
    /** Header names are lower case, as HTTP/1.1 servers hand them over. */
    readonly headers?: z.ZodType;
    readonly body?: z.ZodType;
  };
  /**
   * Answers a request part that failed its schema in this operation's own words (e.g. 422 with a
   * reason naming the field); undefined leaves it to the dialect's `renderProblem`. Called only
   * for `kind: "validation"` problems; `problem.location` says which part failed.
   */
  renderInvalid?(problem: RequestProblem, mediaType: string): OperationResponse | undefined;
  /** Rate-limit tokens this request costs, from its validated input (default 1). */
  cost?(input: OperationInput<unknown, unknown, unknown, unknown, Principal | null>): number;
  /**
   * Keys the rate limit by more than the client: e.g. the token endpoint keys guesses by the
   * address AND the client id they name, so a guessing loop does not lock out the real client.
   */
  rateLimitKey?(input: OperationInput<unknown, unknown, unknown, unknown, Principal | null>): string | undefined;
  handler(
    input: OperationInput<unknown, unknown, unknown, unknown, Principal | null>,
    ctx: Ctx,
  ): OperationResponse | Promise<OperationResponse>;
}

/** What `defineOperation` takes: the operation with handler input typed from its schemas. */
export interface OperationSpec<Ctx, Principal, PS extends Part, QS extends Part, HS extends Part, BS extends Part, A extends AuthMode>
  extends OperationMeta {
  readonly auth: A;
  readonly request: {
    readonly params?: PS;
    readonly query?: QS;
    readonly headers?: HS;
    readonly body?: BS;
  };
  readonly renderInvalid?: (problem: RequestProblem, mediaType: string) => OperationResponse | undefined;
  readonly cost?: (input: InputOf<PS, QS, HS, BS, A, Principal>) => number;
  readonly rateLimitKey?: (input: InputOf<PS, QS, HS, BS, A, Principal>) => string | undefined;
  readonly handler: (
    input: InputOf<PS, QS, HS, BS, A, Principal>,
    ctx: Ctx,
  ) => OperationResponse | Promise<OperationResponse>;
}

/** Declares an operation; the handler's input types are inferred from the operation's schemas. */
export type DefineOperation<Ctx, Principal> = <
  PS extends Part = undefined,
  QS extends Part = undefined,
  HS extends Part = undefined,
  BS extends Part = undefined,
  A extends AuthMode = AuthMode,
>(
  spec: OperationSpec<Ctx, Principal, PS, QS, HS, BS, A>,
) => Operation<Ctx, Principal>;
