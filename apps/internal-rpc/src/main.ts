#!/usr/bin/env node
import { RpcConfigError, loadRpcConfig } from "./server/config.js";
import { type RunningRpc, startInternalRpc } from "./server/start.js";

/*
 * `node apps/internal-rpc/dist/main.js`: the internal RPC on its own, against the database file
 * named by DROPGATE_DB_PATH (which the gateway may be using at the same time).
 */
let running: RunningRpc;
try {
  running = await startInternalRpc(loadRpcConfig(process.env));
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  if (error instanceof RpcConfigError) console.error(`dropgate internal RPC: ${error.message}`);
  else if (code === "EADDRINUSE" || code === "EACCES") {
    console.error(`dropgate internal RPC: cannot listen (${code}); set DROPGATE_RPC_HOST / DROPGATE_RPC_PORT`);
  } else console.error(error);
  process.exit(1);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
