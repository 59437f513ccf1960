import type { ForwardOrderItemInput, UpsertForwardOrdersInput } from "@dropgate/core-domain";
import type { ForwardOrdersRequest, WireForwardOrderItem } from "../wire/forward-orders.js";

/** A Forward Orders date as a UTC instant; the spec's zone-less form (`YYYY-MM-DDT00:00:00`) is UTC. */
export function toUtcInstant(text: string): string {
  const zoned = /(?:[zZ]|[+-]\d{2}:\d{2})$/.test(text);
  return new Date(zoned ? text : `${text}Z`).toISOString();
}

function optionalInstant(text: string | null | undefined): string | undefined {
  return text === null || text === undefined ? undefined : toUtcInstant(text);
}

function toItem(item: WireForwardOrderItem): ForwardOrderItemInput {
  return {
    identifier: item.identifier,
    upc: item.upc,
    sku: item.sku,
    quantity: item.quantity,
    trackingNumber: item.tracking_number,
    reverseTrackingNumber: item.reverse_tracking_number,
    dropshipIdentifier: item.dropship_identifier,
    shippedDate: optionalInstant(item.shipped_date),
    returnPolicyEndDate: optionalInstant(item.return_policy_end_date),
    labels: item.labels,
  };
}

/** Maps a validated Forward Orders batch to the core upsert of one sender's orders. */
export function toUpsertForwardOrdersInput(clientId: number, request: ForwardOrdersRequest): UpsertForwardOrdersInput {
  return {
    clientId,
    orders: request.orders.map((order) => ({
      identifier: order.identifier,
      concept: order.concept,
      postalCode: order.postal_code,
      orderedAt: optionalInstant(order.created_at),
      items: order.items.map(toItem),
    })),
  };
}
