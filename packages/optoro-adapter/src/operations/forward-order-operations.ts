import { upsertForwardOrders } from "@dropgate/core-domain";
import { renderForwardOrdersInvalid } from "../errors/forward-orders-problem.js";
import { message, respond } from "../errors/respond.js";
import { toUpsertForwardOrdersInput } from "../mapping/forward-order.js";
import { MessageBody } from "../wire/errors.js";
import { ForwardOrdersRequest, ForwardOrdersSuccess, ForwardOrdersValidationFailed } from "../wire/forward-orders.js";
import { defineOperation, type OptoroOperation } from "./optoro-kit.js";

/** Orders per rate-limit token: a batch of 100 orders costs 4 requests' worth. */
const ORDERS_PER_TOKEN = 25;

/*
 * Forward Orders 1.0.0: POST /forward_orders creates or updates a retailer's orders by
 * `identifier`. The whole batch is one transaction: if any order fails validation, nothing is
 * stored and the 422 lists every error of the batch.
 */

/** POST /forward_orders. */
export function forwardOrderOperations(): OptoroOperation[] {
  return [
    defineOperation({
      id: "forwardOrdersUpsert",
      method: "POST",
      path: "/forward_orders",
      summary: "Create/Update Forward Orders",
      description:
        "Creates or updates forward orders by identifier. The request payload looks the same for both. Updates can modify the contents of an order and its order items, and add order items; fields an update leaves out keep their stored value. Orders, order items and labels cannot be deleted. The batch is stored whole or not at all.",
      tags: ["Forward Orders"],
      auth: "client",
      request: { body: ForwardOrdersRequest },
      cost: ({ body }) => Math.max(1, Math.ceil(body.orders.length / ORDERS_PER_TOKEN)),
      renderInvalid: (problem) => (problem.location === "body" ? renderForwardOrdersInvalid(problem) : undefined),
      responses: {
        200: { description: "Successfully created or updated the orders", schema: ForwardOrdersSuccess },
        400: { description: "A body that is not JSON, or has no orders array", schema: MessageBody },
        401: { description: "Not authenticated or not authorized (no body)" },
        413: { description: "A body over 256 KiB (Optoro recommends batches of at most 10 KB)", schema: MessageBody },
        422: { description: "Validation errors: every one of the batch, by slash-separated path", schema: ForwardOrdersValidationFailed },
        429: { description: "Too many requests", schema: MessageBody },
        500: { description: "Server error", schema: MessageBody },
      },
      handler: ({ body, client }, ctx) => {
        const stored = upsertForwardOrders(ctx, toUpsertForwardOrdersInput(client.id, body));
        // The wire schema admits only what the use case takes, so a refusal here is a bug, not bad input.
        if (!stored.ok) return message(500, "Internal Server Error");
        return respond(200, { message: "Success" });
      },
    }),
  ];
}
