import type { RequestProblem } from "@dropgate/dialect-kit";

/** The parts of a Fastify error the mapping reads. */
export interface FrameworkError {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message: string;
}

/*
 * Fastify reports what it detects before a handler runs (body parsing, content types, limits,
 * bad URLs) as errors with a code; each becomes the matching request problem so the owning
 * dialect can answer in its own envelope instead of Fastify's default body.
 */

/** The request problem for an error Fastify raised, or an internal error for anything else. */
export function problemFromFrameworkError(error: FrameworkError, bodyLimitBytes: number): RequestProblem {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return {
        kind: "payload_too_large",
        status: 413,
        message: `Request body is larger than the limit of ${bodyLimitBytes} bytes`,
        location: "body",
      };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { kind: "unsupported_media_type", status: 415, message: "Unsupported Content-Type; send application/json" };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { kind: "bad_request", status: 400, message: "Request body is not valid JSON", location: "body" };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { kind: "bad_request", status: 400, message: "Request body is empty", location: "body" };
    case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
      return { kind: "bad_request", status: 400, message: "Request body size does not match Content-Length", location: "body" };
    case "FST_ERR_BAD_URL":
      return { kind: "bad_request", status: 400, message: "Request URL is not valid" };
    case "FST_ERR_MAX_PARAM_LENGTH":
      return { kind: "bad_request", status: 414, message: "A path parameter is too long", location: "params" };
  }
  const status = error.statusCode;
  if (status !== undefined && status >= 400 && status < 500) {
    return { kind: status === 404 ? "not_found" : "bad_request", status, message: error.message };
  }
  return { kind: "internal", status: 500, message: "Internal server error" };
}
