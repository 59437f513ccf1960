import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/*
 * Secrets and tokens are 256-bit random values, so a fast hash is enough to store them: there is
 * nothing to brute-force, unlike a human password (which would need scrypt/argon2).
 */

/** A new random secret, URL-safe. */
export function generateSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/** A new public client key with a readable prefix, e.g. `dg_optoro_3f9a…`. */
export function generateClientKey(dialect: string): string {
  return `dg_${dialect}_${randomBytes(9).toString("hex")}`;
}

/** The stored form of a secret or token. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** Compares a presented secret with a stored hash in constant time. */
export function verifySecret(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashSecret(secret), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/*
 * A one-string credential (RetailOps' `apikey`): the public key and the secret joined by a dot.
 * Keys are `dg_<dialect>_<hex>` and secrets base64url, so neither contains a dot; the key part
 * finds the client by an index and only the secret part is compared with the stored hash.
 */

/** The whole apikey a one-string dialect sends for a key and its secret. */
export function apiKeyOf(key: string, secret: string): string {
  return `${key}.${secret}`;
}

/** Splits an apikey into its key and secret; undefined when it is not of that form. */
export function splitApiKey(apiKey: string): { key: string; secret: string } | undefined {
  const dot = apiKey.indexOf(".");
  if (dot <= 0 || dot === apiKey.length - 1) return undefined;
  return { key: apiKey.slice(0, dot), secret: apiKey.slice(dot + 1) };
}
