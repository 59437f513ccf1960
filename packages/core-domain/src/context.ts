import type { StoragePort } from "./port.js";

/** What every use case needs: the storage port and a clock (injected so tests control time). */
export interface UseCaseContext {
  readonly store: StoragePort;
  readonly now: () => Date;
}

/** The context's current time as a UTC ISO 8601 string. */
export function nowIso(ctx: Pick<UseCaseContext, "now">): string {
  return ctx.now().toISOString();
}
