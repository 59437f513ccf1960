import type { UseCaseContext } from "../context.js";
import { Product, type ProductInput } from "../model/product.js";
import { err, ok, type Result } from "../result.js";
import { type SetStockInput, setStockIn, upsertProductIn } from "./stock.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

/** Imports a batch of products in one transaction; one bad row rejects the batch naming it. */
export function importProducts(ctx: UseCaseContext, rows: readonly ProductInput[]): Result<{ count: number }> {
  return runInTransaction(ctx, (tx, at) => {
    for (const [index, row] of rows.entries()) {
      const valid = validateInput(Product, row, String(index));
      if (!valid.ok) return valid;
      const saved = upsertProductIn(tx, valid.value, at);
      if (!saved.ok) return err(saved.error.code, `Row ${index}: ${saved.error.message}`, { field: `${index}.${saved.error.field ?? ""}` });
    }
    return ok({ count: rows.length });
  });
}

/** Sets the stock of a batch of positions in one transaction; one bad row rejects the batch. */
export function setStockBatch(ctx: UseCaseContext, rows: readonly SetStockInput[]): Result<{ count: number }> {
  return runInTransaction(ctx, (tx, at) => {
    for (const [index, row] of rows.entries()) {
      const saved = setStockIn(tx, row, at);
      if (!saved.ok) return err(saved.error.code, `Row ${index}: ${saved.error.message}`, { field: `${index}.${saved.error.field ?? ""}` });
    }
    return ok({ count: rows.length });
  });
}
