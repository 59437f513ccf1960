import type { Order, Shipment, ShipmentQuery, StorageReader, } from "@dropgate/core-domain";
import { respond } from "../errors/respond.js";
import { toWireShipment } from "../mapping/shipment.js";
import { ShipmentsEnvelope, ShipmentsPage, type WireShipment } from "../wire/shipment.js";
import { IdParams, ShipmentShowQuery, ShipmentsQuery } from "../wire/requests.js";
import { dropShipOperation } from "./drop-ship-operation.js";
import type { DropShipDeps } from "./drop-ship-context.js";
import { servePage } from "./pagination.js";
import { COMMON_ERRORS, messageResponse, RECORD_COUNT_HEADER } from "./response-specs.js";
import type { OptoroOperation } from "./optoro-kit.js";

/*
 * Shipments of the buyer's orders (optoro.md §2.5). The two show operations answer a list, empty
 * when nothing matches: the spec declares no 404 for them, and an empty list does not tell a
 * buyer whether another buyer's order or tracking number exists.
 */

/** Maps shipments with their orders, reading each order once. */
function withOrders(reader: StorageReader, shipments: readonly Shipment[]): WireShipment[] {
  const orders = new Map<number, Order | undefined>();
  const orderOf = (id: number) => {
    if (!orders.has(id)) orders.set(id, reader.getOrder(id));
    return orders.get(id);
  };
  return shipments.flatMap((shipment) => {
    const order = orderOf(shipment.orderId);
    return order ? [toWireShipment(shipment, order)] : [];
  });
}

/** Every shipment matching `query`, page by page (a tracking number or an order has few). */
function allShipments(reader: StorageReader, query: Omit<ShipmentQuery, "afterId" | "limit">): Shipment[] {
  const found: Shipment[] = [];
  let afterId: number | undefined;
  for (;;) {
    const page = reader.listShipments({ ...query, afterId, limit: 100 });
    found.push(...page.rows);
    if (page.nextAfterId === null) return found;
    afterId = page.nextAfterId;
  }
}

/** GET /shipments, GET /shipments/{id} and GET /shipments/identifier/{id}. */
export function shipmentOperations(deps: DropShipDeps): OptoroOperation[] {
  return [
    dropShipOperation({
      id: "shipmentsIndex",
      method: "GET",
      path: "/shipments",
      summary: "Lists shipments",
      description:
        "Shipments of the buyer's orders updated since `updated_at`. The total is in the `record_count` header; `next_page` is null on the last page.",
      tag: "Shipments",
      query: ShipmentsQuery,
      responses: {
        200: { description: "A page of shipments", schema: ShipmentsPage, headers: RECORD_COUNT_HEADER },
        ...COMMON_ERRORS,
        422: messageResponse("updated_at is older than 3 months"),
      },
      handle: ({ query, client }, ctx) =>
        servePage(deps.cursors, ctx, { resource: "shipments", clientId: client.id, query }, (r, window) => {
          const page = r.listShipments({ clientId: client.id, channel: query.channel, ...window });
          return { ...page, rows: withOrders(r, page.rows) };
        }),
    }),
    dropShipOperation({
      id: "shipmentsShow",
      method: "GET",
      path: "/shipments/:id",
      summary: "Show details of a shipment",
      description: "The buyer's shipments with this tracking number (optionally of one carrier); an empty list when there are none.",
      tag: "Shipments",
      params: IdParams,
      query: ShipmentShowQuery,
      responses: { 200: { description: "Matching shipments, possibly none", schema: ShipmentsEnvelope }, ...COMMON_ERRORS },
      handle: ({ params, query, client }, ctx) => {
        const shipments = ctx.store.read((r) =>
          withOrders(r, allShipments(r, { clientId: client.id, trackingNumber: params.id, carrier: query.carrier })),
        );
        return respond(200, { shipments });
      },
    }),
    dropShipOperation({
      id: "shipmentsShowByIdentifier",
      method: "GET",
      path: "/shipments/identifier/:id",
      summary: "Show list of the shipments for an order",
      description: "Shipments of the buyer's order with this client identifier; an empty list when there are none.",
      tag: "Shipments",
      params: IdParams,
      responses: { 200: { description: "The order's shipments, possibly none", schema: ShipmentsEnvelope }, ...COMMON_ERRORS },
      handle: ({ params, client }, ctx) => {
        const shipments = ctx.store.read((r) => {
          const order = r.findOrder(client.id, params.id);
          return order ? allShipments(r, { clientId: client.id, orderId: order.id }).map((s) => toWireShipment(s, order)) : [];
        });
        return respond(200, { shipments });
      },
    }),
  ];
}
