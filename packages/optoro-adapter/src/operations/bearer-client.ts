import { type Client, type UseCaseContext, verifyAccessToken } from "@dropgate/core-domain";
import type { AuthRequest } from "@dropgate/dialect-kit";

/*
 * Optoro's inbound APIs take `Authorization: bearer {access_token}` from the Optoro OAuth endpoint
 * (optoro.md §1.1; the scheme is case-insensitive, RFC 7235 §2.1); the token must belong to an
 * Optoro client. Each API then checks the client's scope in its own words.
 */

const BEARER = /^bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

/** The Optoro client a request's bearer token was issued to, or why there is none. */
export function bearerClient(request: AuthRequest, ctx: UseCaseContext): { ok: true; client: Client } | { ok: false; reason: string } {
  const header = request.headers.authorization;
  if (header === undefined || header === "") return { ok: false, reason: "missing Authorization: Bearer <access_token> header" };
  if (Array.isArray(header)) return { ok: false, reason: "send exactly one Authorization header" };
  const match = BEARER.exec(header);
  if (!match?.[1]) return { ok: false, reason: "the Authorization header must be Bearer <access_token>" };
  const verified = verifyAccessToken(ctx, match[1]);
  if (!verified.ok) return { ok: false, reason: verified.error.message.toLowerCase() };
  if (verified.value.dialect !== "optoro") return { ok: false, reason: "the access token was not issued to an Optoro client" };
  return { ok: true, client: verified.value };
}
