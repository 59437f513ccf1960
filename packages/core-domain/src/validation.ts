import type { z } from "zod";
import { err, ok, type Result } from "./result.js";

/**
 * Parses a use case's input with its schema. A failure is one VALIDATION result naming the first
 * field at fault as a dotted path (`items.0.quantity`, under `at` when given, e.g. a row index),
 * with the message `<field>: <zod's message>`: the one place zod errors become domain results.
 * Run before the transaction, so bad input never throws inside one.
 */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, at?: string): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const field = [...(at === undefined ? [] : [at]), ...(issue?.path ?? []).map(String)].join(".");
  const message = issue?.message ?? "Invalid input";
  return err("VALIDATION", field === "" ? message : `${field}: ${message}`, { field });
}
