import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { ForwardOrderItem, type ForwardOrder } from "../model/forward-order.js";
import { Id } from "../model/primitives.js";
import { ok, type Result } from "../result.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

export const UpsertForwardOrdersInput = z.object({
  clientId: Id,
  orders: z
    .array(
      z.object({
        identifier: z.string().min(1),
        concept: z.string().nullish(),
        postalCode: z.string().nullish(),
        orderedAt: z.string().nullish(),
        items: z.array(ForwardOrderItem).min(1),
      }),
    )
    .min(1),
});
export type UpsertForwardOrdersInput = z.input<typeof UpsertForwardOrdersInput>;

/** Creates or updates a retailer's forward orders: items change or are added, never deleted. */
export function upsertForwardOrders(ctx: UseCaseContext, input: UpsertForwardOrdersInput): Result<ForwardOrder[]> {
  const parsed = validateInput(UpsertForwardOrdersInput, input);
  if (!parsed.ok) return parsed;
  return runInTransaction(ctx, (tx, at) =>
    ok(
      parsed.value.orders.map((order) =>
        tx.upsertForwardOrder({
          clientId: parsed.value.clientId,
          identifier: order.identifier,
          concept: order.concept ?? null,
          postalCode: order.postalCode ?? null,
          orderedAt: order.orderedAt ?? null,
          items: order.items,
          at,
        }),
      ),
    ),
  );
}
