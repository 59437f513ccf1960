import { unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";
import { demoWorld } from "../world/demo-world.js";
import { WorldLoadReport } from "../world/load-report.js";
import { loadWorld } from "../world/load-world.js";
import { WorldFile } from "../world/world-file.js";

export const worldRouter = router({
  /** Loads a world file; answers the credentials it issued, keyed by client name. */
  load: protectedProcedure
    .input(WorldFile)
    .output(WorldLoadReport)
    .mutation(({ ctx, input }) => unwrap(loadWorld(ctx, input))),

  /** Loads the built-in demo world (idempotent). */
  demo: protectedProcedure.output(WorldLoadReport).mutation(({ ctx }) => unwrap(loadWorld(ctx, WorldFile.parse(demoWorld)))),
});
