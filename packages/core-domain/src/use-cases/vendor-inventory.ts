import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Channel, Quantity } from "../model/primitives.js";
import type { DomainError } from "../result.js";
import { err, ok, type Result } from "../result.js";
import { adviseInventoryIn } from "./stock.js";
import { runInTransaction } from "./transaction.js";

/** Most advice records one call may carry (RetailOps refuses larger uploads; OWD chunks by 1000). */
export const MAX_ADVICE_RECORDS = 1000;

export const AdviseInventoryBatchInput = z.object({
  vendorId: z.string().min(1),
  channel: Channel.optional(),
  records: z.array(z.object({ vpc: z.string().min(1), quantity: Quantity })).max(MAX_ADVICE_RECORDS),
});
export type AdviseInventoryBatchInput = z.input<typeof AdviseInventoryBatchInput>;

/** What became of one advice record. */
export type AdviceOutcome =
  | { readonly ok: true; readonly sku: string; readonly onHand: number; readonly available: number; readonly clampedFrom: number | null }
  | { readonly ok: false; readonly error: DomainError };

/**
 * A vendor's inventory advice for many vpcs in one transaction (RetailOps
 * Product.ExternalSku.Update~2). A record that fails (unknown vpc) is reported in its place and
 * does not block the others; nothing of it is written.
 */
export function adviseInventoryBatch(ctx: UseCaseContext, input: AdviseInventoryBatchInput): Result<AdviceOutcome[]> {
  if (input.records.length > MAX_ADVICE_RECORDS) {
    return err("VALIDATION", `At most ${MAX_ADVICE_RECORDS} records per call; ${input.records.length} were sent`, { field: "records" });
  }
  return runInTransaction(ctx, (tx, at) =>
    ok(
      input.records.map((record): AdviceOutcome => {
        const advised = adviseInventoryIn(
          tx,
          { vendorId: input.vendorId, vpc: record.vpc, quantity: record.quantity, ...(input.channel ? { channel: input.channel } : {}) },
          at,
        );
        if (!advised.ok) return { ok: false, error: advised.error };
        const { position, clampedFrom } = advised.value;
        return {
          ok: true,
          sku: position.sku,
          onHand: position.onHand,
          available: position.onHand - position.allocated - position.reserved,
          clampedFrom,
        };
      }),
    ),
  );
}
