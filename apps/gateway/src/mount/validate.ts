import type { RequestPart, RequestProblem } from "@dropgate/dialect-kit";
import type { z } from "zod";

export type { RequestPart };

/** A validated request part, or the problem naming the first field at fault. */
export type PartOutcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: RequestProblem };

/** Validates one request part with its zod schema; without a schema the part passes untouched. */
export function validatePart(schema: z.ZodType | undefined, value: unknown, location: RequestPart): PartOutcome {
  if (schema === undefined) return { ok: true, value };
  // Each issue keeps the input at fault, so a renderer can tell a missing value from a wrong one.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problem: validationProblem(parsed.error, location) };
}

/**
 * The gateway's 400 for a zod error: the first issue in the gateway's words (`message`), its
 * dotted field path and where it is, plus the raw detail (`detail`, `issues`) for dialects and
 * operations that answer in a partner's words.
 */
export function validationProblem(error: z.ZodError, location: RequestPart): RequestProblem {
  const { issues } = error;
  const issue = issues[0];
  if (issue === undefined) return { kind: "validation", status: 400, message: `Invalid ${location}`, location, issues };
  const raw = { detail: issue.message, issues };
  const path = issue.path.map(String);
  // An unknown key is reported on its parent object; the key itself is the field at fault.
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const field = path.join(".");
  if (field === "") return { kind: "validation", status: 400, message: `Invalid ${location}: ${issue.message}`, location, ...raw };
  return { kind: "validation", status: 400, message: `Invalid ${location} field "${field}": ${issue.message}`, field, location, ...raw };
}
