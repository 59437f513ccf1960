import { z } from "zod";
import { Id, Quantity, Sku, Timestamp } from "./primitives.js";

export const PurchaseOrderStatus = z.enum(["ready", "submitted", "accepted", "complete", "cancelled"]);
export type PurchaseOrderStatus = z.infer<typeof PurchaseOrderStatus>;

export const PurchaseOrderItem = z.object({
  poItemId: Id,
  orderItemId: Id,
  sku: Sku,
  vpc: z.string(),
  quantity: z.object({
    ordered: Quantity,
    acknowledged: Quantity,
    shipped: Quantity,
    cancelled: Quantity,
  }),
});
export type PurchaseOrderItem = z.infer<typeof PurchaseOrderItem>;

/** What Dropgate asks one vendor to ship for one order; `po` is the vendor-facing number (D123). */
export const PurchaseOrder = z.object({
  id: Id,
  po: z.string().regex(/^D\d+$/),
  vendorId: z.string(),
  orderId: Id,
  status: PurchaseOrderStatus,
  dateSubmit: Timestamp,
  estimatedShipDate: Timestamp.nullable(),
  items: z.array(PurchaseOrderItem),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

/** The vendor-facing PO number for a PO id. */
export function poNumber(id: number): string {
  return `D${id}`;
}
