import { z } from "zod";
import { BillingAddressRequest, ShippingAddressRequest } from "./address.js";
import { WireCents, WireCondition, WireShippingMethod } from "./primitives.js";

/*
 * Order requests (Drop Ship `order-2`, `order_item-2`). Unknown keys are dropped rather than
 * refused: real clients send fields the schema does not list (the spec's own reject example
 * mentions `payment_status`), and a buyer must work by changing only its base URL.
 */

/** Most order items an order may hold (optoro.md §2.6, 422 max_limit_reached). */
export const MAX_ITEMS_PER_ORDER = 125;
/** Optoro's text for an order with too many items (optoro.md §2.6, 422 max_limit_reached; no trailing period). */
export const TOO_MANY_ITEMS_REASON = `The maximum number of items in an order is ${MAX_ITEMS_PER_ORDER}. Please try again with a smaller number of items`;
/** Most orders a batch may hold (optoro.md §2.7, 413). */
export const MAX_ORDERS_PER_BATCH = 25;

/** order_item-2. Dropgate requires sku, condition and quantity (the spec marks nothing required). */
export const OrderItemRequest = z.object({
  client_identifier: z.string().min(1).max(128).optional(),
  sku: z.string().min(1).max(128).meta({ description: "Listing identifier (listing.identifier)" }),
  brand: z.string().max(256).optional(),
  condition: WireCondition,
  quantity: z.int().min(1),
  price_cents: WireCents.optional(),
  tax_cents: WireCents.optional(),
  shipping_cost_cents: WireCents.optional(),
  shipping_tax_cents: WireCents.optional(),
  comments: z.string().max(2048).optional(),
});
export type OrderItemRequest = z.infer<typeof OrderItemRequest>;

/** Optoro's 422 text for anything but `payment_status: complete` (optoro.md §2.8). */
export const INVALID_PAYMENT_STATUS = "Payment status is not valid";

/**
 * `payment_status` on a new order (not in order-2, but Optoro's own reject example is about it):
 * `pending` (or `pending_payment`) asks to pay later, which only a lot order can; `complete` says
 * it is paid, so even a lot order is accepted at once.
 */
export const OrderPaymentStatus = z.enum(["pending", "pending_payment", "complete"], { error: INVALID_PAYMENT_STATUS });
export type OrderPaymentStatus = z.infer<typeof OrderPaymentStatus>;

/** order-2: the order a buyer places. */
export const OrderRequest = z.object({
  client_identifier: z.string().trim().min(1).max(128),
  channel: z.string().trim().min(1).max(64),
  billing_address: BillingAddressRequest,
  shipping_address: ShippingAddressRequest,
  brand: z.string().min(1).max(256),
  shipping_method: WireShippingMethod,
  price_cents: WireCents,
  processing_fee_cents: WireCents.optional(),
  tax_cents: WireCents,
  shipping_cost_cents: WireCents,
  shipping_tax_cents: WireCents,
  comments: z.string().max(2048).optional(),
  expected_delivery_date: z.iso.date().optional(),
  signature_required: z.boolean().optional(),
  packing_slip_identifier: z.string().max(128).optional(),
  order_items: z.array(OrderItemRequest).min(1).max(MAX_ITEMS_PER_ORDER),
  payment_status: OrderPaymentStatus.nullish(),
});
export type OrderRequest = z.infer<typeof OrderRequest>;

/** POST /orders body. */
export const CreateOrderBody = z.object({ order: OrderRequest });
export type CreateOrderBody = z.infer<typeof CreateOrderBody>;

/** POST /batch/orders body; each order is validated on its own (optoro.md §2.7). */
export const BatchOrdersBody = z.object({ orders: z.array(OrderRequest) });
export type BatchOrdersBody = z.infer<typeof BatchOrdersBody>;

/** PUT /orders/{id} body: marks a lot order's payment complete. */
export const OrderPaymentUpdate = z.object(
  {
    order: z.object(
      { payment_status: z.literal("complete", { error: INVALID_PAYMENT_STATUS }) },
      { error: INVALID_PAYMENT_STATUS },
    ),
  },
  { error: INVALID_PAYMENT_STATUS },
);
export type OrderPaymentUpdate = z.infer<typeof OrderPaymentUpdate>;
