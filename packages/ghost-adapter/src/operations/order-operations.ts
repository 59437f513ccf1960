import { type Client, placeDropshipOrder, type StorageReader, type Order } from "@dropgate/core-domain";
import { domainProblem, problem } from "../errors/problem.js";
import { toOrderStatusEntry } from "../mapping/order-status.js";
import { toReservationBody } from "../mapping/reservation.js";
import { toDropshipOrderInput } from "../mapping/send-order.js";
import { OrderStatusBody } from "../wire/order-status.js";
import { ReservationBody } from "../wire/reservation.js";
import { SendOrderRequest } from "../wire/send-order.js";
import { orderStatusXml, reservationXml, sendOrderRequestXml } from "../xml/documents.js";
import { type GhostOutcome, ghostOperation, type AnyGhostOperation } from "./ghost-operation.js";
import type { GhostOptions } from "./options.js";

/** Where a use-case field of one order sits in the send-order body. */
function wireField(orderIndex: number, field: string | undefined): string {
  const base = `order_list.${orderIndex}`;
  const item = /^items\.(\d+)\./.exec(field ?? "");
  if (item) return `${base}.item_list.${item[1]}.stock_id`;
  if (field === "items") return `${base}.item_list`;
  if (field === "key") return `${base}.key`;
  return base;
}

function statusAnswer(reader: StorageReader, order: Order | undefined, client: Client): GhostOutcome<OrderStatusBody> {
  // Another reseller's order is as unknown as a missing one.
  if (order === undefined || order.clientId !== client.id) return { ok: false, problem: problem(404, "Order not found") };
  const purchaseOrders = reader.listPurchaseOrders({ orderId: order.id, limit: 100 }).rows;
  const shipments = reader.listShipments({ orderId: order.id, limit: 100 }).rows;
  const carrier = order.carrierId === null ? undefined : reader.listCarriers().find((c) => c.id === order.carrierId);
  return { ok: true, value: { orders: [toOrderStatusEntry(order, purchaseOrders, shipments, carrier?.name ?? null)] } };
}

/** SendOrderDropshipping and the two order-status lookups. */
export function orderOperations(options: GhostOptions): AnyGhostOperation[] {
  const send = ghostOperation({
    id: "sendOrderDropshipping",
    method: "POST",
    path: "/ghost/orders/0/dropshipping",
    summary: "Send order (dropshipping)",
    description:
      "Each order of order_list is its own transaction. Lines come from the reservation first, then from available stock; more than reserved plus available is capped silently. A stock_id that does not exist aborts that order with nothing changed (429) and the orders after it are not tried. autoConfirm true or omitted confirms when (ecredit covers the cost or auto-confirm is on) and a carrier is valid or a default exists; otherwise the order stays booked (status 5) until the operator confirms or cancels it. The same key with the same order answers the first result; a key already used for another order is refused (429). The answer is the remaining reservation with the new order's id (the last order's, for several).",
    tag: "Orders",
    body: { schema: SendOrderRequest, xml: sendOrderRequestXml },
    answer: { schema: ReservationBody, xml: reservationXml, description: "The remaining reservation; order_id is the new order's id." },
    handle: ({ body, client }, ctx) => {
      let answer = toReservationBody([]);
      for (const [index, order] of body.order_list.entries()) {
        const placed = placeDropshipOrder(ctx, toDropshipOrderInput(client.id, options.channel, order));
        if (!placed.ok) return { ok: false, problem: domainProblem(placed.error, wireField(index, placed.error.field)) };
        answer = toReservationBody(placed.value.models, placed.value.order.id);
      }
      return { ok: true, value: answer };
    },
  });
  const byKey = ghostOperation({
    id: "orderStatusByKey",
    method: "GET",
    path: "/ghost/clientorders/clientkey/:key",
    summary: "Order status by key",
    description: "The reseller's order sent with this key. Unknown keys and other resellers' orders: 404.",
    tag: "Orders",
    answer: { schema: OrderStatusBody, xml: orderStatusXml, description: "The order's status." },
    handle: ({ params, client }, ctx) =>
      ctx.store.read((r) => statusAnswer(r, r.findOrder(client.id, params.key ?? ""), client)),
  });
  const byId = ghostOperation({
    id: "orderStatusById",
    method: "GET",
    path: "/ghost/clientorders/serverkey/:order_id",
    summary: "Order status by order id",
    description: "The reseller's order by the order_id Dropgate answered. Unknown ids and other resellers' orders: 404.",
    tag: "Orders",
    answer: { schema: OrderStatusBody, xml: orderStatusXml, description: "The order's status." },
    handle: ({ params, client }, ctx) => {
      const id = /^\d{1,15}$/.test(params.order_id ?? "") ? Number(params.order_id) : 0;
      return ctx.store.read((r) => statusAnswer(r, id > 0 ? r.getOrder(id) : undefined, client));
    },
  });
  return [send, byKey, byId];
}
