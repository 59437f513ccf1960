import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { type AppRouter, createRpcServer, type RpcServer } from "../../src/index.js";

export const TEST_TOKEN = "test-token-0123456789abcdef";

export interface Harness {
  readonly storage: TestStorage;
  readonly server: RpcServer;
  /** A client presenting the right token. */
  readonly rpc: TRPCClient<AppRouter>;
  /** A client presenting `token` (or none). */
  clientWith(token: string | null): TRPCClient<AppRouter>;
  close(): Promise<void>;
}

/** A real RPC server on 127.0.0.1:0 over a fresh SQLite file, with real tRPC clients. */
export async function startHarness(): Promise<Harness> {
  const storage = await createTestStorage();
  const server = await createRpcServer({ store: storage, token: TEST_TOKEN, host: "127.0.0.1", port: 0 });
  const clientWith = (token: string | null) =>
    createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: server.url, headers: () => (token === null ? {} : { authorization: `Bearer ${token}` }) })],
    });
  return {
    storage,
    server,
    rpc: clientWith(TEST_TOKEN),
    clientWith,
    close: async () => {
      await server.close();
      storage.cleanup();
    },
  };
}
