import { z } from "zod";

/*
 * Drop Ship webhooks 1.0.0, `DropShipmentPushPartialCancellation` (optoro.md §4.2): the order's
 * identifier and status and the lines that lost quantity, each with its ordered `quantity` and
 * its `cancelled_quantity`. The published schema lists `required` beside `order` instead of
 * inside it (a slip in the document: with additionalProperties false the body could then never
 * be valid); it is read as applying to the order, whose properties it names.
 */

/** order_items[] entry of a partial cancellation. */
export const PartialCancellationOrderItem = z.strictObject({
  id: z.int().optional(),
  client_identifier: z.string(),
  status: z.string(),
  quantity: z.int(),
  cancelled_quantity: z.int(),
});
export type PartialCancellationOrderItem = z.infer<typeof PartialCancellationOrderItem>;

/** The order of a partial cancellation. */
export const PartialCancellationOrder = z.strictObject({
  id: z.int().optional(),
  client_identifier: z.string(),
  status: z.string(),
  order_items: z.array(PartialCancellationOrderItem),
});
export type PartialCancellationOrder = z.infer<typeof PartialCancellationOrder>;

/** POST body of a drop shipment partial cancellation: `{"order": …}`. */
export const DropShipmentPartialCancellation = z.strictObject({ order: PartialCancellationOrder });
export type DropShipmentPartialCancellation = z.infer<typeof DropShipmentPartialCancellation>;
