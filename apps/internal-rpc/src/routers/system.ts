import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "../trpc.js";

export const systemRouter = router({
  /** Liveness for probes and the CLI's connection check; needs no token and reads the database. */
  health: publicProcedure
    .output(z.object({ status: z.literal("ok"), time: z.iso.datetime() }))
    .query(({ ctx }) => {
      // A primary-key lookup proves the database answers without the cost of counting tables.
      ctx.store.read((r) => r.getClient(1));
      return { status: "ok" as const, time: ctx.now().toISOString() };
    }),

  counts: protectedProcedure.query(({ ctx }) => ctx.store.read((r) => r.counts())),

  /** The ledger invariant: every position equals the sum of its movements, nothing negative. */
  check: protectedProcedure.query(({ ctx }) =>
    ctx.store.read((r) => {
      const violations = r.checkInvariants();
      return { ok: violations.length === 0, violations };
    }),
  ),
});
