import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/*
 * Paging cursors are signed so a client cannot forge one. Without a configured secret, a fresh
 * one per start would invalidate every cursor a client holds across a restart, so the secret
 * is generated once and kept beside the database it pages over.
 */

/** Path of the file that keeps the generated cursor secret for a database file. */
export function cursorSecretPath(dbPath: string): string {
  return `${dbPath}.cursor-secret`;
}

/** The configured secret, else the one kept next to the database (created on first use). */
export function resolveCursorSecret(configured: string | undefined, dbPath: string): string {
  if (configured !== undefined) return configured;
  if (dbPath === ":memory:") return randomBytes(32).toString("base64url");
  const file = cursorSecretPath(dbPath);
  try {
    const kept = readFileSync(file, "utf8").trim();
    if (kept.length >= 16) return kept;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  // `wx` so two processes starting together cannot overwrite each other's secret.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}
