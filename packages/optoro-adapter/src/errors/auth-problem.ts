import type { OperationResponse, RequestProblem } from "@dropgate/dialect-kit";
import { respond } from "./respond.js";

/*
 * The token endpoint answers in OAuth's envelope `{"error", "error_description"}` (Auth 1.0.0
 * 401 example; codes from RFC 6749 §5.2), not in Drop Ship's `{"message"}`.
 */

/** Optoro's wording for bad client credentials (Auth 1.0.0, 401 invalidClient example). */
export const INVALID_CLIENT_DESCRIPTION =
  "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.";

/** An OAuth error answer. */
export function oauthError(status: number, error: string, description: string): OperationResponse {
  // RFC 6749 §5.1: token answers must not be cached.
  return respond(status, { error, error_description: description }, { "cache-control": "no-store", pragma: "no-cache" });
}

/** Renders a gateway-detected problem at the token endpoint. */
export function renderAuthProblem(problem: RequestProblem): OperationResponse {
  switch (problem.kind) {
    case "validation":
    case "bad_request":
    case "unsupported_media_type":
      return oauthError(400, "invalid_request", problem.message);
    case "unauthorized":
    case "forbidden":
      return oauthError(401, "invalid_client", INVALID_CLIENT_DESCRIPTION);
    case "not_found":
      return oauthError(404, "not_found", problem.message);
    case "method_not_allowed":
      return oauthError(405, "invalid_request", problem.message);
    case "not_acceptable":
      return oauthError(406, "invalid_request", problem.message);
    case "request_timeout":
      return oauthError(408, "invalid_request", problem.message);
    case "payload_too_large":
      return oauthError(413, "invalid_request", problem.message);
    case "rate_limited":
      return oauthError(429, "temporarily_unavailable", problem.message);
    case "internal":
      return oauthError(500, "server_error", "Internal Server Error");
  }
}
