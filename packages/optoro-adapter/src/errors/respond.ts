import type { OperationResponse } from "@dropgate/dialect-kit";
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
