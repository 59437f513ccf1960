import type { DialectDefinition, UseCaseContext } from "@dropgate/core-domain";
import { createOptoroDialects } from "@dropgate/optoro-adapter";

/** What building the dialects needs from the configuration. */
export interface DialectOptions {
  readonly cursorSecret: string;
  readonly oauthTokenTtlSeconds?: number;
}

/** Every dialect the gateway mounts, in the order ARCHITECTURE.md lists their prefixes. */
export function createDialects(options: DialectOptions): DialectDefinition<UseCaseContext>[] {
  return [
    ...createOptoroDialects({
      cursorSecret: options.cursorSecret,
      ...(options.oauthTokenTtlSeconds === undefined ? {} : { tokenTtlSeconds: options.oauthTokenTtlSeconds }),
    }),
  ];
}
