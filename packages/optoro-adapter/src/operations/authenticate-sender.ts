import type { Client, UseCaseContext } from "@dropgate/core-domain";
import type { AuthOutcome, AuthRequest } from "@dropgate/dialect-kit";
import { bearerClient } from "./bearer-client.js";

/*
 * Forward Orders takes a bearer token issued to an Optoro client of scope `forward_order_sender`.
 * Every refusal — no token, an expired or revoked one, one of another scope (a buyer's) — is 401
 * without a body ("not authenticated or not authorized (these have no body)"); the reason is kept
 * in the problem for the gateway's log only.
 */

/** Resolves the bearer token of a Forward Orders request to its sender client. */
export function authenticateForwardOrderSender(request: AuthRequest, ctx: UseCaseContext): AuthOutcome<Client> {
  const found = bearerClient(request, ctx);
  if (!found.ok) return { ok: false, problem: { kind: "unauthorized", status: 401, message: `Not Authorized: ${found.reason}` } };
  if (found.client.scope !== "forward_order_sender") {
    return { ok: false, problem: { kind: "unauthorized", status: 401, message: "Not Authorized: the client may not send forward orders" } };
  }
  return { ok: true, client: found.client };
}
