import type { z } from "zod";

/*
 * Turns zod issues into one sentence naming each wire field at fault, e.g.
 * `order.billing_address.zip_code is missing, order.price_cents must be an integer`.
 * Optoro's own texts look alike ("Validation failed: Client identifier can't be blank").
 */

/** The wire path of an issue under `root`, dotted (array indexes included); `body` for the body itself. */
export function issuePath(root: string, issue: z.core.$ZodIssue): string {
  return [root, ...issue.path.map(String)].filter((part) => part.length > 0).join(".") || "body";
}

/** Needs issues parsed with `{ reportInput: true }` (the gateway's are) to tell a missing value from a wrong one. */
function describe(issue: z.core.$ZodIssue): string {
  if ("input" in issue && issue.input === undefined) return "is missing";
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int") return "must be an integer";
      return `must be ${issue.expected === "array" || issue.expected === "object" ? "an" : "a"} ${issue.expected}`;
    case "too_small":
      if (issue.origin === "string") return "can't be blank";
      if (issue.origin === "array") return `must have at least ${String(issue.minimum)} entries`;
      return `must be at least ${String(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "string") return `is too long (at most ${String(issue.maximum)} characters)`;
      if (issue.origin === "array") return `must have at most ${String(issue.maximum)} entries`;
      return `must be at most ${String(issue.maximum)}`;
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return issue.format === "date" ? "must be a date (YYYY-MM-DD)" : `must be a valid ${issue.format}`;
    default:
      return "is invalid";
  }
}

/** One sentence naming every field at fault, most specific path first as zod reports them. */
export function describeIssues(root: string, issues: readonly z.core.$ZodIssue[]): string {
  return issues.map((issue) => `${issuePath(root, issue)} ${describe(issue)}`).join(", ");
}
