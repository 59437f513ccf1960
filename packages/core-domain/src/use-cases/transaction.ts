import type { UseCaseContext } from "../context.js";
import type { StorageTx } from "../port.js";
import { type Result, RollbackSignal } from "../result.js";

/**
 * Runs a use case body in one storage transaction. A failure value rolls back every write the
 * body made before it, so a use case never leaves a half-written change behind.
 */
export function runInTransaction<T>(ctx: UseCaseContext, body: (tx: StorageTx, at: string) => Result<T>): Result<T> {
  const at = ctx.now().toISOString();
  try {
    return ctx.store.transaction((tx) => {
      const result = body(tx, at);
      if (!result.ok) throw new RollbackSignal(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RollbackSignal) return error.failure;
    throw error;
  }
}

/**
 * Inside a use case's transaction, one part of a per-record batch as a unit of its own: a failure
 * rolls back that part's writes only (a nested transaction), so a refused record leaves no trace
 * while the others of the batch go on.
 */
export function runPart<T>(ctx: UseCaseContext, body: (tx: StorageTx) => Result<T>): Result<T> {
  return runInTransaction(ctx, (tx) => body(tx));
}
