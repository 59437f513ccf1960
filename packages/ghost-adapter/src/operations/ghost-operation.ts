import type { Client, HttpMethod, UseCaseContext } from "@dropgate/core-domain";
import type { z } from "zod";
import { invalidRequest, type Problem, problem, REQUEST_ERROR } from "../errors/problem.js";
import { type XmlDocument, errorXml } from "../xml/documents.js";
import { buildXml, parseXml } from "../xml/xml-codec.js";
import { authenticateReseller, REALM } from "./authenticate-reseller.js";
import { bodyFormat, type Format, MEDIA_TYPES, negotiateFormat } from "./negotiate.js";

/*
 * A Rewix call as data: path, schemas, the XML form of its body and answer, and a handler over
 * validated input. `runGhostCall` is the whole request pipeline in one place — negotiate the
 * answer's format (406), authenticate (401), decode the body by Content-Type (XML through the
 * safe codec into the JSON body's shape), validate it with the one zod schema (429 naming the
 * field), run the handler, and encode its answer or problem in the negotiated format — so that
 * every answer, errors included, speaks the format the client asked for.
 */

/** What a handler receives: validated parts and the authenticated reseller. */
export interface GhostCall<Q, B> {
  readonly query: Q;
  readonly params: Readonly<Record<string, string>>;
  readonly body: B;
  readonly client: Client;
}

export type GhostOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: Problem };

export interface GhostOperationSpec<Q = unknown, B = unknown, T = unknown> {
  readonly id: string;
  readonly method: HttpMethod;
  /** Path below `/restful`, with `:name` parameters. */
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tag: "Catalogue" | "Reservations" | "Orders" | "Carriers";
  readonly query?: z.ZodType<Q>;
  readonly body?: { readonly schema: z.ZodType<B>; readonly xml: XmlDocument<never> };
  readonly answer: { readonly schema: z.ZodType<T>; readonly xml: XmlDocument<T>; readonly description: string };
  /** The answer's format whatever `Accept` says (a `.json` / `.xml` path suffix). */
  readonly format?: Format;
  readonly handle: (call: GhostCall<Q, B>, ctx: UseCaseContext) => GhostOutcome<T>;
}

/** An operation of the table, whatever its input and answer types. */
// biome-ignore lint/suspicious/noExplicitAny: the table holds operations of different types
export type AnyGhostOperation = GhostOperationSpec<any, any, any>;

/** Declares a Rewix operation with its handler's types taken from its schemas. */
export function ghostOperation<Q, B, T>(spec: GhostOperationSpec<Q, B, T>): GhostOperationSpec<Q, B, T> {
  return spec;
}

/** A request as the HTTP layer hands it over: headers lower case, the body parsed JSON, raw XML text or absent. */
export interface RawGhostRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly query: unknown;
  readonly params: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** An answer ready to send: status, media type and the body (XML text, or the JSON value to serialise). */
export interface EncodedAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A JSON-shaped body in `format`: XML text built from the document's XML form, or the value itself for JSON. */
export function encodeBody<T>(format: Format, body: T, xml: XmlDocument<T>): unknown {
  return format === "json" ? body : buildXml(xml.rootName, xml.toXml(body));
}

/** Encodes a problem in `format`; 401 carries the Basic challenge. */
export function encodeProblem(format: Format, found: Problem): EncodedAnswer {
  const body = { message: found.message, ...(found.field === undefined ? {} : { field: found.field }) };
  return {
    status: found.status,
    contentType: `${MEDIA_TYPES[format]}; charset=utf-8`,
    body: encodeBody(format, body, errorXml),
    ...(found.status === 401 ? { headers: { "www-authenticate": `Basic realm="${REALM}", charset="UTF-8"` } } : {}),
  };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Decodes and validates the body: XML through the codec, JSON as parsed; both through one schema. */
function decodeBody<B>(spec: NonNullable<GhostOperationSpec<unknown, B>["body"]>, raw: RawGhostRequest): GhostOutcome<B> {
  const sent = bodyFormat(single(raw.headers["content-type"]));
  let shaped: unknown = raw.body;
  if (typeof raw.body === "string" || sent === "xml") {
    const text = typeof raw.body === "string" ? raw.body : "";
    const parsed = parseXml(text, { arrays: spec.xml.arrays });
    if (!parsed.ok) return { ok: false, problem: problem(REQUEST_ERROR, parsed.message, "body") };
    if (parsed.rootName !== spec.xml.rootName) {
      return { ok: false, problem: problem(REQUEST_ERROR, `The XML root element must be <${spec.xml.rootName}>`, "body") };
    }
    shaped = spec.xml.fromXml(parsed.root);
  }
  if (shaped === undefined) return { ok: false, problem: problem(REQUEST_ERROR, "The request needs a body", "body") };
  const checked = spec.schema.safeParse(shaped, { reportInput: true });
  return checked.success ? { ok: true, value: checked.data } : { ok: false, problem: invalidRequest("", checked.error.issues) };
}

/** Runs one Rewix call end to end and answers it encoded; expected failures never throw. */
export function runGhostCall<Q, B, T>(spec: GhostOperationSpec<Q, B, T>, raw: RawGhostRequest, ctx: UseCaseContext): EncodedAnswer {
  const negotiated = spec.format ?? negotiateFormat(single(raw.headers.accept));
  if (negotiated === null) {
    return encodeProblem("xml", problem(406, "Accept must allow application/xml or application/json", "accept"));
  }
  const format = negotiated;
  const auth = authenticateReseller(raw.headers.authorization, ctx);
  if (!auth.ok) return encodeProblem(format, auth.problem);

  let query: Q = undefined as Q;
  if (spec.query !== undefined) {
    const checked = spec.query.safeParse(raw.query ?? {}, { reportInput: true });
    if (!checked.success) return encodeProblem(format, invalidRequest("", checked.error.issues));
    query = checked.data;
  }
  let body: B = undefined as B;
  if (spec.body !== undefined) {
    const decoded = decodeBody(spec.body, raw);
    if (!decoded.ok) return encodeProblem(format, decoded.problem);
    body = decoded.value;
  }
  const outcome = spec.handle({ query, params: raw.params, body, client: auth.client }, ctx);
  if (!outcome.ok) return encodeProblem(format, outcome.problem);
  return { status: 200, contentType: `${MEDIA_TYPES[format]}; charset=utf-8`, body: encodeBody(format, outcome.value, spec.answer.xml) };
}
