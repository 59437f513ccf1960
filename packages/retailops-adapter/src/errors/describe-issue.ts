import type { z } from "zod";

/** A zod issue path in RetailOps' dotted form (`packages.0.items.1.quantity`). */
export function pathOf(issue: Pick<z.core.$ZodIssue, "path">): string {
  return issue.path.map(String).join(".");
}

/** `quantity must not be negative`: the field and what is wrong with it, for one issue. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const path = pathOf(issue);
  const message = issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
  return path === "" ? message : `${path} ${message}`;
}
