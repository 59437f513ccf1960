import type { OperationResponse, Page } from "@dropgate/core-domain";
import type { CursorCodec } from "../cursor/cursor-codec.js";
import { type NormalisedQuery, queryFingerprint } from "../cursor/query-fingerprint.js";
import { renderCursorRefusal } from "../errors/cursor-refusal.js";
import type { NextPage } from "../wire/next-page.js";

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
}

/** Where a page starts, or the 400 answer for a refused cursor. */
export function pageStart(
  codec: CursorCodec,
  request: ListRequest,
): { readonly ok: true; readonly afterId: number | undefined } | { readonly ok: false; readonly response: OperationResponse } {
  if (request.offset === undefined || request.offset === "") return { ok: true, afterId: undefined };
  const opened = codec.open(bindingOf(request), request.offset);
  if (!opened.ok) return { ok: false, response: renderCursorRefusal(opened.refusal) };
  return { ok: true, afterId: opened.position.afterId };
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
    body: { [key]: page.rows.map(toWire), next_page: nextPage(codec, request, page.nextAfterId) },
    headers: { record_count: String(page.total) },
  };
}

function bindingOf(request: ListRequest) {
  return { clientId: request.clientId, fingerprint: queryFingerprint(request.resource, request.normalised) };
}

/** `next_page` for a page whose last row has id `nextAfterId`; null on the last page (our choice). */
function nextPage(codec: CursorCodec, request: ListRequest, nextAfterId: number | null): NextPage {
  if (nextAfterId === null) return null;
  const offset = codec.seal(bindingOf(request), nextAfterId);
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(request.pathQuery)) {
    if (value !== undefined) params.set(name, String(value));
  }
  params.set("offset", offset);
  return { offset, path: `/${request.resource}?${params.toString()}` };
}
