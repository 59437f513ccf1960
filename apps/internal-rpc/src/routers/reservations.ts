import { Id, Reservation, ReserveInput, releaseReservations, reserve } from "@dropgate/core-domain";
import { z } from "zod";
import { ClientRef, resolveClient } from "../client-ref.js";
import { unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

const ReservationModel = z.object({ positionId: z.int(), locked: z.int(), available: z.int() });

export const reservationsRouter = router({
  /** What one buyer has locked, position by position. */
  list: protectedProcedure
    .input(z.object({ client: ClientRef }))
    .output(z.array(Reservation).readonly())
    .query(({ ctx, input }) => ctx.store.read((r) => r.listReservations(resolveClient(r, input.client).id))),

  /** Locks, unlocks or sets quantities for a buyer; each grants min(requested, available). */
  reserve: protectedProcedure
    .input(ReserveInput.omit({ clientId: true }).extend({ client: ClientRef }))
    .output(z.object({ models: z.array(ReservationModel) }))
    .mutation(({ ctx, input }) => {
      const client = ctx.store.read((r) => resolveClient(r, input.client));
      return unwrap(reserve(ctx, { clientId: client.id, operations: input.operations }));
    }),

  /** The operator gives a buyer's locked stock back: one position, or all of them. */
  release: protectedProcedure
    .input(z.object({ client: ClientRef, positionId: Id.optional() }))
    .output(z.object({ released: z.array(ReservationModel) }))
    .mutation(({ ctx, input }) => {
      const client = ctx.store.read((r) => resolveClient(r, input.client));
      return unwrap(releaseReservations(ctx, { clientId: client.id, ...(input.positionId === undefined ? {} : { positionId: input.positionId }) }));
    }),
});
