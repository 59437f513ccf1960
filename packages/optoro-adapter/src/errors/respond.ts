import type { OperationResponse } from "@dropgate/dialect-kit";

/** A JSON answer with a status; headers only when given. */
export function respond(status: number, body: unknown, headers?: Readonly<Record<string, string>>): OperationResponse {
  return headers ? { status, body, headers } : { status, body };
}

/** A Drop Ship error or status answer: `{"message": …}`. */
export function message(status: number, text: string, headers?: Readonly<Record<string, string>>): OperationResponse {
  return respond(status, { message: text }, headers);
}
