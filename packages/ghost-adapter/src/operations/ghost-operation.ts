import type { Client, UseCaseContext } from "@dropgate/core-domain";
import { dialectKit, type HttpMethod, type Operation, type OperationResponse } from "@dropgate/dialect-kit";
import type { z } from "zod";
import { invalidRequest, type Problem } from "../errors/problem.js";
import { errorXml, type XmlDocument } from "../xml/documents.js";
import { REALM } from "./authenticate-reseller.js";
import { BOTH, XML } from "./media-types.js";

/*
 * A Rewix call as data: path, schemas, the XML form of its body and answer, and a handler over
 * validated input that answers a value or a problem. `toKitOperation` puts it on the dialect
 * kit: both media types in and out (the kit negotiates by Accept and decodes by Content-Type into
 * the one body schema, XML through the dialect's codec with the document as hint), invalid input
 * worded by `invalidRequest` in Rewix wire names, and every answer encoded in the negotiated type.
 */

const { defineOperation } = dialectKit<UseCaseContext, Client>();

/** What a handler receives: validated parts and the authenticated reseller. */
export interface GhostCall<Q, B> {
  readonly query: Q;
  readonly params: Readonly<Record<string, string>>;
  readonly body: B;
  readonly client: Client;
}

export type GhostOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

/** `I` is the body as sent (zod input): the XML document builds and reads that shape. */
export interface GhostOperationSpec<Q = unknown, B = unknown, T = unknown, I = unknown> {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path below `/restful`, with `:name` parameters. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tag: "Catalogue" | "Reservations" | "Orders" | "Carriers";
  readonly query?: z.ZodType<Q>;
  readonly body?: { readonly schema: z.ZodType<B, I>; readonly xml: XmlDocument<I>; readonly example?: unknown };
  readonly answer: { readonly schema: z.ZodType<T>; readonly xml: XmlDocument<T>; readonly description: string };
  readonly handle: (call: GhostCall<Q, B>, ctx: UseCaseContext) => GhostOutcome<T>;
}

/** An operation of the table, whatever its input and answer types. */
// biome-ignore lint/suspicious/noExplicitAny: the table holds operations of different types
export type AnyGhostOperation = GhostOperationSpec<any, any, any, any>;

/** Declares a Rewix operation with its handler's types taken from its schemas. */
export function ghostOperation<Q, B, T, I>(spec: GhostOperationSpec<Q, B, T, I>): GhostOperationSpec<Q, B, T, I> {
  return spec;
}

/** A problem as the gateway sends it, in `mediaType`; 401 carries the Basic challenge. */
export function problemResponse(mediaType: string, found: Problem): OperationResponse {
  const body = { message: found.message, ...(found.field === undefined ? {} : { field: found.field }) };
  return {
    status: found.status,
    body,
    mediaType: mediaType === XML ? XML : mediaType,
    ...(mediaType === XML ? { encodeHints: errorXml } : {}),
    ...(found.status === 401 ? { headers: { "www-authenticate": `Basic realm="${REALM}", charset="UTF-8"` } } : {}),
  };
}

/** The Rewix path prefix every call sits under. */
export const RESTFUL = "/restful";

/** One Rewix operation on the dialect kit. */
export function toKitOperation(spec: AnyGhostOperation, responses: OperationResponseTable): Operation<UseCaseContext, Client> {
  return defineOperation({
    id: spec.id,
    method: spec.method,
    path: `${RESTFUL}${spec.path}`,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    auth: "client",
    produces: BOTH,
    ...(spec.body === undefined ? {} : { consumes: BOTH }),
    codecHints: { [XML]: { ...(spec.body === undefined ? {} : { decode: spec.body.xml }), encode: spec.answer.xml } },
    ...(spec.body?.example === undefined ? {} : { requestExamples: { spec: { summary: "The spec's example", value: spec.body.example } } }),
    request: {
      ...(spec.query === undefined ? {} : { query: spec.query }),
      ...(spec.body === undefined ? {} : { body: spec.body.schema }),
    },
    responses: { 200: { description: spec.answer.description, schema: spec.answer.schema }, ...responses },
    renderInvalid: (problem, mediaType) => problemResponse(mediaType, invalidRequest("", problem.issues ?? [])),
    handler: (input, ctx) => {
      const outcome = spec.handle(
        { query: input.query, params: input.params as Readonly<Record<string, string>>, body: input.body, client: input.client },
        ctx,
      );
      return outcome.ok ? { status: 200, body: outcome.value } : problemResponse(input.mediaType, outcome.problem);
    },
  });
}

/** Documented error answers of an operation, by status. */
export type OperationResponseTable = Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
