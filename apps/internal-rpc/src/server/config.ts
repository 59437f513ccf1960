import { z } from "zod";

/** Environment of the internal RPC when it runs alone; names are the documented variables. */
export const RpcEnv = z.object({
  DROPGATE_DB_PATH: z.string().min(1).default("./data/dropgate.sqlite"),
  DROPGATE_RPC_HOST: z.string().min(1).default("127.0.0.1"),
  DROPGATE_RPC_PORT: z.coerce.number().int().min(0).max(65_535).default(8081),
  DROPGATE_RPC_TOKEN: z.string().min(16, "DROPGATE_RPC_TOKEN must be at least 16 characters").optional(),
});

/** Settings of `startInternalRpc`. */
export const RpcConfig = z.object({
  dbPath: z.string().min(1),
  host: z.string().min(1),
  port: z.int().min(0).max(65_535),
  /** The bearer token; when absent one is read from, or generated into, `<db dir>/rpc-token`. */
  token: z.string().min(16).optional(),
});
export type RpcConfig = z.infer<typeof RpcConfig>;

/** An environment variable holds a value the internal RPC cannot use. */
export class RpcConfigError extends Error {
  override readonly name = "RpcConfigError";
}

/** Reads the RPC configuration from environment variables; throws an RpcConfigError naming the bad one. */
export function loadRpcConfig(env: Readonly<Record<string, string | undefined>> = process.env): RpcConfig {
  // An empty variable means "not set", as shells and .env files often leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const result = RpcEnv.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RpcConfigError(`${issue?.path.join(".") ?? "environment"}: ${issue?.message ?? "invalid value"}`);
  }
  const parsed = result.data;
  return {
    dbPath: parsed.DROPGATE_DB_PATH,
    host: parsed.DROPGATE_RPC_HOST,
    port: parsed.DROPGATE_RPC_PORT,
    ...(parsed.DROPGATE_RPC_TOKEN === undefined ? {} : { token: parsed.DROPGATE_RPC_TOKEN }),
  };
}
