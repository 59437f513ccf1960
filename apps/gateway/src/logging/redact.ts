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

/** Keys whose values are credentials, wherever a logged object holds them (headers, mostly). */
export const CREDENTIAL_KEYS: ReadonlySet<string> = new Set(["authorization", "apikey", "cookie", "set-cookie", "x-api-key"]);

/**
 * A copy of `value` with the value of every sensitive or credential key replaced, at any depth.
 * Only arrays and plain objects are copied: an Error, a Date or a Buffer is left to its pino
 * serializer as it is.
 */
export function redactDeep(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  if (Array.isArray(value)) {
    seen.add(value);
    return value.map((item) => redactDeep(item, seen));
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  seen.add(value);
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = SENSITIVE_KEYS.has(key) || CREDENTIAL_KEYS.has(key) ? REDACTED : redactDeep(inner, seen);
  }
  return copy;
}
