import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { type ForwardOrder, ForwardOrderItem, type ForwardOrderLabel } from "../model/forward-order.js";
import { Id } from "../model/primitives.js";
import { ok, type Result } from "../result.js";
import { validateInput } from "../validation.js";
import { runInTransaction } from "./transaction.js";

/** An item as a sender gives it: optional fields absent (or null) keep what an earlier upsert stored. */
export const ForwardOrderItemInput = ForwardOrderItem.extend({
  trackingNumber: z.string().nullish(),
  reverseTrackingNumber: z.string().nullish(),
  dropshipIdentifier: z.string().nullish(),
  shippedDate: z.string().nullish(),
  returnPolicyEndDate: z.string().nullish(),
  labels: ForwardOrderItem.shape.labels.unwrap().nullish(),
});
export type ForwardOrderItemInput = z.input<typeof ForwardOrderItemInput>;

export const UpsertForwardOrdersInput = z.object({
  clientId: Id,
  orders: z
    .array(
      z.object({
        identifier: z.string().min(1),
        concept: z.string().nullish(),
        postalCode: z.string().nullish(),
        orderedAt: z.string().nullish(),
        items: z.array(ForwardOrderItemInput).min(1),
      }),
    )
    .min(1),
});
export type UpsertForwardOrdersInput = z.input<typeof UpsertForwardOrdersInput>;
type OrderInput = z.infer<typeof UpsertForwardOrdersInput>["orders"][number];
type ItemInput = z.infer<typeof ForwardOrderItemInput>;

/**
 * Creates or updates a retailer's forward orders, all in one transaction: updates change the
 * fields they carry and add items, never delete an order, an item or a label (Forward Orders
 * 1.0.0, "Create/Update"). A field an update leaves out keeps its stored value.
 */
export function upsertForwardOrders(ctx: UseCaseContext, input: UpsertForwardOrdersInput): Result<ForwardOrder[]> {
  const parsed = validateInput(UpsertForwardOrdersInput, input);
  if (!parsed.ok) return parsed;
  const { clientId, orders } = parsed.value;
  return runInTransaction(ctx, (tx, at) =>
    ok(
      orders.map((order) => {
        const stored = tx.getForwardOrder(clientId, order.identifier);
        return tx.upsertForwardOrder({ clientId, at, ...mergeForwardOrder(stored, order) });
      }),
    ),
  );
}

/** The order as it is after the update: given fields replace stored ones; items and labels are merged, never dropped. */
function mergeForwardOrder(stored: ForwardOrder | undefined, update: OrderInput) {
  const items = new Map((stored?.items ?? []).map((item) => [item.identifier, item]));
  for (const item of update.items) items.set(item.identifier, mergeItem(items.get(item.identifier), item));
  return {
    identifier: update.identifier,
    concept: update.concept ?? stored?.concept ?? null,
    postalCode: update.postalCode ?? stored?.postalCode ?? null,
    orderedAt: update.orderedAt ?? stored?.orderedAt ?? null,
    // Only the items this update names are written; the others stay as stored.
    items: update.items.map((item) => items.get(item.identifier) as ForwardOrderItem),
  };
}

function mergeItem(stored: ForwardOrderItem | undefined, update: ItemInput): ForwardOrderItem {
  return {
    identifier: update.identifier,
    upc: update.upc,
    sku: update.sku,
    quantity: update.quantity,
    trackingNumber: update.trackingNumber ?? stored?.trackingNumber ?? null,
    reverseTrackingNumber: update.reverseTrackingNumber ?? stored?.reverseTrackingNumber ?? null,
    dropshipIdentifier: update.dropshipIdentifier ?? stored?.dropshipIdentifier ?? null,
    shippedDate: update.shippedDate ?? stored?.shippedDate ?? null,
    returnPolicyEndDate: update.returnPolicyEndDate ?? stored?.returnPolicyEndDate ?? null,
    labels: mergeLabels(stored?.labels ?? [], update.labels ?? []),
  };
}

/** Labels are keyed by (type, name): a given one sets its value or is added; none is removed. */
function mergeLabels(stored: readonly ForwardOrderLabel[], update: readonly ForwardOrderLabel[]): ForwardOrderLabel[] {
  const merged = new Map(stored.map((label) => [`${label.type}\u0000${label.name}`, label]));
  for (const label of update) merged.set(`${label.type}\u0000${label.name}`, label);
  return [...merged.values()];
}
