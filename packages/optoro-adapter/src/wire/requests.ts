import { z } from "zod";
import { DROP_SHIP_VERSION, VERSION_HEADER, VERSION_HEADER_KEY } from "../version.js";
import { WireCondition, WireOrderStatus } from "./primitives.js";
import { parseUpdatedAt } from "./updated-at.js";

/*
 * Query, path and header schemas of the Drop Ship operations. Their error messages are the final
 * Optoro texts (optoro.md §2.9): a missing parameter reads like Rails' ParameterMissing, a bad
 * updated_at or per_page like Optoro's 400 examples. The gateway validates with them and the
 * dialect's `renderProblem` answers the first issue's message (`problem.detail`) as it is.
 */

const PARAM_MISSING = "param is missing or the value is empty: ";

/** Message for a missing or empty required parameter (Rails ParameterMissing wording). */
export function missingParamMessage(name: string): string {
  return `${PARAM_MISSING}${name}`;
}

/** Whether a message is a missing-parameter message (answered with Rails' body). */
export function isMissingParamMessage(text: string): boolean {
  return text.startsWith(PARAM_MISSING);
}

function requiredText(name: string, invalid: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? missingParamMessage(name) : invalid) })
    .min(1, { error: missingParamMessage(name) });
}

function optionalText(name: string) {
  return z.string({ error: `Invalid ${name}` }).min(1, { error: `Invalid ${name}` }).optional();
}

const condition = z
  .enum(WireCondition.options, {
    error: (issue) =>
      issue.input === undefined
        ? missingParamMessage("condition")
        : `Invalid condition; expected one of ${WireCondition.options.join(", ")}`,
  })
  .meta({ description: "Condition code" });

const updatedAt = requiredText("updated_at", "Invalid updated_at date")
  .refine((raw) => parseUpdatedAt(raw) !== null, { error: "Invalid updated_at date" })
  .meta({ description: "Last updated time in ISO 8601 format, UTC; not older than 3 months", example: "2023-01-01T17:27:46" });

const perPage = z.coerce
  .number({ error: "Invalid per_page" })
  .int({ error: "Invalid per_page" })
  .min(1, { error: "Invalid per_page" })
  .max(100, { error: "Invalid per_page" })
  .default(20)
  .meta({ description: "Results per page, at most 100" });

const offset = z
  .string({ error: "Invalid offset" })
  .optional()
  .meta({ description: "Encrypted cursor from the previous page's next_page.offset" });

/**
 * `page` is Drop Ship 6.0's paging; 2023-08-15 pages with `offset`. A 6.0 client would loop on
 * page 1 if `page` were ignored, so any `page` is refused with Optoro's own `Invalid page`.
 */
const page = z
  .never({ error: "Invalid page" })
  .optional()
  .meta({ description: "Not served (Drop Ship 6.0 paging): any value answers 400 Invalid page; follow next_page.offset instead" });

/** GET /listings query. */
export const ListingsQuery = z.object({
  updated_at: updatedAt,
  channel: requiredText("channel", "Invalid channel").meta({ description: "Inventory channel name", example: "rts_drop_ship" }),
  condition: condition.optional(),
  offset,
  per_page: perPage,
  page,
});
export type ListingsQuery = z.infer<typeof ListingsQuery>;

/** GET /listings/{id} query. */
export const ListingShowQuery = z.object({
  condition,
  channel: optionalText("channel"),
});
export type ListingShowQuery = z.infer<typeof ListingShowQuery>;

/** GET /orders query. */
export const OrdersQuery = z.object({
  updated_at: updatedAt,
  status: z.enum(WireOrderStatus.options, {
    error: (issue) =>
      issue.input === undefined
        ? missingParamMessage("status")
        : `Invalid status; expected one of ${WireOrderStatus.options.join(", ")}`,
  }),
  channel: optionalText("channel"),
  offset,
  per_page: perPage,
  page,
});
export type OrdersQuery = z.infer<typeof OrdersQuery>;

/** GET /shipments query. */
export const ShipmentsQuery = z.object({
  updated_at: updatedAt,
  channel: optionalText("channel"),
  offset,
  per_page: perPage,
  page,
});
export type ShipmentsQuery = z.infer<typeof ShipmentsQuery>;

/** GET /shipments/{id} query. */
export const ShipmentShowQuery = z.object({ carrier: optionalText("carrier") });
export type ShipmentShowQuery = z.infer<typeof ShipmentShowQuery>;

/** Path parameter `id` of the show/update operations. */
export const IdParams = z.object({ id: z.string().min(1, { error: missingParamMessage("id") }) });
export type IdParams = z.infer<typeof IdParams>;

/**
 * `api-version` is how Drop Ship 6.0 names its version (`6`). Only 2023-08-15 is served here, so a
 * client sending another `api-version` is told so at once rather than answered in a shape it does
 * not expect. It comes first so that a 6.0 client, which sends no `Optiturn-DropShip-Version`,
 * hears about its own header.
 */
const apiVersion = z
  .literal(DROP_SHIP_VERSION, {
    error: (issue) =>
      `Unsupported api-version ${String(issue.input)}: this service serves Drop Ship ${DROP_SHIP_VERSION} only (send ${VERSION_HEADER}: ${DROP_SHIP_VERSION} and no api-version)`,
  })
  .optional()
  .meta({ description: `Drop Ship 6.0's version header; only ${DROP_SHIP_VERSION} is accepted, any other value is 400` });

/** Headers every Drop Ship operation requires. */
export const VersionHeaders = z.object({
  "api-version": apiVersion,
  [VERSION_HEADER_KEY]: z
    .literal(DROP_SHIP_VERSION, {
      error: (issue) =>
        issue.input === undefined
          ? `Missing required header ${VERSION_HEADER}: ${DROP_SHIP_VERSION}`
          : `Unsupported ${VERSION_HEADER}: this service serves ${DROP_SHIP_VERSION}`,
    })
    .meta({ description: "The version of the API to use.", example: DROP_SHIP_VERSION }),
});
export type VersionHeaders = z.infer<typeof VersionHeaders>;
