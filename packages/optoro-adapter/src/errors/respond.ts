import type { OperationResponse, RequestProblem } from "@dropgate/dialect-kit";
import type { ParameterMissingBody } from "../wire/errors.js";

/** A JSON answer with a status; headers only when given. */
export function respond(status: number, body: unknown, headers?: Readonly<Record<string, string>>): OperationResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** A Drop Ship error or status answer: `{"message": …}`. */
export function message(status: number, text: string, headers?: Readonly<Record<string, string>>): OperationResponse {
  return respond(status, { message: text }, headers);
}

/** Rails' ParameterMissing answer for a missing parameter whose message is `text`, keeping `message`. */
export function parameterMissing(text: string): OperationResponse {
  const body: ParameterMissingBody = {
    status: 400,
    error: "Bad Request",
    exception: `#<ActionController::ParameterMissing: ${text}>`,
    message: text,
  };
  return respond(400, body);
}

/**
 * `{"message": …}` with the status the gateway chose, for the problems every Optoro prefix answers
 * alike (404, 405, 406, 408, 413, 415, 429); a 500 never shows its inner text.
 */
export function problemMessage(problem: RequestProblem): OperationResponse {
  return problem.kind === "internal" ? message(500, "Internal Server Error") : message(problem.status, problem.message);
}
