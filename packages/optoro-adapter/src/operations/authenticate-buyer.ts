import { type Client, type UseCaseContext, verifyAccessToken } from "@dropgate/core-domain";
import type { AuthOutcome, AuthRequest } from "@dropgate/dialect-kit";

/*
 * Drop Ship requests carry `Authorization: bearer {access_token}` (optoro.md §1.1; the scheme is
 * case-insensitive, RFC 7235 §2.1). The token must belong to an Optoro client; Drop Ship is the
 * buyer's API, so other Optoro scopes (forward-order senders, webhook receivers) get 403.
 */

const BEARER = /^bearer[ \t]+([A-Za-z0-9._~+/=-]+)[ \t]*$/i;

function unauthorized(message: string): AuthOutcome<Client> {
  return { ok: false, problem: { kind: "unauthorized", status: 401, message: `Not Authorized: ${message}` } };
}

/** Resolves the bearer token of a Drop Ship request to its buyer client. */
export function authenticateBuyer(request: AuthRequest, ctx: UseCaseContext): AuthOutcome<Client> {
  const header = request.headers.authorization;
  if (header === undefined || header === "") return unauthorized("missing Authorization: Bearer <access_token> header");
  if (Array.isArray(header)) return unauthorized("send exactly one Authorization header");
  const match = BEARER.exec(header);
  if (!match?.[1]) return unauthorized("the Authorization header must be Bearer <access_token>");
  const verified = verifyAccessToken(ctx, match[1]);
  if (!verified.ok) return unauthorized(verified.error.message.toLowerCase());
  const client = verified.value;
  if (client.dialect !== "optoro") return unauthorized("the access token was not issued to an Optoro client");
  if (client.scope !== "buyer") {
    return { ok: false, problem: { kind: "forbidden", status: 403, message: "Forbidden: Drop Ship is open to buyer clients only" } };
  }
  return { ok: true, client };
}
