import { setImmediate } from "node:timers/promises";
import type { InvariantCheck, InvariantViolation } from "@dropgate/core-domain";
import { z } from "zod";
import { protectedProcedure, publicProcedure, router } from "../trpc.js";

/** Positions per window of the invariant check: about a millisecond of work between yields. */
export const CHECK_WINDOW = 1_000;

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

  /**
   * The ledger invariant: every position equals the sum of its movements, nothing negative.
   * Checked in windows of CHECK_WINDOW positions with a turn of the event loop between them, so
   * that the gateway and other calls sharing this process keep answering during a long check.
   * Each window is one read snapshot; a position and its movements always change in the same
   * transaction, so every position is checked against a ledger of the same moment.
   */
  check: protectedProcedure.query(async ({ ctx }) => {
    const violations: InvariantViolation[] = [];
    for (let afterPositionId: number | null = 0; afterPositionId !== null; ) {
      const window: InvariantCheck = ctx.store.read((r) => r.checkInvariantWindow({ afterPositionId: afterPositionId ?? 0, limit: CHECK_WINDOW }));
      violations.push(...window.violations);
      afterPositionId = window.nextAfterPositionId;
      if (afterPositionId !== null) await setImmediate();
    }
    return { ok: violations.length === 0, violations };
  }),
});
