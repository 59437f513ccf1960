import {
  AdjustStockInput,
  adjustStock,
  BuyerCap,
  BuyerCapMovement,
  clearBuyerCaps,
  Channel,
  Id,
  LedgerMovement,
  ListingCondition,
  SetStockInput,
  Sku,
  StockPosition,
  setStock,
  setStockBatch,
  Timestamp,
} from "@dropgate/core-domain";
import { z } from "zod";
import { BatchOutcome, batchOf } from "../bulk.js";
import { ClientRef, resolveClient } from "../client-ref.js";
import { found, unwrap } from "../domain-failure.js";
import { PageInput, pageOf } from "../paging.js";
import { protectedProcedure, router } from "../trpc.js";

export const stockRouter = router({
  positions: protectedProcedure
    .input(
      PageInput.extend({
        sku: Sku.optional(),
        condition: ListingCondition.optional(),
        channel: Channel.optional(),
        vendorId: z.string().min(1).optional(),
        updatedSince: Timestamp.optional(),
      }).default({ limit: 50 }),
    )
    .output(pageOf(StockPosition))
    .query(({ ctx, input }) => ctx.store.read((r) => r.listPositions(input))),

  position: protectedProcedure
    .input(z.object({ id: Id }))
    .output(StockPosition)
    .query(({ ctx, input }) => ctx.store.read((r) => found(r.getPositionById(input.id), `stock position ${input.id}`))),

  /** Sets the absolute on-hand quantity of a position (created when missing). */
  set: protectedProcedure
    .input(SetStockInput)
    .output(StockPosition)
    .mutation(({ ctx, input }) => unwrap(setStock(ctx, input))),

  adjust: protectedProcedure
    .input(AdjustStockInput)
    .output(StockPosition)
    .mutation(({ ctx, input }) => unwrap(adjustStock(ctx, input))),

  /** The append-only movements of one position, oldest first. */
  ledger: protectedProcedure
    .input(PageInput.extend({ positionId: Id }))
    .output(pageOf(LedgerMovement))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => {
        found(r.getPositionById(input.positionId), `stock position ${input.positionId}`);
        return r.listMovements(input.positionId, { afterId: input.afterId, limit: input.limit });
      }),
    ),

  /** Buyers' give-backs: caps on what one buyer sees and may order of a shared position. */
  caps: protectedProcedure
    .input(z.object({ client: ClientRef.optional(), positionId: Id.optional() }).default({}))
    .output(z.array(BuyerCap).readonly())
    .query(({ ctx, input }) =>
      ctx.store.read((r) =>
        r.listBuyerCaps({
          ...(input.client === undefined ? {} : { clientId: resolveClient(r, input.client).id }),
          ...(input.positionId === undefined ? {} : { positionIds: [input.positionId] }),
        }),
      ),
    ),

  /** The audited changes of one buyer's caps, oldest first. */
  capMovements: protectedProcedure
    .input(z.object({ client: ClientRef, positionId: Id.optional() }))
    .output(z.array(BuyerCapMovement).readonly())
    .query(({ ctx, input }) => ctx.store.read((r) => r.listBuyerCapMovements(resolveClient(r, input.client).id, input.positionId))),

  /** Lifts a buyer's cap on one position, or all of its caps: it sees the whole available quantity again. */
  clearCaps: protectedProcedure
    .input(z.object({ client: ClientRef, positionId: Id.optional(), reason: z.string().max(256).optional() }))
    .output(z.object({ cleared: z.array(BuyerCap).readonly() }))
    .mutation(({ ctx, input }) => {
      const client = ctx.store.read((r) => resolveClient(r, input.client));
      return unwrap(
        clearBuyerCaps(ctx, {
          clientId: client.id,
          ...(input.positionId === undefined ? {} : { positionId: input.positionId }),
          ...(input.reason === undefined ? {} : { reason: input.reason }),
        }),
      );
    }),

  /** One batch of a bulk stock import, written in one transaction. */
  importBatch: protectedProcedure
    .input(batchOf(SetStockInput))
    .output(BatchOutcome)
    .mutation(({ ctx, input }) => unwrap(setStockBatch(ctx, input.rows))),
});
