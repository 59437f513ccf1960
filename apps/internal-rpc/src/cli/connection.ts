import { existsSync, readFileSync } from "node:fs";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import type { AppRouter } from "../router.js";
import { MAX_BATCH_SIZE } from "../server/limits.js";
import { tokenFilePath } from "../server/token.js";

export const DEFAULT_RPC_URL = "http://127.0.0.1:8081/trpc";
const DEFAULT_DB_PATH = "./data/dropgate.sqlite";

export type RpcClient = TRPCClient<AppRouter>;

export interface Connection {
  readonly url: string;
  readonly token: string | null;
}

/**
 * Where to connect and with which token: flags first, then DROPGATE_RPC_URL / DROPGATE_RPC_TOKEN,
 * then the token file the server writes next to its database (`DROPGATE_DB_PATH`).
 */
export function resolveConnection(
  flags: { readonly url?: string | undefined; readonly token?: string | undefined },
  env: Readonly<Record<string, string | undefined>> = process.env,
): Connection {
  const url = flags.url ?? (env.DROPGATE_RPC_URL || DEFAULT_RPC_URL);
  const token = flags.token ?? (env.DROPGATE_RPC_TOKEN || readTokenFile(env.DROPGATE_DB_PATH || DEFAULT_DB_PATH));
  return { url, token };
}

function readTokenFile(dbPath: string): string | null {
  const file = tokenFilePath(dbPath);
  if (!existsSync(file)) return null;
  return readFileSync(file, "utf8").trim() || null;
}

/** A typed client of the internal RPC, batching calls made in the same tick. */
export function connect(connection: Connection): RpcClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: connection.url,
        maxItems: MAX_BATCH_SIZE,
        headers: () => (connection.token === null ? {} : { authorization: `Bearer ${connection.token}` }),
      }),
    ],
  });
}
