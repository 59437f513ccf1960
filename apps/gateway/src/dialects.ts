import type { GatewayDialect } from "./mount/dialect-runtime.js";
import { createGhostDialect } from "@dropgate/ghost-adapter";
import { createOptoroDialects } from "@dropgate/optoro-adapter";
import { createRetailOpsDialect } from "@dropgate/retailops-adapter";

/** What building the dialects needs from the configuration. */
export interface DialectOptions {
  readonly cursorSecret: string;
  readonly oauthTokenTtlSeconds?: number;
}

/** Every dialect the gateway mounts, in the order ARCHITECTURE.md lists their prefixes. */
export function createDialects(options: DialectOptions): GatewayDialect[] {
  return [
    ...createOptoroDialects({
      cursorSecret: options.cursorSecret,
      ...(options.oauthTokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.oauthTokenTtlSeconds }),
    }),
    createRetailOpsDialect(),
    createGhostDialect(),
  ];
}
