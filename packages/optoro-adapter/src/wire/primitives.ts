import { z } from "zod";

/*
 * Wire primitives shared by the Drop Ship schemas. Names and enums are Optoro's
 * (reference/optoro.md §2.3–§2.5); the model's own names stay in core-domain.
 */

/** Listing and order item condition codes (Drop Ship 2023-08-15, `condition` enum). */
export const WireCondition = z.enum(["N", "A", "B", "R"]);
export type WireCondition = z.infer<typeof WireCondition>;

/** Order status as Optoro reports it (order.status enum). */
export const WireOrderStatus = z.enum(["accepted", "rejected", "cancelled", "pending_payment", "partially_shipped", "shipped"]);
export type WireOrderStatus = z.infer<typeof WireOrderStatus>;

/** Order item status as Optoro reports it (order_item.status enum). */
export const WireOrderItemStatus = z.enum([
  "created",
  "accepted",
  "rejected",
  "cancelled",
  "pending",
  "partially_shipped",
  "shipped",
]);
export type WireOrderItemStatus = z.infer<typeof WireOrderItemStatus>;

/** Shipping methods an order may ask for (order-2.shipping_method enum). */
export const WireShippingMethod = z.enum(["STANDARD", "EXPRESS", "OVERNIGHT", "FREIGHT", "PICK-UP"]);
export type WireShippingMethod = z.infer<typeof WireShippingMethod>;

/** UTC ISO 8601 timestamp as Dropgate writes it. */
export const WireTimestamp = z.iso.datetime({ offset: true });

/** Integer amount in cents, never negative. */
export const WireCents = z.int().min(0);
