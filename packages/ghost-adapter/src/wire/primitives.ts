import { z } from "zod";

/*
 * Real Rewix clients send numbers and booleans as strings in one body and as numbers in the next
 * (`"stock_id":"449663"` beside `"quantity":1`; `"autoConfirm":"true"`), and XML carries every
 * value as text. These schemas take both spellings and answer the number or boolean, so the XML
 * and JSON forms of a request validate to the same object.
 */

/** An integer as a number or a string of digits. */
export const WireInt = z.union([z.int(), z.string().trim().regex(/^[+-]?\d{1,15}$/).transform(Number)], {
  error: "expected an integer",
});

/** A positive id (`stock_id`, `carrierId`). */
export const WireId = WireInt.pipe(z.int().min(1, "expected a positive id"));

/** A quantity of 0 or more. */
export const WireQuantity = WireInt.pipe(z.int().min(0, "expected 0 or more"));

/** A boolean as `true`/`false` or the strings "true"/"false" (any case). */
export const WireBoolean = z.union([z.boolean(), z.string().trim().regex(/^(true|false)$/i).transform((s) => s.toLowerCase() === "true")], {
  error: "expected true or false",
});

/** Text that a client may send as a number too (`"address_number": 1`); trimmed. */
export const WireText = z.union([z.string(), z.number().transform(String)], { error: "expected text" }).transform((s) => s.trim());

/** Optional text: empty (`<careof/>`, `""`) and null count as absent. */
export const OptionalText = z
  .union([WireText, z.null()])
  .optional()
  .transform((s) => (s === null || s === undefined || s === "" ? undefined : s));

/** Text that must be there and not empty. */
export function requiredText(max: number) {
  return WireText.pipe(z.string().min(1, "must not be empty").max(max, `at most ${max} characters`));
}
