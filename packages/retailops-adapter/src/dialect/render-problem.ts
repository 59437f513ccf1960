import type { RequestProblem } from "@dropgate/dialect-kit";
import { actionPath } from "../actions/action.js";
import type { ActionAnswer } from "../actions/action.js";
import { failure } from "../actions/answers.js";
import { RETAILOPS_ACTIONS } from "../actions/table.js";
import type { RetailOpsErrorCode } from "../errors/codes.js";

/*
 * What the gateway detects itself (unknown action or version, body not JSON, wrong method, rate
 * limit…) in the RetailOps envelope. Such answers keep HTTP 200 like every other error, except
 * the credential failure (401), so clients that read only 2xx bodies still see ERRORCODE.
 */

const KNOWN_ACTIONS = RETAILOPS_ACTIONS.map((a) => `${a.name} (${actionPath(a)})`).join(", ");

function codeOf(problem: RequestProblem): RetailOpsErrorCode {
  switch (problem.kind) {
    case "bad_request":
      return problem.location === "body" ? "INVALID_JSON" : "INVALID_PARAMS";
    case "validation":
      return "INVALID_PARAMS";
    case "unauthorized":
      return "INVALID_APIKEY";
    case "forbidden":
      return "NOT_A_VENDOR";
    case "not_found":
      return / has no version \d+/.test(problem.message) ? "NO_SUCH_VERSION" : "NO_SUCH_ACTION";
    case "method_not_allowed":
      return "METHOD_NOT_ALLOWED";
    case "not_acceptable":
      return "NOT_ACCEPTABLE";
    case "request_timeout":
      return "REQUEST_TIMEOUT";
    case "payload_too_large":
      return "PAYLOAD_TOO_LARGE";
    case "unsupported_media_type":
      return "UNSUPPORTED_MEDIA_TYPE";
    case "rate_limited":
      return "RATE_LIMITED";
    case "internal":
      return "INTERNAL_ERROR";
  }
}

function messageOf(problem: RequestProblem, code: RetailOpsErrorCode): string {
  if (problem.kind === "validation" && problem.field !== undefined) return `for field ${problem.field}: ${problem.detail ?? problem.message}`;
  if (code === "INVALID_JSON" && problem.position?.offset !== undefined) return `${problem.message} at position ${problem.position.offset}`;
  if (code === "NO_SUCH_ACTION") return `${problem.message}; the actions are ${KNOWN_ACTIONS}`;
  return problem.message;
}

/** A gateway-detected problem as a RetailOps envelope. */
export function renderRetailOpsProblem(problem: RequestProblem): ActionAnswer {
  const code = codeOf(problem);
  return failure(code, messageOf(problem, code), code === "INVALID_APIKEY" ? 401 : 200);
}
