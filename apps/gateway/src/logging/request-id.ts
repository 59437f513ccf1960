import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** Header carrying the request id, in both directions. */
export const REQUEST_ID_HEADER = "x-request-id";

// Accept a caller's id only when it is short and plain, so it can be logged and echoed safely.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

/** The caller's `x-request-id` when it is sane, else a fresh UUID. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === "string" && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
