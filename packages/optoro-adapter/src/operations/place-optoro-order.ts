import { type UseCaseContext, placeOrder } from "@dropgate/core-domain";
import type { z } from "zod";
import { describeOrderIssues, orderIssueWording } from "../errors/order-issues.js";
import { type OrderAnswer, orderNotCreated, toOrderAnswer } from "../mapping/order-answer.js";
import { toPlaceOrderInput } from "../mapping/order-request.js";
import { type OrderRequest, TOO_MANY_ITEMS_REASON } from "../wire/order-request.js";

export { TOO_MANY_ITEMS_REASON } from "../wire/order-request.js";

function notCreated(reason: string): OrderAnswer {
  return { status: 422, body: orderNotCreated(reason) };
}

/**
 * Optoro's reason for an order that does not fit order-2: its own text for too many items, else
 * `Validation failed: <field> <problem>, …`. `root` prefixes the issues' paths (`orders.3`).
 */
export function invalidOrderReason(root: string, issues: readonly z.core.$ZodIssue[]): string {
  // Only an order's own item list ends in `order_items`, wherever the order sits in the body.
  const tooMany = issues.some(
    (issue) => issue.code === "too_big" && issue.origin === "array" && issue.path[issue.path.length - 1] === "order_items",
  );
  return tooMany ? TOO_MANY_ITEMS_REASON : describeOrderIssues(issues, orderIssueWording(root));
}

/** Places a validated order-2 of a buyer through the spine's `placeOrder`; answers Optoro's 201 / 200 / 422. */
export function placeOptoroOrder(ctx: UseCaseContext, clientId: number, order: OrderRequest): OrderAnswer {
  const placed = placeOrder(ctx, toPlaceOrderInput(clientId, order));
  if (!placed.ok) return notCreated(`Validation failed: ${placed.error.message}`);
  return toOrderAnswer(placed.value);
}

/**
 * A batch entry that does not fit order-2, as the batch body schema hands it on (its `.catch`):
 * the entry as sent and the issues found when the body was parsed, so that the handler answers
 * it without parsing it a second time.
 */
export class UnfitOrder {
  constructor(
    readonly raw: unknown,
    readonly issues: readonly z.core.$ZodIssue[],
  ) {}
}

/**
 * Places one batch entry, parsed once by the body schema: an order-2 is placed, an unfit entry
 * answered 422 with its issues; `root` names the order in messages (`orders.3`).
 */
export function placeBatchEntry(ctx: UseCaseContext, clientId: number, entry: OrderRequest | UnfitOrder, root: string): OrderAnswer {
  if (entry instanceof UnfitOrder) return notCreated(invalidOrderReason(root, entry.issues));
  return placeOptoroOrder(ctx, clientId, entry);
}

export { rawClientIdentifier } from "../mapping/order-answer.js";
