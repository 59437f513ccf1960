import type { Command } from "commander";
import { connect, type RpcClient, resolveConnection } from "./connection.js";
import { ioOf } from "./io.js";
import { createOutput, type Output } from "./output.js";

/** Options every command inherits from `dropgate` itself. */
export interface GlobalOptions {
  readonly json?: boolean;
  readonly url?: string;
  readonly token?: string;
}

/** What a command action works with: the RPC client and the output. */
export interface Session {
  readonly rpc: RpcClient;
  readonly out: Output;
}

/** Builds the session of the command being run from its (global) options. */
export function sessionOf(command: Command): Session {
  const options = command.optsWithGlobals<GlobalOptions>();
  const io = ioOf(command);
  return { rpc: connect(resolveConnection(options, io.env)), out: createOutput(options.json === true, io) };
}
