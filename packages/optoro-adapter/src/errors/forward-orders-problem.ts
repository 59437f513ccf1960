import type { OperationResponse, RequestProblem } from "@dropgate/dialect-kit";
import type { z } from "zod";
import type { ForwardOrderErrorCode, ForwardOrdersValidationFailed } from "../wire/forward-orders.js";
import { message, problemMessage, respond } from "./respond.js";

/*
 * The one place where problems become Forward Orders answers (Forward Orders 1.0.0, optoro.md §3):
 * 401 has no body at all ("these have no body"); a body that does not parse, or has no `orders`
 * array, is 400; a batch whose orders do not fit is 422 `Validation Failed` listing every error of
 * the batch with its slash-separated path. The spec gives no body for 400, 413 or 500, so they
 * answer Optoro's usual `{"message": …}`.
 */

type ForwardOrderError = ForwardOrdersValidationFailed["errors"][number];

/** The 400 text for a body that is JSON but not `{"orders": [...]}`. */
const NOT_A_BATCH = 'Bad Request: the body must be a JSON object with an "orders" array';

/**
 * Optoro's code for one zod issue (needs `reportInput`, as the gateway parses): absent or null
 * where a value is required → `missing_field`; a value of the wrong JSON type → `invalid_type`;
 * a malformed date → `invalid_format`; anything else (empty, out of range, not an allowed value,
 * an empty list) → `invalid`.
 */
function codeOf(issue: z.core.$ZodIssue): ForwardOrderErrorCode {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type":
      return input === undefined || input === null ? "missing_field" : "invalid_type";
    case "invalid_format":
      return "invalid_format";
    default:
      return "invalid";
  }
}

/** Every validation error of the batch, in the body's order, once each. */
export function forwardOrderErrors(issues: readonly z.core.$ZodIssue[]): ForwardOrderError[] {
  const seen = new Set<string>();
  const errors: ForwardOrderError[] = [];
  for (const issue of issues) {
    const error = { field: issue.path.map(String).join("/"), code: codeOf(issue) };
    const key = `${error.field}\u0000${error.code}`;
    if (!seen.has(key)) {
      seen.add(key);
      errors.push(error);
    }
  }
  return errors;
}

/** True when the body is not a batch at all: not an object, or without an `orders` array. */
function notABatch(issues: readonly z.core.$ZodIssue[]): boolean {
  return issues.some((issue) => issue.path.length === 0 || (issue.path.length === 1 && issue.path[0] === "orders" && issue.code === "invalid_type"));
}

/** Answers a body that failed the Forward Orders schema: 400 when it is no batch, else 422 with every error. */
export function renderForwardOrdersInvalid(problem: RequestProblem): OperationResponse {
  const issues = problem.issues ?? [];
  if (issues.length === 0 || notABatch(issues)) return message(400, NOT_A_BATCH);
  return respond(422, { message: "Validation Failed", errors: forwardOrderErrors(issues) } satisfies ForwardOrdersValidationFailed);
}

/** Renders a gateway-detected problem for the Forward Orders prefix. */
export function renderForwardOrdersProblem(problem: RequestProblem): OperationResponse {
  switch (problem.kind) {
    case "validation":
      return problem.location === "body" ? renderForwardOrdersInvalid(problem) : message(400, problem.message);
    case "bad_request":
      return message(400, problem.message);
    case "unauthorized":
    case "forbidden":
      // "The user is not authenticated or not authorized (these have no body)."
      return { status: 401, headers: { "www-authenticate": 'Bearer realm="optoro-orders", error="invalid_token"' } };
    default:
      return problemMessage(problem);
  }
}
