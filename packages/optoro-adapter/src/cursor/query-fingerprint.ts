import { createHash } from "node:crypto";

/** The filters of a list request after defaults and normalisation, which a cursor is bound to. */
export type NormalisedQuery = Readonly<Record<string, string | number | null>>;

/**
 * A short hash of a list request's resource and normalised filters (including per_page).
 * Keys are sorted so the same query always hashes alike, whatever order it was written in.
 */
export function queryFingerprint(resource: string, query: NormalisedQuery): string {
  const entries = Object.keys(query)
    .sort()
    .map((key) => [key, query[key] ?? null]);
  return createHash("sha256")
    .update(JSON.stringify([resource, entries]), "utf8")
    .digest()
    .subarray(0, 16)
    .toString("base64url");
}
