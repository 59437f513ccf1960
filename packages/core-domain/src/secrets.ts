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
