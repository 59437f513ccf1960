import { Carrier, upsertCarrier } from "@dropgate/core-domain";
import { z } from "zod";
import { unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

/** Carriers a buyer may choose for an order (Rewix carrierId), with their flat cost. */
export const carriersRouter = router({
  list: protectedProcedure.output(z.array(Carrier).readonly()).query(({ ctx }) => ctx.store.read((r) => r.listCarriers())),
  upsert: protectedProcedure
    .input(Carrier)
    .output(Carrier)
    .mutation(({ ctx, input }) => unwrap(upsertCarrier(ctx, input))),
});
