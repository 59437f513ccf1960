import { CreateUnitInput, createUnit, DispositionEvent, MoveUnitInput, moveUnit, Unit } from "@dropgate/core-domain";
import { z } from "zod";
import { found, unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

const LicensePlate = Unit.shape.lp;

export const unitsRouter = router({
  get: protectedProcedure
    .input(z.object({ lp: LicensePlate }))
    .output(Unit)
    .query(({ ctx, input }) => ctx.store.read((r) => found(r.getUnit(input.lp), `unit ${input.lp}`))),

  /** Receives a unit; in a listing condition it adds one to its position's on-hand. */
  create: protectedProcedure
    .input(CreateUnitInput)
    .output(Unit)
    .mutation(({ ctx, input }) => unwrap(createUnit(ctx, input))),

  /** Moves a unit's disposition, condition, sku or location; emits a disposition event. */
  move: protectedProcedure
    .input(MoveUnitInput)
    .output(z.object({ unit: Unit, event: DispositionEvent }))
    .mutation(({ ctx, input }) => unwrap(moveUnit(ctx, input))),

  /** The unit with every disposition event it went through. */
  history: protectedProcedure
    .input(z.object({ lp: LicensePlate }))
    .output(z.object({ unit: Unit, events: z.array(DispositionEvent).readonly() }))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => ({
        unit: found(r.getUnit(input.lp), `unit ${input.lp}`),
        events: r.listDispositionEvents(input.lp),
      })),
    ),
});
