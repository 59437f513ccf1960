import type { Operation, UseCaseContext } from "@dropgate/core-domain";
import { message, respond } from "../errors/respond.js";
import { toBatchResult } from "../mapping/order-answer.js";
import { BatchOrdersAnswer, OrderAcceptedBody, OrderNotCreatedBody, OrderRejectedBody } from "../wire/order-answers.js";
import { BatchOrdersBody, CreateOrderBody, MAX_ORDERS_PER_BATCH } from "../wire/order-request.js";
import { missingParamMessage } from "../wire/requests.js";
import { dropShipOperation } from "./drop-ship-operation.js";
import { placeOptoroOrder, rawClientIdentifier } from "./place-optoro-order.js";
import { BODY_ERRORS, COMMON_ERRORS, messageResponse } from "./response-specs.js";

/** Optoro's 413 text for an oversized batch (optoro.md §2.7). */
export const BATCH_TOO_LARGE = `Request too large. Max allowed batch size ${MAX_ORDERS_PER_BATCH}`;

function field(body: unknown, name: string): unknown {
  return typeof body === "object" && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined;
}

/** POST /orders and POST /batch/orders. */
export function orderCreateOperations(): Operation<UseCaseContext>[] {
  return [
    dropShipOperation({
      id: "ordersCreate",
      method: "POST",
      path: "/orders",
      summary: "Create an order",
      description:
        "Places an order all or nothing: 201 when stock covers every line (pending_payment when it holds a lot), 200 rejected naming the short lines with nothing allocated, 422 when not created (duplicate client identifier, invalid order).",
      tag: "Orders",
      body: { documentedAs: CreateOrderBody, description: '`{"order": order-2}`' },
      responses: {
        201: { description: "Order accepted", schema: OrderAcceptedBody },
        200: { description: "Order rejected: insufficient quantity", schema: OrderRejectedBody },
        ...COMMON_ERRORS,
        ...BODY_ERRORS,
        422: { description: "Order not created: duplicate client identifier or invalid order", schema: OrderNotCreatedBody },
      },
      handle: ({ body, client }, ctx) => {
        const answer = placeOptoroOrder(ctx, client.id, field(body, "order"), "order");
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
      body: { documentedAs: BatchOrdersBody, description: '`{"orders": [order-2, …]}`' },
      responses: {
        200: { description: "One result per submitted order", schema: BatchOrdersAnswer },
        ...COMMON_ERRORS,
        ...BODY_ERRORS,
        413: messageResponse(BATCH_TOO_LARGE),
      },
      handle: ({ body, client }, ctx) => {
        const orders = field(body, "orders");
        if (!Array.isArray(orders)) {
          return message(400, orders === undefined ? missingParamMessage("orders") : "Invalid orders: expected an array of orders");
        }
        if (orders.length > MAX_ORDERS_PER_BATCH) return message(413, BATCH_TOO_LARGE);
        // Each order runs in its own transaction: one bad or short order never undoes another.
        const results = orders.map((raw, index) =>
          toBatchResult(rawClientIdentifier(raw), placeOptoroOrder(ctx, client.id, raw, `orders.${index}`)),
        );
        return respond(200, results);
      },
    }),
  ];
}
