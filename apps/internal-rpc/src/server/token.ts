import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Where the generated token lives: next to the database file, readable by its owner only. */
export function tokenFilePath(dbPath: string): string {
  return join(dirname(resolve(dbPath)), "rpc-token");
}

export interface ResolvedToken {
  readonly token: string;
  readonly source: "env" | "file" | "generated";
  /** The token file, when the token came from or went into one. */
  readonly file: string | null;
}

/**
 * The RPC bearer token: the configured one, else the one saved next to the database, else a new
 * random one saved there (mode 0600) so the CLI on the same machine finds it.
 */
export function resolveRpcToken(options: { token?: string | undefined; dbPath: string }): ResolvedToken {
  if (options.token !== undefined) return { token: options.token, source: "env", file: null };
  const file = tokenFilePath(options.dbPath);
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length > 0) return { token: saved, source: "file", file };
  }
  const token = randomBytes(32).toString("base64url");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  // writeFile's mode only applies when it creates the file; an empty leftover keeps its own.
  chmodSync(file, 0o600);
  return { token, source: "generated", file };
}
