import { z } from "zod";
import { RecordOutcome } from "./envelope.js";

/*
 * The records Dropgate answers. RetailOps publishes no PO record (retailops-rewix.md A4.2, A6), so
 * its shape is Dropgate's contract in RetailOps' house style: snake_case, ids as numbers, dates as
 * UTC ISO 8601, money as dollars, the ship-to address and service named as the sibling
 * Fulfillment.Shipment.fetch names them (`ship_address`, `ship_service`).
 */

/** Ship-to address of a PO: the buyer's order's shipping address. */
export const WireShipAddress = z.object({
  addressee: z.string(),
  company: z.string().nullable(),
  address1: z.string(),
  address2: z.string().nullable(),
  city: z.string(),
  state_abbr: z.string().nullable(),
  postal_code: z.string(),
  country: z.string().nullable(),
  phone_number: z.string().nullable(),
});
export type WireShipAddress = z.infer<typeof WireShipAddress>;

/** One line of a PO. */
export const WirePoItem = z.object({
  po_item_id: z.int(),
  vpc: z.string(),
  sku: z.string(),
  description: z.string().nullable(),
  quantity: z.int(),
  quantity_acknowledged: z.int(),
  quantity_cancelled: z.int(),
  quantity_shipped: z.int(),
  /** The buyer's line price per unit in dollars (Dropgate keeps no separate vendor cost). */
  unit_cost: z.number(),
});
export type WirePoItem = z.infer<typeof WirePoItem>;

export const WirePoStatus = z.enum(["ready", "submitted", "accepted", "complete", "cancelled"]);

/** A PO as Vendor.PO.fetch answers it; `items` only with `with_items`. */
export const WirePurchaseOrder = z.object({
  po: z.string(),
  id: z.int(),
  vendor_id: z.string(),
  status: WirePoStatus,
  date_submit: z.string(),
  date_created: z.string(),
  date_updated: z.string(),
  estimated_ship_date: z.string().nullable(),
  /** The buyer's own reference for the order (its client identifier). */
  order_ref: z.string(),
  channel_name: z.string(),
  ship_service: z.object({ name: z.string().nullable() }),
  ship_address: WireShipAddress.nullable(),
  items: z.array(WirePoItem).optional(),
});
export type WirePurchaseOrder = z.infer<typeof WirePurchaseOrder>;

/** One advice record's outcome (with_detailed_response: 1). */
export const WireAdviceOutcome = RecordOutcome.extend({
  vendor_id: z.string(),
  vpc: z.string().optional(),
  sku: z.string().optional(),
  /** The quantity the vendor advised. */
  quantity: z.int().optional(),
  /** On hand after the advice (never below what open orders already hold). */
  on_hand: z.int().optional(),
  available: z.int().optional(),
});
export type WireAdviceOutcome = z.infer<typeof WireAdviceOutcome>;

/** One PO record's outcome in MarkSubmitted / MarkAccepted / UpdateEstShipDate. */
export const WirePoOutcome = RecordOutcome.extend({
  po: z.string().optional(),
  status: WirePoStatus.optional(),
  estimated_ship_date: z.string().nullable().optional(),
});
export type WirePoOutcome = z.infer<typeof WirePoOutcome>;

/** A package as Vendor.PO.Complete recorded it. */
export const WireCompletedPackage = z.object({
  shipment_id: z.int(),
  tracking_number: z.string(),
  ship_class_id: z.int().nullable(),
  carrier: z.string().nullable(),
  ship_method: z.string().nullable(),
  /** Billed weight in pounds. */
  weight: z.number().nullable(),
  /** Shipping cost in dollars. */
  cost: z.number().nullable(),
  items: z.array(z.object({ vpc: z.string(), quantity: z.int() })),
});

/** What Vendor.PO.Complete answers: the PO as it now stands and the shipments it made. */
export const WireCompletion = z.object({
  po: z.string(),
  status: WirePoStatus,
  order_ref: z.string(),
  order_status: z.string(),
  packages: z.array(WireCompletedPackage),
});
export type WireCompletion = z.infer<typeof WireCompletion>;

/** A carrier class (Constant.Ship.CarrierClass.fetch), `id` being the `ship_class_id` of packages. */
export const WireCarrierClass = z.object({ id: z.int(), name: z.string(), carrier: z.string() });
export type WireCarrierClass = z.infer<typeof WireCarrierClass>;
