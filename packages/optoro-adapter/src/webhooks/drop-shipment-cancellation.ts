import { z } from "zod";
import { WireShippingMethod, WireTimestamp } from "../wire/primitives.js";

/*
 * Drop Ship webhooks 1.0.0, `DropShipmentCancellation` (optoro.md §4.2): the full order as the
 * read API has it, except that this schema declares no `channel`, no `loading_dock` on the
 * shipping address and no timestamps on order items (each object is additionalProperties: false).
 */

/** billing_address / shipping_address of a cancellation: every field optional. */
export const CancellationAddress = z.strictObject({
  id: z.int().optional(),
  name: z.string().optional(),
  company: z.string().optional(),
  telephone_number: z.string().optional(),
  street: z.string().optional(),
  street2: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  zip_code: z.string().optional(),
  country: z.string().optional(),
  created_at: WireTimestamp.optional(),
  updated_at: WireTimestamp.optional(),
});
export type CancellationAddress = z.infer<typeof CancellationAddress>;

/** order_items[] entry of a cancellation, with its own `status` (e.g. `cancelled`). */
export const CancellationOrderItem = z.strictObject({
  id: z.int().optional(),
  client_identifier: z.string(),
  sku: z.string(),
  brand: z.string(),
  condition: z.string(),
  quantity: z.int(),
  price_cents: z.int(),
  tax_cents: z.int(),
  shipping_cost_cents: z.int(),
  shipping_tax_cents: z.int(),
  status: z.string(),
  comments: z.string().optional(),
});
export type CancellationOrderItem = z.infer<typeof CancellationOrderItem>;

/** The order of a cancellation. */
export const CancellationOrder = z.strictObject({
  id: z.int().optional(),
  client_identifier: z.string(),
  billing_address: CancellationAddress,
  shipping_address: CancellationAddress,
  brand: z.string(),
  shipping_method: WireShippingMethod,
  status: z.string(),
  price_cents: z.int(),
  tax_cents: z.int(),
  processing_fee_cents: z.int().optional(),
  shipping_cost_cents: z.int(),
  shipping_tax_cents: z.int(),
  comments: z.string().optional(),
  expected_delivery_date: z.string().optional(),
  signature_required: z.boolean().optional(),
  packing_slip_identifier: z.string().optional(),
  reject_reason: z.string().optional(),
  order_items: z.array(CancellationOrderItem),
  created_at: WireTimestamp.optional(),
  updated_at: WireTimestamp.optional(),
});
export type CancellationOrder = z.infer<typeof CancellationOrder>;

/** POST body of a drop shipment cancellation: `{"order": …}`. */
export const DropShipmentCancellation = z.strictObject({ order: CancellationOrder });
export type DropShipmentCancellation = z.infer<typeof DropShipmentCancellation>;
