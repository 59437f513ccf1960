import type { Order, PlaceOrderOutcome, Shortage } from "@dropgate/core-domain";
import type { BatchOrderResult, OrderAcceptedBody, OrderNotCreatedBody, OrderRejectedBody, ShortOrderItem } from "../wire/order-answers.js";
import { MAX_ITEMS_PER_ORDER, TOO_MANY_ITEMS_REASON } from "../wire/order-request.js";
import { omitNull } from "./omit-null.js";
import { insufficientQuantityReason } from "./shortage-reason.js";

/*
 * How Optoro answers an order (optoro.md §2.6): 201 accepted / pending_payment, 200 rejected
 * with only the short lines, 422 "Order not created" for a duplicate client identifier.
 */

/** The 422 body for an order that was not created. */
export function orderNotCreated(reason: string): OrderNotCreatedBody {
  return { message: "Order not created", reason };
}

/** Optoro's duplicate wording, naming the existing order's status. */
export function duplicateReason(existing: Order): string {
  return `Order with identifier ${existing.clientIdentifier} already exists. Order is in status '${existing.status}'`;
}

function toShortOrderItem(shortage: Shortage): ShortOrderItem {
  return omitNull({
    client_identifier: shortage.itemClientIdentifier,
    sku: shortage.sku,
    condition: shortage.condition,
    quantity: shortage.requested,
    available_quantity: shortage.available,
  });
}

/** An answer of POST /orders: status and body. */
export type OrderAnswer =
  | { readonly status: 201; readonly body: OrderAcceptedBody }
  | { readonly status: 200; readonly body: OrderRejectedBody }
  | { readonly status: 422; readonly body: OrderNotCreatedBody };

/** Maps the spine's outcome to Optoro's answer. */
export function toOrderAnswer(outcome: PlaceOrderOutcome): OrderAnswer {
  switch (outcome.kind) {
    case "accepted":
      return {
        status: 201,
        body: { message: outcome.order.status === "pending_payment" ? "pending_payment" : "accepted", reason: "Order accepted" },
      };
    case "rejected": {
      const shortages = outcome.shortages;
      if (shortages.length === 0) {
        return { status: 200, body: { message: "rejected", reason: outcome.order.rejectReason ?? "Order rejected" } };
      }
      return {
        status: 200,
        body: {
          message: "rejected",
          reason: insufficientQuantityReason(shortages),
          order: { client_identifier: outcome.order.clientIdentifier, order_items: shortages.map(toShortOrderItem) },
        },
      };
    }
    case "duplicate":
      return { status: 422, body: orderNotCreated(duplicateReason(outcome.order)) };
  }
}

/**
 * One order's entry in a batch answer. A stored order is `created` (message null when accepted,
 * the rejection text when rejected, so the buyer need not poll for it); anything not stored is
 * `invalid` with the reason.
 */
export function toBatchResult(clientIdentifier: string | undefined, answer: OrderAnswer): BatchOrderResult {
  const base = clientIdentifier === undefined ? {} : { client_identifier: clientIdentifier };
  switch (answer.status) {
    case 201:
      return { ...base, status: "created", message: null };
    case 200:
      return { ...base, status: "created", message: `rejected: ${answer.body.reason}` };
    case 422:
      return { ...base, status: "invalid", message: answer.body.reason.endsWith(".") ? answer.body.reason : `${answer.body.reason}.` };
  }
}

/** The client identifier a raw order names, when it names one as a string. */
export function rawClientIdentifier(raw: unknown): string | undefined {
  if (typeof raw !== "object" || raw === null || !("client_identifier" in raw)) return undefined;
  const value = (raw as { client_identifier: unknown }).client_identifier;
  return typeof value === "string" ? value : undefined;
}

/**
 * A batch holding an order over the item limit is refused whole, as Optoro's 422 (optoro.md
 * §2.7): nothing is placed, and the answer names each such order with Optoro's text (no trailing
 * period, as the document). Empty when every order is within the limit.
 */
export function oversizedBatchOrders(orders: readonly unknown[]): BatchOrderResult[] {
  return orders
    .filter((raw) => {
      const items = typeof raw === "object" && raw !== null ? (raw as { order_items?: unknown }).order_items : undefined;
      return Array.isArray(items) && items.length > MAX_ITEMS_PER_ORDER;
    })
    .map((raw) => {
      const clientIdentifier = rawClientIdentifier(raw);
      return { ...(clientIdentifier === undefined ? {} : { client_identifier: clientIdentifier }), status: "invalid", message: TOO_MANY_ITEMS_REASON };
    });
}
