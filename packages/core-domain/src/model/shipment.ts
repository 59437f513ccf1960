import { z } from "zod";
import { Cents, Id, PositiveQuantity, Timestamp } from "./primitives.js";

export const ShipmentItem = z.object({ id: Id, orderItemId: Id, quantity: PositiveQuantity });
export type ShipmentItem = z.infer<typeof ShipmentItem>;

/** A package that left for the buyer's customer. */
export const Shipment = z.object({
  id: Id,
  orderId: Id,
  purchaseOrderId: Id.nullable(),
  trackingNumber: z.string().min(1).max(128),
  carrier: z.string().nullable(),
  shipClassId: z.int().nullable(),
  shippingMethod: z.string().nullable(),
  billedWeight: z.number().min(0).nullable(),
  shippingCostCents: Cents.nullable(),
  items: z.array(ShipmentItem).min(1),
  shippedAt: Timestamp,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Shipment = z.infer<typeof Shipment>;
