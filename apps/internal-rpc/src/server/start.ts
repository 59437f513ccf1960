import { openStorage } from "@dropgate/storage";
import type { RpcConfig } from "./config.js";
import { createRpcServer, type RpcServer } from "./create-rpc-server.js";
import { resolveRpcToken } from "./token.js";

export interface RunningRpc {
  readonly server: RpcServer;
  readonly token: string;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

/**
 * Runs the internal RPC alone: opens (and migrates) the database file itself, resolves the
 * token, listens, and prints where it listens and, the first time, the token it generated.
 */
export async function startInternalRpc(config: RpcConfig, log: (line: string) => void = console.log): Promise<RunningRpc> {
  const storage = await openStorage({ path: config.dbPath, checkpoint: "background" });
  try {
    const token = resolveRpcToken({ token: config.token, dbPath: config.dbPath });
    const server = await createRpcServer({ store: storage, token: token.token, host: config.host, port: config.port });
    log(`internal RPC on ${server.url} (database ${config.dbPath})`);
    if (token.source === "generated") log(`generated an RPC token, saved in ${token.file} (mode 0600): ${token.token}`);
    if (token.source === "file") log(`RPC token from ${token.file}`);
    return {
      server,
      token: token.token,
      close: async () => {
        await server.close();
        storage.close();
      },
    };
  } catch (error) {
    storage.close();
    throw error;
  }
}
