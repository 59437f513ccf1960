import type { OperationResponse } from "@dropgate/dialect-kit";
import { message } from "../errors/respond.js";
import { oldestUpdatedAt, parseUpdatedAt } from "../wire/updated-at.js";

/**
 * Checks a list request's `updated_at` at `now`: unreadable → 400 `Invalid updated_at date`,
 * more than three months back → 422 (optoro.md §2.9, both texts Optoro's). Answers the instant as
 * a UTC ISO string for the `updatedSince` filter.
 */
export function updatedSince(
  raw: string,
  now: Date,
): { readonly ok: true; readonly since: string } | { readonly ok: false; readonly response: OperationResponse } {
  const at = parseUpdatedAt(raw);
  if (!at) return { ok: false, response: message(400, "Invalid updated_at date") };
  if (at.getTime() < oldestUpdatedAt(now).getTime()) {
    return { ok: false, response: message(422, "Invalid updated_at date; should not be older than 3 months") };
  }
  return { ok: true, since: at.toISOString() };
}
