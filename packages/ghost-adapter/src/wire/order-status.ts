import { z } from "zod";

/** Rewix order status codes (DOC table); Dropgate's states map onto a subset (see README). */
export const RewixStatus = {
  BOOKED: 5,
  TO_DISPATCH: 2,
  WORKING_ON: 3001,
  DISPATCHED: 3,
  CANCELLED: 2000,
} as const;

/** One order in an order-status answer. `parsedDate` is epoch ms in JSON, ISO 8601 in XML. */
export const OrderStatusEntry = z.object({
  order_id: z.int(),
  ext_ref: z.string(),
  status: z.int(),
  substatus: z.int().nullable(),
  last_update: z.string(),
  parsedDate: z.union([z.int(), z.string()]),
  tracking_code: z.string().nullable(),
  tracking_url: z.string().nullable(),
  carrier_name: z.string().nullable(),
});
export type OrderStatusEntry = z.infer<typeof OrderStatusEntry>;

/** Order status by key or id: JSON `{"orders":[…]}`, XML `root/order_list/order`. */
export const OrderStatusBody = z.object({ orders: z.array(OrderStatusEntry) });
export type OrderStatusBody = z.infer<typeof OrderStatusBody>;
