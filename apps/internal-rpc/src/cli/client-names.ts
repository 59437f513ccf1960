import type { RpcClient } from "./connection.js";
import type { Output } from "./output.js";

/** How a table names a client: by its name, or by id when the name is not known. */
export type ClientName = (clientId: number) => string | number;

/**
 * People filter by client name, so tables answer with names too. Only human output needs them:
 * in `--json` mode nothing extra is asked and the server's ids are printed unchanged.
 */
export async function clientNames(rpc: RpcClient, out: Output): Promise<ClientName> {
  if (out.json) return (id) => id;
  const byId = new Map((await rpc.clients.list.query({})).map((c) => [c.id, c.name]));
  return (id) => byId.get(id) ?? id;
}
