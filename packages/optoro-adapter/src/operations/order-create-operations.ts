
import type { RequestProblem } from "@dropgate/dialect-kit";
import { z } from "zod";
import { message, respond } from "../errors/respond.js";
import { orderNotCreated, oversizedBatchOrders, toBatchResult } from "../mapping/order-answer.js";
import { BatchOrdersAnswer, OrderAcceptedBody, OrderNotCreatedBody, OrderRejectedBody } from "../wire/order-answers.js";
import { CreateOrderBody, MAX_ORDERS_PER_BATCH, OrderRequest } from "../wire/order-request.js";
import { missingParamMessage } from "../wire/requests.js";
import { dropShipOperation } from "./drop-ship-operation.js";
import { invalidOrderReason, placeBatchEntry, placeOptoroOrder, rawClientIdentifier, UnfitOrder } from "./place-optoro-order.js";
import { BODY_ERRORS, COMMON_ERRORS, messageResponse } from "./response-specs.js";
import type { OptoroOperation } from "./optoro-kit.js";

/** Optoro's 413 text for an oversized batch (optoro.md §2.7). */
export const BATCH_TOO_LARGE = `Request too large. Max allowed batch size ${MAX_ORDERS_PER_BATCH}`;

/*
 * A batch is answered order by order (optoro.md §2.7), so the gateway checks only its shape and
 * size. Each entry is documented as order-2 and parsed once, here: `.catch` hands one that does
 * not fit to the handler as an `UnfitOrder` (as sent, with its issues), to be answered `invalid`
 * in its own slot. To document a catch, zod calls it with no context and writes the answer as the
 * JSON Schema `default`: undefined leaves none.
 */
type BatchEntry = OrderRequest | UnfitOrder;
const BatchBody: z.ZodType<{ readonly orders: readonly BatchEntry[] }> = z
  .object({
    orders: z
      .array(
        OrderRequest.catch((ctx) => (ctx === undefined ? undefined : new UnfitOrder(ctx.value, ctx.error.issues)) as unknown as OrderRequest),
      )
      .max(MAX_ORDERS_PER_BATCH),
  })
  .meta({ description: '`{"orders": [order-2, …]}`' });

/*
 * The rate limit counts work: an order costs one token per order line, a batch the lines of all
 * its orders, so 25 orders of 125 lines wait as long as 3125 single-line orders would.
 */
function linesOf(raw: unknown): number {
  const items = raw !== null && typeof raw === "object" ? (raw as { readonly order_items?: unknown }).order_items : undefined;
  return Array.isArray(items) ? Math.max(1, items.length) : 1;
}

/** POST /orders: an order that does not fit order-2 is 422 "Order not created" naming every field at fault. */
function orderNotCreatedAnswer(problem: RequestProblem) {
  const issues = problem.issues ?? [];
  // A body that is not even an object holds no order, as Optoro words an object without one.
  const reason = issues.some((issue) => issue.path.length === 0) ? "Validation failed: order is missing" : invalidOrderReason("", issues);
  return respond(422, orderNotCreated(reason));
}

/** POST /batch/orders: more than 25 orders is Optoro's 413; a body without an `orders` array, 400. */
function batchRefused(problem: RequestProblem) {
  const issue = problem.issues?.[0];
  if (issue?.code === "too_big") return message(413, BATCH_TOO_LARGE);
  const sentOrders = issue !== undefined && issue.path.length > 0 && issue.input !== undefined;
  return message(400, sentOrders ? "Invalid orders: expected an array of orders" : missingParamMessage("orders"));
}

/** POST /orders and POST /batch/orders. */
export function orderCreateOperations(): OptoroOperation[] {
  return [
    dropShipOperation({
      id: "ordersCreate",
      method: "POST",
      path: "/orders",
      summary: "Create an order",
      description:
        "Places an order all or nothing: 201 when stock covers every line (pending_payment when it holds a lot), 200 rejected naming the short lines with nothing allocated, 422 when not created (duplicate client identifier, invalid order).",
      tag: "Orders",
      body: CreateOrderBody.meta({ description: '`{"order": order-2}`' }),
      invalidBody: orderNotCreatedAnswer,
      cost: ({ body }) => linesOf(body.order),
      responses: {
        201: { description: "Order accepted", schema: OrderAcceptedBody },
        200: { description: "Order rejected: insufficient quantity", schema: OrderRejectedBody },
        ...COMMON_ERRORS,
        ...BODY_ERRORS,
        422: { description: "Order not created: duplicate client identifier or invalid order", schema: OrderNotCreatedBody },
      },
      handle: ({ body, client }, ctx) => {
        const answer = placeOptoroOrder(ctx, client.id, body.order);
        return respond(answer.status, answer.body);
      },
    }),
    dropShipOperation({
      id: "batchOrdersCreate",
      method: "POST",
      path: "/batch/orders",
      summary: "Create orders in batches",
      description: `Up to ${MAX_ORDERS_PER_BATCH} orders, each placed on its own: one result per order, in order — created (message null when accepted, the rejection reason when rejected) or invalid (with the reason).`,
      tag: "Orders",
      body: BatchBody,
      invalidBody: batchRefused,
      cost: ({ body }) =>
        body.orders.reduce<number>((total, entry) => total + linesOf(entry instanceof UnfitOrder ? entry.raw : entry), 0) || 1,
      responses: {
        200: { description: "One result per submitted order", schema: BatchOrdersAnswer },
        ...COMMON_ERRORS,
        ...BODY_ERRORS,
        413: messageResponse(BATCH_TOO_LARGE),
        422: { description: "An order holds more than 125 items: nothing is placed, each such order is named", schema: BatchOrdersAnswer },
      },
      handle: ({ body, client }, ctx) => {
        const oversized = oversizedBatchOrders(body.orders.map((entry) => (entry instanceof UnfitOrder ? entry.raw : entry)));
        if (oversized.length > 0) return respond(422, oversized);
        // Each order runs in its own transaction: one bad or short order never undoes another.
        const results = body.orders.map((entry, index) =>
          toBatchResult(
            entry instanceof UnfitOrder ? rawClientIdentifier(entry.raw) : entry.client_identifier,
            placeBatchEntry(ctx, client.id, entry, `orders.${index}`),
          ),
        );
        return respond(200, results);
      },
    }),
  ];
}
