import { authenticateClient, type Client, type UseCaseContext } from "@dropgate/core-domain";
import { type Problem, problem } from "../errors/problem.js";

/*
 * Rewix authenticates every call with HTTP Basic: the API key as user name, the password as
 * password (reference B2). The key must belong to a Rewix buyer (a reseller); anything else is
 * 401 with a WWW-Authenticate challenge, like a missing or wrong secret.
 */

const BASIC = /^basic[ \t]+([A-Za-z0-9+/=]+)[ \t]*$/i;

/** The realm sent in the challenge. */
export const REALM = "Rewix";

/** The reseller a request's Authorization header names, or the 401 to answer. */
export function authenticateReseller(
  authorization: string | string[] | undefined,
  ctx: UseCaseContext,
): { ok: true; client: Client } | { ok: false; problem: Problem } {
  const denied = (message: string) => ({ ok: false as const, problem: problem(401, message) });
  if (authorization === undefined || authorization === "") return denied("Authentication required: send HTTP Basic with your API key and password");
  if (Array.isArray(authorization)) return denied("Send exactly one Authorization header");
  const match = BASIC.exec(authorization);
  if (!match?.[1]) return denied("Authorization must be HTTP Basic with your API key and password");
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return denied("HTTP Basic credentials must be apikey:password");
  const verified = authenticateClient(ctx, decoded.slice(0, colon), decoded.slice(colon + 1));
  if (!verified.ok) return denied("Wrong API key or password");
  const client = verified.value;
  if (client.dialect !== "rewix" || client.scope !== "buyer") return denied("These credentials are not a Rewix reseller's");
  return { ok: true, client };
}
