import type { z } from "zod";
import { UsageError } from "../failures.js";
import type { RawRow } from "./read-rows.js";

/** Stop listing problems after this many; the first ones are what a person fixes first. */
const MAX_PROBLEMS = 20;

/**
 * Checks every row against the schema the server will apply, before anything is sent, so a
 * bad file is refused whole with line numbers instead of half-imported.
 */
export function validateRows<S extends z.ZodType>(rows: readonly RawRow[], schema: S): z.output<S>[] {
  const valid: z.output<S>[] = [];
  const problems: string[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row.values);
    if (parsed.success) {
      valid.push(parsed.data);
      continue;
    }
    for (const issue of parsed.error.issues) {
      if (problems.length < MAX_PROBLEMS) problems.push(`${row.where}: ${issue.path.join(".") || "row"}: ${issue.message}`);
    }
  }
  if (problems.length > 0) {
    const more = problems.length >= MAX_PROBLEMS ? " (first ones shown)" : "";
    throw new UsageError(`invalid rows; nothing was imported${more}`, problems);
  }
  return valid;
}
