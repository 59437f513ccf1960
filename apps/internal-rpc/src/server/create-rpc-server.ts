import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { StoragePort } from "@dropgate/core-domain";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { appRouter } from "../router.js";
import type { RpcContext } from "../trpc.js";
import { MAX_BATCH_SIZE, MAX_BODY_BYTES } from "./limits.js";

/** Path prefix of every procedure: `POST /trpc/clients.create`, batched as `/trpc/a,b?batch=1`. */
export const RPC_BASE_PATH = "/trpc";

export interface RpcServerOptions {
  readonly store: StoragePort;
  readonly now?: () => Date;
  readonly token: string;
  readonly host?: string;
  /** 0 picks a free port (tests). */
  readonly port?: number;
  /** Where unexpected failures are reported; expected (domain) failures are the caller's business. Default: stderr. */
  readonly logError?: (message: string, error: unknown) => void;
}

export interface RpcServer {
  /** Base URL for `httpBatchLink`, e.g. `http://127.0.0.1:8081/trpc`. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  close(): Promise<void>;
}

function bearerOf(header: string | undefined): string | null {
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Serves the router over HTTP (batching on) under `/trpc`, on 127.0.0.1 unless told otherwise. */
export async function createRpcServer(options: RpcServerOptions): Promise<RpcServer> {
  const { store, token } = options;
  const now = options.now ?? (() => new Date());
  const host = options.host ?? "127.0.0.1";
  const logError = options.logError ?? ((message: string, error: unknown) => console.error(message, error));
  const handler = createHTTPHandler({
    router: appRouter,
    basePath: `${RPC_BASE_PATH}/`,
    maxBodySize: MAX_BODY_BYTES,
    allowBatching: true,
    maxBatchSize: MAX_BATCH_SIZE,
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") logError(`internal RPC: ${path ?? "(no procedure)"} failed`, error.cause ?? error);
    },
    createContext: ({ req }): RpcContext => ({
      store,
      now,
      expectedToken: token,
      presentedToken: bearerOf(req.headers.authorization),
    }),
  });
  const server = createServer((req, res) => {
    // The adapter cuts the prefix without checking it; anything outside /trpc is not ours.
    if (!req.url?.startsWith(`${RPC_BASE_PATH}/`)) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found; procedures live under /trpc" }));
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8081, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${RPC_BASE_PATH}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
        // Procedures are short synchronous transactions; a keep-alive socket still open after a
        // second belongs to a client that is not going to send anything we must answer.
        setTimeout(() => server.closeAllConnections(), 1_000).unref();
      }),
  };
}
