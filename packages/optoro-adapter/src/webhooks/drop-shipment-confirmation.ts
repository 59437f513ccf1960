import { z } from "zod";
import { WireTimestamp } from "../wire/primitives.js";

/*
 * Drop Ship webhooks 1.0.0, `DropShipmentConfirmation` (optoro.md §4.2): the read API's shipment
 * without `sku` on its items, and with carrier, method, tracking number, weight and cost required.
 */

/** shipment_items[] entry of a confirmation: the order item's `client_identifier` and the shipped quantity. */
export const ConfirmationShipmentItem = z.strictObject({
  id: z.int().min(1).optional(),
  client_identifier: z.string(),
  quantity: z.int().min(1),
  created_at: WireTimestamp.optional(),
  updated_at: WireTimestamp.optional(),
});
export type ConfirmationShipmentItem = z.infer<typeof ConfirmationShipmentItem>;

/** The shipment of a confirmation; `client_identifier` is its order's. */
export const ConfirmationShipment = z.strictObject({
  id: z.int().optional(),
  client_identifier: z.string(),
  channel: z.string(),
  carrier: z.string(),
  shipping_method: z.string(),
  tracking_number: z.string(),
  billed_weight: z.number(),
  shipping_cost_cents: z.int(),
  packing_slip_identifier: z.string().optional(),
  shipment_items: z.array(ConfirmationShipmentItem),
  created_at: WireTimestamp.optional(),
  updated_at: WireTimestamp.optional(),
});
export type ConfirmationShipment = z.infer<typeof ConfirmationShipment>;

/** POST body of a drop shipment confirmation: `{"shipment": …}`. */
export const DropShipmentConfirmation = z.strictObject({ shipment: ConfirmationShipment });
export type DropShipmentConfirmation = z.infer<typeof DropShipmentConfirmation>;
