import { z } from "zod";

/*
 * What POST /orders and POST /batch/orders answer (optoro.md §2.6, §2.7): 201 accepted,
 * 200 rejected with the short lines, 422 not created, and one result per order for a batch.
 */

/** 201: the order was taken; `pending_payment` for an order holding a lot. */
export const OrderAcceptedBody = z.strictObject({
  message: z.enum(["accepted", "pending_payment"]),
  reason: z.literal("Order accepted"),
});
export type OrderAcceptedBody = z.infer<typeof OrderAcceptedBody>;

/** A line stock could not cover, in a rejected answer. */
export const ShortOrderItem = z.strictObject({
  client_identifier: z.string().optional(),
  sku: z.string(),
  condition: z.string(),
  quantity: z.int().min(0).meta({ description: "Requested quantity" }),
  available_quantity: z.int().min(0),
});
export type ShortOrderItem = z.infer<typeof ShortOrderItem>;

/** 200: the order was stored as rejected, nothing was allocated. */
export const OrderRejectedBody = z.strictObject({
  message: z.literal("rejected"),
  reason: z.string(),
  order: z
    .strictObject({ client_identifier: z.string(), order_items: z.array(ShortOrderItem) })
    .optional(),
});
export type OrderRejectedBody = z.infer<typeof OrderRejectedBody>;

/** 422: the order was not created (duplicate, validation). */
export const OrderNotCreatedBody = z.strictObject({ message: z.literal("Order not created"), reason: z.string() });
export type OrderNotCreatedBody = z.infer<typeof OrderNotCreatedBody>;

/** Either answer of POST /orders that is not an error. */
export type CreateOrderAnswer = OrderAcceptedBody | OrderRejectedBody;

/** One order's fate in a batch. */
export const BatchOrderResult = z.strictObject({
  client_identifier: z.string().optional(),
  status: z.enum(["created", "invalid"]),
  message: z.string().nullable(),
});
export type BatchOrderResult = z.infer<typeof BatchOrderResult>;

/** POST /batch/orders 200 body: one result per submitted order, in order. */
export const BatchOrdersAnswer = z.array(BatchOrderResult);
export type BatchOrdersAnswer = z.infer<typeof BatchOrdersAnswer>;
