import { z } from "zod";
import { WireBillingAddress, WireShippingAddress } from "./address.js";
import { NextPage } from "./next-page.js";
import { WireCents, WireCondition, WireOrderItemStatus, WireOrderStatus, WireTimestamp } from "./primitives.js";

/*
 * Orders as Drop Ship answers them (6.0 `order`, `order_item`). Optoro's `order` lists `channel`
 * as required without declaring it under additionalProperties:false (a schema no instance can
 * satisfy, optoro.md §2.4); Dropgate declares and returns it.
 */

/** order_item as answered; `quantity` is the ordered quantity. */
export const WireOrderItem = z.strictObject({
  id: z.int().min(1),
  client_identifier: z.string().optional(),
  sku: z.string(),
  brand: z.string().optional(),
  condition: WireCondition,
  quantity: z.int().min(0),
  price_cents: WireCents,
  tax_cents: WireCents,
  shipping_cost_cents: WireCents,
  shipping_tax_cents: WireCents,
  status: WireOrderItemStatus,
  comments: z.string().optional(),
  created_at: WireTimestamp,
  updated_at: WireTimestamp,
});
export type WireOrderItem = z.infer<typeof WireOrderItem>;

/** order as answered. `reject_reason` is "" unless the order was rejected. */
export const WireOrder = z.strictObject({
  id: z.int().min(1),
  client_identifier: z.string(),
  channel: z.string(),
  billing_address: WireBillingAddress.optional(),
  shipping_address: WireShippingAddress.optional(),
  brand: z.string().optional(),
  shipping_method: z.string().optional(),
  status: WireOrderStatus,
  price_cents: WireCents,
  processing_fee_cents: WireCents,
  tax_cents: WireCents,
  shipping_cost_cents: WireCents,
  shipping_tax_cents: WireCents,
  comments: z.string().optional(),
  expected_delivery_date: z.string().optional(),
  signature_required: z.boolean().optional(),
  packing_slip_identifier: z.string().optional(),
  reject_reason: z.string(),
  order_items: z.array(WireOrderItem),
  created_at: WireTimestamp,
  updated_at: WireTimestamp,
});
export type WireOrder = z.infer<typeof WireOrder>;

/** GET /orders 200 body. */
export const OrdersPage = z.strictObject({ orders: z.array(WireOrder), next_page: NextPage });
export type OrdersPage = z.infer<typeof OrdersPage>;

/** GET /orders/{id} 200 body. */
export const OrderEnvelope = z.strictObject({ order: WireOrder });
export type OrderEnvelope = z.infer<typeof OrderEnvelope>;
