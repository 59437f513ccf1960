import { ShipClass, upsertShipClass } from "@dropgate/core-domain";
import { z } from "zod";
import { unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

/** Carrier service classes vendors pick per package (RetailOps ship_class_id). */
export const shipClassesRouter = router({
  list: protectedProcedure.output(z.array(ShipClass).readonly()).query(({ ctx }) => ctx.store.read((r) => r.listShipClasses())),
  upsert: protectedProcedure
    .input(ShipClass)
    .output(ShipClass)
    .mutation(({ ctx, input }) => unwrap(upsertShipClass(ctx, input))),
});
