import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "../../src/index.js";

/** The TRPCClientError a call rejects with; fails the test when it resolves. */
export async function rejection(call: Promise<unknown>): Promise<TRPCClientError<AppRouter>> {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error as TRPCClientError<AppRouter>;
    throw error;
  }
  throw new Error("expected the call to be refused");
}
