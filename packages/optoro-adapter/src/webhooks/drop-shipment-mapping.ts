import { err, ok, type Order, type Result, type Shipment } from "@dropgate/core-domain";
import type { z } from "zod";
import { toWireOrder } from "../mapping/order.js";
import { toWireShipment } from "../mapping/shipment.js";
import type { WireBillingAddress, WireShippingAddress } from "../wire/address.js";
import { DropShipmentCancellation } from "./drop-shipment-cancellation.js";
import { DropShipmentConfirmation } from "./drop-shipment-confirmation.js";
import { DropShipmentPartialCancellation } from "./drop-shipment-partial-cancellation.js";

/*
 * The drop-ship bodies are the read API's shipment and order (the adapter's own mappings) cut to
 * what the webhook schemas declare. Those schemas require fields the core model may lack (a
 * shipment recorded without its weight, an order without a brand), so a body is checked before it
 * goes out: the receiver would refuse it, and no retry can add the missing data.
 */

/** Builds `{"shipment": …}` for a drop shipment confirmation; VALIDATION names what the shipment or its order lacks. */
export function toDropShipmentConfirmation(shipment: Shipment, order: Order): Result<DropShipmentConfirmation> {
  const { shipment_items, ...wire } = toWireShipment(shipment, order);
  // Confirmation items carry no `sku` (Drop Ship webhooks 1.0.0).
  const items = shipment_items.map(({ sku: _sku, ...item }) => item);
  return checked(DropShipmentConfirmation, { shipment: { ...wire, shipment_items: items } }, `Shipment ${shipment.id}`);
}

/** Builds `{"order": …}` for a drop shipment cancellation; VALIDATION names what the order lacks. */
export function toDropShipmentCancellation(order: Order): Result<DropShipmentCancellation> {
  const { channel: _channel, shipping_address, order_items, ...wire } = toWireOrder(order);
  const body = {
    ...wire,
    ...(shipping_address === undefined ? {} : { shipping_address: withoutLoadingDock(shipping_address) }),
    order_items: order_items.map(({ created_at: _created, updated_at: _updated, ...item }) => item),
  };
  return checked(DropShipmentCancellation, { order: body }, `Order ${order.id}`);
}

/**
 * Builds `{"order": …}` for a drop shipment partial cancellation: the lines that lost quantity,
 * each with the cancelled quantity the event recorded (the line's total cancelled so far, so a
 * receiver that sees the same event twice sets the figure and never adds it twice).
 */
export function toDropShipmentPartialCancellation(
  order: Order,
  lines: readonly { readonly orderItemId: number; readonly cancelledQuantity: number }[],
): Result<DropShipmentPartialCancellation> {
  const items = new Map(order.items.map((item) => [item.id, item]));
  const orderItems = lines.map((line) => {
    const item = items.get(line.orderItemId);
    return {
      id: line.orderItemId,
      client_identifier: item?.clientIdentifier ?? undefined,
      status: item?.status,
      quantity: item?.quantity.ordered,
      cancelled_quantity: line.cancelledQuantity,
    };
  });
  const body = { order: { id: order.id, client_identifier: order.clientIdentifier, status: order.status, order_items: orderItems } };
  return checked(DropShipmentPartialCancellation, body, `Order ${order.id}`);
}

function withoutLoadingDock(address: WireShippingAddress): WireBillingAddress {
  const { loading_dock: _dock, ...rest } = address;
  return rest;
}

function checked<S extends z.ZodType>(schema: S, body: unknown, subject: string): Result<z.infer<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return ok(parsed.data);
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  return err("VALIDATION", `${subject} cannot be sent as Optoro's webhook body: ${problems.join("; ")}`, {
    field: parsed.error.issues[0]?.path.join(".") ?? "",
  });
}
