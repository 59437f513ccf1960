import type { Order, Shipment } from "@dropgate/core-domain";
import type { WireShipment, WireShipmentItem } from "../wire/shipment.js";
import { omitNull } from "./omit-null.js";

/*
 * A shipment carries identifiers of its order: `client_identifier` is the order's, each
 * shipment item's `client_identifier` and `sku` are its order item's, and the packing slip is the
 * order's, or its client identifier when it has none (optoro.md §2.5).
 */

/** Maps a shipment, given the order it belongs to. */
export function toWireShipment(shipment: Shipment, order: Order): WireShipment {
  const lines = new Map(order.items.map((item) => [item.id, item]));
  const items: WireShipmentItem[] = shipment.items.map((item) => {
    const line = lines.get(item.orderItemId);
    return omitNull({
      id: item.id,
      client_identifier: line?.clientIdentifier ?? null,
      sku: line?.sku ?? "",
      quantity: item.quantity,
      created_at: shipment.createdAt,
      updated_at: shipment.updatedAt,
    });
  });
  return omitNull({
    id: shipment.id,
    client_identifier: order.clientIdentifier,
    channel: order.channel,
    carrier: shipment.carrier,
    shipping_method: shipment.shippingMethod,
    tracking_number: shipment.trackingNumber,
    billed_weight: shipment.billedWeight,
    shipping_cost_cents: shipment.shippingCostCents,
    // "If null, client_identifier is used" (optoro.md §2.5, shipment.packing_slip_identifier).
    packing_slip_identifier: order.packingSlipIdentifier ?? order.clientIdentifier,
    shipment_items: items,
    created_at: shipment.createdAt,
    updated_at: shipment.updatedAt,
  });
}
