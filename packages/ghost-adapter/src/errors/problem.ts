import type { DomainError } from "@dropgate/core-domain";
import type { z } from "zod";

/*
 * Rewix answers request errors with HTTP 429 and a body holding the message (send-order spec:
 * "If the request body contains errors … The http status code 429 will be returned and request
 * body contains the error message"); 401 for credentials, 404 for an unknown order, 406 for an
 * Accept it cannot serve. Dropgate words each one once here, naming the field at fault in
 * Rewix's own wire names. Nothing a client sends answers 5xx.
 */

/** An error answer before it is put in the negotiated format. */
export interface Problem {
  readonly status: number;
  readonly message: string;
  readonly field?: string;
}

/** HTTP status of request errors, as the Rewix spec states it. */
export const REQUEST_ERROR = 429;

/** A problem naming a field. */
export function problem(status: number, message: string, field?: string): Problem {
  return field === undefined ? { status, message } : { status, message, field };
}

function describe(issue: z.core.$ZodIssue): string {
  if ("input" in issue && issue.input === undefined) return "is missing";
  if (issue.code === "invalid_type") return `must be ${issue.expected === "array" || issue.expected === "object" ? "an" : "a"} ${issue.expected}`;
  return issue.message;
}

/** The first zod issue as a 429 naming its wire path under `root` (e.g. `order_list.0.item_list.0.stock_id`). */
export function invalidRequest(root: string, issues: readonly z.core.$ZodIssue[]): Problem {
  const issue = issues[0];
  if (issue === undefined) return problem(REQUEST_ERROR, `${root || "body"} is invalid`);
  const field = [root, ...issue.path.map(String)].filter((p) => p !== "").join(".") || "body";
  return problem(REQUEST_ERROR, `${field} ${describe(issue)}`, field);
}

/** A domain failure in Rewix words; `fields` maps core-domain field paths to wire paths. */
export function domainProblem(error: DomainError, field?: string): Problem {
  const status = error.code === "UNAUTHORIZED" ? 401 : error.code === "NOT_FOUND" && field === undefined ? 404 : REQUEST_ERROR;
  return problem(status, error.message, field);
}
