import type { Page, StorageReader, UseCaseContext } from "@dropgate/core-domain";
import type { OperationResponse } from "@dropgate/dialect-kit";
import type { CursorCodec } from "../cursor/cursor-codec.js";
import { type NormalisedQuery, queryFingerprint } from "../cursor/query-fingerprint.js";
import { renderCursorRefusal } from "../errors/cursor-refusal.js";
import type { NextPage } from "../wire/next-page.js";
import { updatedSince } from "./updated-since.js";

/*
 * Paging for every Drop Ship list: a sealed keyset cursor in `offset`, `next_page` with the
 * ready-made path, and the total in the `record_count` header (2023-08-15, List listings).
 * Rows are served by id, so a row whose stock changes between pages keeps its place: no row is
 * served twice or skipped, and page N costs what page 2 costs.
 */

/** One list request: who asks, for which resource, with which filters. */
export interface ListRequest {
  readonly resource: "listings" | "orders" | "shipments";
  readonly clientId: number;
  /** Filters after normalisation (defaults applied, timestamps canonical): the cursor binds to them. */
  readonly normalised: NormalisedQuery;
  /** The filters to repeat in `next_page.path`, as query parameters. */
  readonly pathQuery: Readonly<Record<string, string | number | undefined>>;
  readonly offset: string | undefined;
  /** What the cursor is bound to: this client and these filters, hashed once per request. */
  readonly binding: { readonly clientId: number; readonly fingerprint: string };
}

/** Where a page starts, or the 400 answer for a refused cursor. */
export function pageStart(
  codec: CursorCodec,
  request: ListRequest,
):
  | { readonly ok: true; readonly afterId: number | undefined; readonly knownTotal: number | undefined }
  | { readonly ok: false; readonly response: OperationResponse } {
  if (request.offset === undefined || request.offset === "") return { ok: true, afterId: undefined, knownTotal: undefined };
  const opened = codec.open(request.binding, request.offset);
  if (!opened.ok) return { ok: false, response: renderCursorRefusal(opened.refusal) };
  return { ok: true, afterId: opened.position.afterId, knownTotal: opened.position.total };
}

/** The 200 answer for one page: `{ <key>: rows, next_page }` and the `record_count` header. */
export function pageAnswer<Row, Wire>(
  codec: CursorCodec,
  request: ListRequest,
  key: string,
  page: Page<Row>,
  toWire: (row: Row) => Wire,
): OperationResponse {
  return {
    status: 200,
    body: { [key]: page.rows.map(toWire), next_page: nextPage(codec, request, page.nextAfterId, page.total) },
    headers: { record_count: String(page.total) },
  };
}

/**
 * `next_page` for a page whose last row has id `nextAfterId`; null on the last page (our choice).
 * The cursor carries the walk's total, so `record_count` stays what page 1 said (Optoro uses it
 * "to calculate the number of pages", 2023-08-15) and later pages do not count the set again.
 */
function nextPage(codec: CursorCodec, request: ListRequest, nextAfterId: number | null, total: number): NextPage {
  if (nextAfterId === null) return null;
  const offset = codec.seal(request.binding, nextAfterId, total);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request.pathQuery)) {
    if (value !== undefined) params.set(name, String(value));
  }
  params.set("offset", offset);
  return { offset, path: `/${request.resource}?${params.toString()}` };
}

/** A Drop Ship list query as parsed: every key but `offset` is a filter repeated in `next_page.path`. */
export type ListQuery = { readonly updated_at: string; readonly per_page: number; readonly offset?: string | undefined } & Readonly<
  Record<string, string | number | undefined>
>;

/** The slice of rows a page asks storage for. */
export interface PageWindow {
  readonly updatedSince: string;
  readonly afterId: number | undefined;
  readonly limit: number;
  /** The total page 1 of this walk answered (from the cursor); storage then does not count again. */
  readonly knownTotal: number | undefined;
}

/**
 * Serves one page of a Drop Ship list, the same way for listings, orders and shipments: checks
 * `updated_at`, opens the cursor bound to this client and these filters, reads the page in one
 * snapshot with `read`, and answers it with `next_page` and `record_count`.
 */
export function servePage<Wire>(
  codec: CursorCodec,
  ctx: UseCaseContext,
  spec: { readonly resource: ListRequest["resource"]; readonly clientId: number; readonly query: ListQuery },
  read: (reader: StorageReader, window: PageWindow) => Page<Wire>,
): OperationResponse {
  const since = updatedSince(spec.query.updated_at, ctx.now());
  if (!since.ok) return since.response;
  const { offset, ...filters } = spec.query;
  const normalised = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, value ?? null]));
  const bound = { ...normalised, updated_at: since.since };
  const request: ListRequest = {
    resource: spec.resource,
    clientId: spec.clientId,
    normalised: bound,
    pathQuery: filters,
    offset,
    binding: { clientId: spec.clientId, fingerprint: queryFingerprint(spec.resource, bound) },
  };
  const start = pageStart(codec, request);
  if (!start.ok) return start.response;
  const window = { updatedSince: since.since, afterId: start.afterId, limit: spec.query.per_page, knownTotal: start.knownTotal };
  return ctx.store.read((reader) => pageAnswer(codec, request, spec.resource, read(reader, window), (row) => row));
}
