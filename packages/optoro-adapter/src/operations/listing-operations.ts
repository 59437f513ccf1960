import { DEFAULT_CHANNEL, type StockPosition, type StorageReader, giveBack } from "@dropgate/core-domain";
import { describeIssues } from "../errors/describe-issues.js";
import { renderDomainError } from "../errors/domain-error.js";
import { message, respond } from "../errors/respond.js";
import { toBuyerListings } from "../mapping/listing.js";
import { ListingEnvelope, ListingQuantityUpdate, ListingsPage, ListingUpdatedBody } from "../wire/listing.js";
import type { WireCondition } from "../wire/primitives.js";
import { IdParams, ListingShowQuery, ListingsQuery } from "../wire/requests.js";
import type { DropShipDeps } from "./drop-ship-context.js";
import { dropShipOperation } from "./drop-ship-operation.js";
import { servePage } from "./pagination.js";
import { BODY_ERRORS, COMMON_ERRORS, messageResponse, RECORD_COUNT_HEADER } from "./response-specs.js";
import type { OptoroOperation } from "./optoro-kit.js";

const LISTING_NOT_FOUND = "Listing cannot be found";

/**
 * Positions of a sku in a condition. With a channel it is that channel's only; without one
 * (the spec makes channel optional on show) the default drop-ship channel first, then by age.
 */
function listingsOf(r: StorageReader, sku: string, condition: WireCondition, channel: string | undefined): StockPosition[] {
  if (channel !== undefined) {
    const position = r.getPosition({ sku, condition, channel });
    return position ? [position] : [];
  }
  return r
    .findPositionsBySku(sku)
    .filter((p) => p.condition === condition)
    .sort((a, b) => Number(b.channel === DEFAULT_CHANNEL) - Number(a.channel === DEFAULT_CHANNEL) || a.id - b.id);
}

/** GET /listings, GET /listings/{id} and PUT /listings/{id}. */
export function listingOperations(deps: DropShipDeps): OptoroOperation[] {
  return [
    dropShipOperation({
      id: "listingsIndex",
      method: "GET",
      path: "/listings",
      summary: "List listings",
      description:
        "Listings on a channel updated since `updated_at` (sold-out ones included, with quantity 0), in a stable order. The total is in the `record_count` header; `next_page` is null on the last page.",
      tag: "Listings",
      query: ListingsQuery,
      responses: {
        200: { description: "A page of listings", schema: ListingsPage, headers: RECORD_COUNT_HEADER },
        ...COMMON_ERRORS,
        422: messageResponse("updated_at is older than 3 months"),
      },
      handle: ({ query, client }, ctx) =>
        servePage(deps.cursors, ctx, { resource: "listings", clientId: client.id, query }, (r, window) => {
          const page = r.listPositions({ channel: query.channel, condition: query.condition, ...window });
          return { ...page, rows: toBuyerListings(r, client.id, page.rows) };
        }),
    }),
    dropShipOperation({
      id: "listingsShow",
      method: "GET",
      path: "/listings/:id",
      summary: "Show listings by identifier",
      description: "The listing of a sku (or lot name) in a condition; `channel` picks one when the sku is on several.",
      tag: "Listings",
      params: IdParams,
      query: ListingShowQuery,
      responses: {
        200: { description: "The listing", schema: ListingEnvelope },
        ...COMMON_ERRORS,
        404: messageResponse(LISTING_NOT_FOUND),
      },
      handle: ({ params, query, client }, ctx) => {
        // The position and the buyer's cap on it in one snapshot.
        const listing = ctx.store.read((r) => {
          const [position] = listingsOf(r, params.id, query.condition, query.channel);
          return position === undefined ? undefined : toBuyerListings(r, client.id, [position])[0];
        });
        if (!listing) return message(404, LISTING_NOT_FOUND);
        return respond(200, { listing });
      },
    }),
    dropShipOperation({
      id: "listingsUpdate",
      method: "PUT",
      path: "/listings/:id",
      summary: "Update Listing quantity",
      description:
        "The buyer gives back stock it no longer wants on this channel: `quantity` is what this buyer's listing shows from now on, never more than it shows now. Only this buyer's listing (and what it may order) changes; other buyers and the stock itself are untouched.",
      tag: "Listings",
      params: IdParams,
      body: ListingQuantityUpdate,
      invalidBody: (problem) => message(422, `Validation failed: ${describeIssues("", problem.issues ?? [])}`),
      responses: {
        200: { description: "Quantity updated", schema: ListingUpdatedBody },
        ...COMMON_ERRORS,
        ...BODY_ERRORS,
        404: messageResponse(LISTING_NOT_FOUND),
        422: messageResponse("Invalid body, or a quantity above the current one (the message names the current quantity)"),
      },
      handle: ({ params, body, client }, ctx) => {
        const positions = ctx.store.read((r) => listingsOf(r, params.id, body.condition, body.channel));
        const [position] = positions;
        if (!position) return message(404, LISTING_NOT_FOUND);
        // A write must not guess: without a channel the sku must be on exactly one.
        if (body.channel === undefined && positions.length > 1) {
          return message(422, `Validation failed: channel is required, ${params.id}(${body.condition}) is listed on several channels`);
        }
        // Only this buyer's view changes (its cap): listings are shared between buyers.
        const reduced = giveBack(ctx, {
          clientId: client.id,
          sku: position.sku,
          condition: position.condition,
          channel: position.channel,
          quantity: body.quantity,
        });
        if (!reduced.ok) return renderDomainError(reduced.error, { notFound: LISTING_NOT_FOUND });
        return respond(200, { message: "Listing quantity updated" });
      },
    }),
  ];
}
