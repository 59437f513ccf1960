import { z } from "zod";
import { Address } from "./address.js";
import { Cents, Channel, Id, ListingCondition, Quantity, Sku, Timestamp } from "./primitives.js";

export const OrderStatus = z.enum([
  "pending_payment",
  "accepted",
  "partially_shipped",
  "shipped",
  "cancelled",
  "rejected",
]);
export type OrderStatus = z.infer<typeof OrderStatus>;

export const OrderItemStatus = z.enum([
  "created",
  "accepted",
  "rejected",
  "cancelled",
  "pending",
  "partially_shipped",
  "shipped",
]);
export type OrderItemStatus = z.infer<typeof OrderItemStatus>;


/** Line-level quantities: partial shipments and cancellations fall out of these, not flags. */
export const LineQuantities = z.object({
  ordered: Quantity,
  allocated: Quantity,
  acknowledged: Quantity,
  shipped: Quantity,
  cancelled: Quantity,
});
export type LineQuantities = z.infer<typeof LineQuantities>;

export const OrderAmounts = z.object({
  priceCents: Cents,
  processingFeeCents: Cents,
  taxCents: Cents,
  shippingCostCents: Cents,
  shippingTaxCents: Cents,
});
export type OrderAmounts = z.infer<typeof OrderAmounts>;

export const OrderItem = z.object({
  id: Id,
  orderId: Id,
  clientIdentifier: z.string().nullable(),
  positionId: Id.nullable(),
  sku: Sku,
  condition: ListingCondition,
  brand: z.string().nullable(),
  vendorId: z.string().nullable(),
  quantity: LineQuantities,
  priceCents: Cents,
  taxCents: Cents,
  shippingCostCents: Cents,
  shippingTaxCents: Cents,
  comments: z.string().nullable(),
  status: OrderItemStatus,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type OrderItem = z.infer<typeof OrderItem>;

/** A line the buyer asked for that stock could not cover. */
export const Shortage = z.object({
  itemClientIdentifier: z.string().nullable(),
  sku: Sku,
  condition: ListingCondition,
  requested: Quantity,
  available: Quantity,
});
export type Shortage = z.infer<typeof Shortage>;

export const Order = OrderAmounts.extend({
  id: Id,
  clientId: Id,
  clientIdentifier: z.string().min(1).max(128),
  channel: Channel,
  status: OrderStatus,
  paymentRequired: z.boolean(),
  billingAddress: Address.nullable(),
  shippingAddress: Address.nullable(),
  brand: z.string().nullable(),
  shippingMethod: z.string().nullable(),
  carrierId: z.int().nullable(),
  comments: z.string().nullable(),
  expectedDeliveryDate: z.string().nullable(),
  signatureRequired: z.boolean().nullable(),
  packingSlipIdentifier: z.string().nullable(),
  /**
   * The lines stock could not cover when the order was rejected for stock (empty otherwise), kept
   * structured so that each dialect words them once, in its own adapter.
   */
  shortages: z.array(Shortage),
  /** A rejection reason that is not a shortage (none is produced today; older rows may hold text). */
  rejectReason: z.string().nullable(),
  /** Dialect-specific fields kept verbatim so a dialect can answer in its own words later. */
  attributes: z.record(z.string(), z.unknown()),
  items: z.array(OrderItem),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Order = z.infer<typeof Order>;

