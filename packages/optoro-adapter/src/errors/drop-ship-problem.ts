import type { OperationResponse, RequestProblem } from "@dropgate/dialect-kit";
import { isMissingParamMessage } from "../wire/requests.js";
import { message, parameterMissing, problemMessage } from "./respond.js";

/*
 * The one place where gateway-detected problems become Drop Ship answers (optoro.md §2.9):
 * everything is `{"message": …}`. Query, path and header problems are 400 (Optoro answers a
 * missing parameter, a bad updated_at or per_page with 400) with the schema's own text
 * (`detail`); a body that parses but does not fit is 422 ("Validation error. Fix request payload
 * and try again."), worded by the operation where Optoro words it (`renderInvalid`); JSON that
 * does not parse is 400.
 */

/** WWW-Authenticate challenge for bearer-token failures (RFC 6750 §3). */
const BEARER_CHALLENGE = 'Bearer realm="optoro-drop-ship"';

/** Renders a gateway-detected problem in the Drop Ship envelope. */
export function renderDropShipProblem(problem: RequestProblem): OperationResponse {
  switch (problem.kind) {
    case "validation": {
      // The query, path and header schemas word their issues as Optoro does (requests.ts); a
      // missing query parameter is Rails' own body, which clients of the real service parse.
      const text = problem.detail ?? problem.message;
      if (problem.location === "query" && isMissingParamMessage(text)) return parameterMissing(text);
      return message(problem.location === "body" ? 422 : 400, text);
    }
    case "bad_request":
      return message(400, problem.message);
    case "unauthorized":
      return message(401, problem.message, { "www-authenticate": `${BEARER_CHALLENGE}, error="invalid_token"` });
    case "forbidden":
      return message(403, problem.message);
    default:
      return problemMessage(problem);
  }
}
