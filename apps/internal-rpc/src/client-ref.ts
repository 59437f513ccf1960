import { type Client, Id, type StorageReader } from "@dropgate/core-domain";
import { z } from "zod";
import { found } from "./domain-failure.js";

/** A client named by id or by name; people type names, scripts keep ids. */
export const ClientRef = z.union([Id, z.string().min(1).max(128)]);
export type ClientRef = z.infer<typeof ClientRef>;

/** Looks a client up by id or name; NOT_FOUND when there is none. */
export function resolveClient(reader: StorageReader, ref: ClientRef): Client {
  const client = typeof ref === "number" ? reader.getClient(ref) : reader.getClientByName(ref);
  return found(client, `client ${ref}`);
}
