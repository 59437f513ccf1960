import { importProducts, Product, Sku, StockPosition, upsertProduct } from "@dropgate/core-domain";
import { z } from "zod";
import { BatchOutcome, batchOf } from "../bulk.js";
import { found, unwrap } from "../domain-failure.js";
import { protectedProcedure, router } from "../trpc.js";

export const productsRouter = router({
  /** A product with its stock positions in every condition and channel. */
  get: protectedProcedure
    .input(z.object({ sku: Sku }))
    .output(z.object({ product: Product, positions: z.array(StockPosition).readonly() }))
    .query(({ ctx, input }) =>
      ctx.store.read((r) => ({
        product: found(r.getProduct(input.sku), `product ${input.sku}`),
        positions: r.findPositionsBySku(input.sku),
      })),
    ),

  upsert: protectedProcedure
    .input(Product)
    .output(Product)
    .mutation(({ ctx, input }) => unwrap(upsertProduct(ctx, input))),

  /** One batch of a bulk import, written in one transaction. */
  importBatch: protectedProcedure
    .input(batchOf(Product))
    .output(BatchOutcome)
    .mutation(({ ctx, input }) => unwrap(importProducts(ctx, input.rows))),
});
