
import { message, respond } from "../errors/respond.js";
import { toWireOrder } from "../mapping/order.js";
import { OrderEnvelope, OrdersPage } from "../wire/order.js";
import { IdParams, OrdersQuery } from "../wire/requests.js";
import type { DropShipDeps } from "./drop-ship-context.js";
import { dropShipOperation } from "./drop-ship-operation.js";
import { servePage } from "./pagination.js";
import { COMMON_ERRORS, messageResponse, RECORD_COUNT_HEADER } from "./response-specs.js";
import type { OptoroOperation } from "./optoro-kit.js";

/** Optoro's 404 text for orders (PUT/DELETE /orders/{id} examples). */
export const ORDER_NOT_FOUND = "Order cannot be found";

/** GET /orders and GET /orders/{id}; a buyer only ever sees its own orders. */
export function orderReadOperations(deps: DropShipDeps): OptoroOperation[] {
  return [
    dropShipOperation({
      id: "OrdersIndex",
      method: "GET",
      path: "/orders",
      summary: "List orders",
      description: "The buyer's orders in a status updated since `updated_at`. The total is in the `record_count` header; `next_page` is null on the last page.",
      tag: "Orders",
      query: OrdersQuery,
      responses: {
        200: { description: "A page of orders", schema: OrdersPage, headers: RECORD_COUNT_HEADER },
        ...COMMON_ERRORS,
        422: messageResponse("updated_at is older than 3 months"),
      },
      handle: ({ query, client }, ctx) =>
        servePage(deps.cursors, ctx, { resource: "orders", clientId: client.id, query }, (r, window) => {
          const page = r.listOrders({ clientId: client.id, status: query.status, channel: query.channel, ...window });
          return { ...page, rows: page.rows.map(toWireOrder) };
        }),
    }),
    dropShipOperation({
      id: "ordersShow",
      method: "GET",
      path: "/orders/:id",
      summary: "Show an order by identifier",
      description: "The buyer's order with this client identifier.",
      tag: "Orders",
      params: IdParams,
      responses: {
        200: { description: "The order", schema: OrderEnvelope },
        ...COMMON_ERRORS,
        404: messageResponse(ORDER_NOT_FOUND),
      },
      handle: ({ params, client }, ctx) => {
        const order = ctx.store.read((r) => r.findOrder(client.id, params.id));
        if (!order) return message(404, ORDER_NOT_FOUND);
        return respond(200, { order: toWireOrder(order) });
      },
    }),
  ];
}
