import { timingSafeEqual, createHash } from "node:crypto";
import type { UseCaseContext } from "@dropgate/core-domain";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import { DomainFailure } from "./domain-failure.js";
import { BATCH_TOO_LARGE_MESSAGE, MAX_BATCH_SIZE } from "./server/limits.js";

/** What every procedure sees: the use-case context plus the caller's credentials. */
export interface RpcContext extends UseCaseContext {
  /** The bearer token the caller presented, if any. */
  readonly presentedToken: string | null;
  /** The token this server accepts. */
  readonly expectedToken: string;
}

/** Input errors flattened to messages per field; keyed by any field name, as inputs differ per procedure. */
export type FieldErrors = z.core.$ZodFlattenedError<Record<string, unknown>>;

const t = initTRPC.context<RpcContext>().create({
  errorFormatter({ shape, error }) {
    const domain = error.cause instanceof DomainFailure ? error.cause.error : null;
    // Only input errors carry field messages; a failed output check is our bug, not the caller's.
    const zodError: FieldErrors | null =
      error.code === "BAD_REQUEST" && error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const message =
      error.code === "BAD_REQUEST" && error.message === BATCH_TOO_LARGE_MESSAGE
        ? `a batch may hold at most ${MAX_BATCH_SIZE} calls; split it into several requests`
        : shape.message;
    return {
      ...shape,
      message,
      data: {
        ...shape.data,
        domainCode: domain?.code ?? null,
        field: domain?.field ?? null,
        details: domain?.details ?? null,
        zodError,
      },
    };
  },
});

export const router = t.router;

/**
 * Storage commits in groups: a procedure's writes, and any uncommitted write it read, are durable
 * only once the commit holding them returned. Every answer waits for it; a failed commit turns
 * the answer into an INTERNAL_SERVER_ERROR, and none of that commit's writes stayed.
 */
const durableAnswers = t.middleware(async ({ ctx, next }) => {
  const mark = ctx.store.commitMark();
  const result = await next();
  await ctx.store.durable(mark);
  return result;
});

/** Procedures anyone may call; their answers wait for durability like every other. */
export const publicProcedure = t.procedure.use(durableAnswers);

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** True when `presented` equals `expected`; hashing first gives equal lengths for a constant-time compare. */
export function tokenMatches(presented: string | null, expected: string): boolean {
  if (presented === null) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

/** Procedures that need the service's bearer token. */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!tokenMatches(ctx.presentedToken, ctx.expectedToken)) {
    throw new TRPCError({ code: "UNAUTHORIZED", message: "a valid bearer token is required" });
  }
  return next();
});
