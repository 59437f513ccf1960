import type { Client, UseCaseContext } from "@dropgate/core-domain";
import type { AuthOutcome, AuthRequest } from "@dropgate/dialect-kit";
import { bearerClient } from "./bearer-client.js";

/*
 * Drop Ship is the buyer's API: the bearer token must belong to an Optoro buyer; other Optoro
 * scopes (forward-order senders, webhook receivers) get 403.
 */

/** Resolves the bearer token of a Drop Ship request to its buyer client. */
export function authenticateBuyer(request: AuthRequest, ctx: UseCaseContext): AuthOutcome<Client> {
  const found = bearerClient(request, ctx);
  if (!found.ok) return { ok: false, problem: { kind: "unauthorized", status: 401, message: `Not Authorized: ${found.reason}` } };
  if (found.client.scope !== "buyer") {
    return { ok: false, problem: { kind: "forbidden", status: 403, message: "Forbidden: Drop Ship is open to buyer clients only" } };
  }
  return { ok: true, client: found.client };
}
