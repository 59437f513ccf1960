/*
 * Partner payloads carry buyers' addresses and phone numbers (Optoro orders, RetailOps POs,
 * Rewix recipients). Logs must never hold them, whatever depth a payload nests them at.
 */

/** Keys whose values are personal data: addresses and phone numbers, in each dialect's spelling. */
export const SENSITIVE_KEYS: ReadonlySet<string> = new Set([
  "address",
  "addresses",
  "billing_address",
  "shipping_address",
  "billingAddress",
  "shippingAddress",
  "recipient_details",
  "recipient",
  "telephone_number",
  "telephone",
  "phone",
  "phone_number",
  "phoneNumber",
  "mobile",
  "cellphone",
]);

export const REDACTED = "[Redacted]";

/** Depth to which pino's path redaction looks for sensitive keys under any logged object. */
const WILDCARD_DEPTH = 4;

/** pino `redact.paths`: credentials in request headers, and sensitive keys up to a few levels deep. */
export function redactPaths(): string[] {
  const paths = [
    "req.headers.authorization",
    "req.headers.apikey",
    "req.headers.cookie",
    "headers.authorization",
    "headers.apikey",
  ];
  for (const key of SENSITIVE_KEYS) {
    for (let depth = 1; depth <= WILDCARD_DEPTH; depth += 1) paths.push(`${"*.".repeat(depth)}${key}`);
  }
  return paths;
}

/** A copy of `value` with every sensitive key's value replaced, at any depth (for logged payloads). */
export function redactDeep(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEYS.has(key) ? REDACTED : redactDeep(inner, seen);
  }
  return copy;
}
