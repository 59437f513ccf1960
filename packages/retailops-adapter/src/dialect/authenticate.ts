import { authenticateApiKey, type Client, type UseCaseContext } from "@dropgate/core-domain";
import type { AuthOutcome, AuthRequest } from "@dropgate/dialect-kit";

function first(value: unknown): string | undefined {
  const one = Array.isArray(value) ? value[0] : value;
  return typeof one === "string" && one.trim() !== "" ? one.trim() : undefined;
}

/**
 * The vendor behind a request's apikey: the `apikey` header, else `?apikey=` (retailops-rewix.md
 * A1). A missing or wrong key is `unauthorized` (INVALID_APIKEY, 401); a key that is not a
 * RetailOps vendor's is `forbidden` (NOT_A_VENDOR), so another partner's credential never
 * reaches a vendor call.
 */
export function authenticateVendor(request: AuthRequest, ctx: UseCaseContext): AuthOutcome<Client> {
  const apikey = first(request.headers.apikey) ?? first(request.query.apikey);
  if (apikey === undefined) {
    return { ok: false, problem: { kind: "unauthorized", status: 401, message: "No apikey: send it in the apikey header or as ?apikey=" } };
  }
  const authenticated = authenticateApiKey(ctx, apikey);
  if (!authenticated.ok) return { ok: false, problem: { kind: "unauthorized", status: 401, message: "Invalid apikey" } };
  const client = authenticated.value;
  if (client.dialect !== "retailops" || client.scope !== "vendor" || client.vendorId === null) {
    return { ok: false, problem: { kind: "forbidden", status: 403, message: `The apikey of ${client.name} is not a RetailOps vendor's` } };
  }
  return { ok: true, client };
}
