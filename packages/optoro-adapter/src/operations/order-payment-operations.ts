import { cancelOrder, confirmPayment, } from "@dropgate/core-domain";
import { renderDomainError } from "../errors/domain-error.js";
import { message } from "../errors/respond.js";
import { INVALID_PAYMENT_STATUS, OrderPaymentUpdate } from "../wire/order-request.js";
import { IdParams } from "../wire/requests.js";
import { dropShipOperation } from "./drop-ship-operation.js";
import { ORDER_NOT_FOUND } from "./order-read-operations.js";
import { BODY_ERRORS, COMMON_ERRORS, messageResponse } from "./response-specs.js";
import type { OptoroOperation } from "./optoro-kit.js";

/*
 * PUT /orders/{id} (payment complete) and DELETE /orders/{id} (cancel) act only on a lot order
 * waiting for payment (optoro.md §2.8): anything else is 422 "Order status should be
 * pending_payment". Both answer 204 with no body. The status is checked by the use cases inside
 * their transaction, so no other writer can slip in between the check and the change.
 */

const WRONG_STATE = "Order status should be pending_payment";
const WORDING = { notFound: ORDER_NOT_FOUND, illegalTransition: WRONG_STATE };

/** PUT and DELETE /orders/{id}. */
export function orderPaymentOperations(): OptoroOperation[] {
  const responses = {
    204: { description: "Done; no content" },
    ...COMMON_ERRORS,
    404: messageResponse(ORDER_NOT_FOUND),
    422: messageResponse(`${WRONG_STATE}, or ${INVALID_PAYMENT_STATUS}`),
  };
  return [
    dropShipOperation({
      id: "ordersUpdate",
      method: "PUT",
      path: "/orders/:id",
      summary: "Update an order by identifier",
      description: "Marks a lot order in pending_payment as paid: it becomes accepted.",
      tag: "Orders",
      params: IdParams,
      body: OrderPaymentUpdate,
      invalidBody: () => message(422, INVALID_PAYMENT_STATUS),
      responses: { ...responses, ...BODY_ERRORS },
      handle: ({ params, client }, ctx) => {
        const order = ctx.store.read((r) => r.findOrder(client.id, params.id));
        if (!order) return message(404, ORDER_NOT_FOUND);
        const paid = confirmPayment(ctx, { orderId: order.id });
        if (!paid.ok) return renderDomainError(paid.error, WORDING);
        return { status: 204 };
      },
    }),
    dropShipOperation({
      id: "ordersCancel",
      method: "DELETE",
      path: "/orders/:id",
      summary: "Cancel an order by identifier",
      description: "Cancels a lot order in pending_payment; its stock returns to the listing.",
      tag: "Orders",
      params: IdParams,
      responses,
      handle: ({ params, client }, ctx) => {
        const order = ctx.store.read((r) => r.findOrder(client.id, params.id));
        if (!order) return message(404, ORDER_NOT_FOUND);
        // The spine also cancels accepted orders; Optoro's DELETE cancels unpaid lot orders only.
        const cancelled = cancelOrder(ctx, { orderId: order.id, onlyFrom: ["pending_payment"] });
        if (!cancelled.ok) return renderDomainError(cancelled.error, WORDING);
        return { status: 204 };
      },
    }),
  ];
}
