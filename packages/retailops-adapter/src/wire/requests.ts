import { z } from "zod";
import { WireCount, WireDateTime, WireDollars, WireFlag, WireInt, WireNumber, WirePo, WireVendorId } from "./primitives.js";

/*
 * Request bodies, in the fields of the guide's samples (retailops-rewix.md A4). Batch calls carry
 * `records`; each record is validated on its own (see `recordsOf`) so that one bad record is
 * reported in its place and does not block the others.
 */

/** Most records (or POs) one call may carry. */
export const MAX_RECORDS_PER_CALL = 1000;

/**
 * An array whose elements the handler validates one by one with `record`; the OpenAPI document
 * still describes each element by `record` (zod merges the `items` given as metadata).
 */
export function recordsOf(record: z.ZodType) {
  const { $schema: _dialect, ...items } = z.toJSONSchema(record, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return z.array(z.unknown()).meta({ items });
}

/** Product.ExternalSku.Update~2: one vendor product's advised quantity. */
export const AdviceRecord = z.object({
  vendor_id: WireVendorId.optional(),
  vendor_name: z.string().trim().min(1).max(128).optional(),
  vpc: z.string().trim().min(1).max(128),
  quantity: WireCount,
  /** 0 takes the product off sale: it is advised as 0 available. */
  active: WireFlag.optional(),
  /** Accepted and checked; Dropgate prices listings itself and does not keep it. */
  unit_cost: WireDollars.optional(),
});
export type AdviceRecord = z.infer<typeof AdviceRecord>;

export const AdviceRequest = z.object({
  records: recordsOf(AdviceRecord),
  with_detailed_response: WireFlag.optional(),
});

const PoStatusName = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(["open", "ready", "submitted", "accepted", "complete", "cancelled"]));

/** Vendor.PO.fetch. */
export const PoFetchRequest = z.object({
  vendor_id: WireVendorId.optional(),
  start: WireCount.optional(),
  limit: WireInt.pipe(z.int().min(1, "must be at least 1")).optional(),
  status: z.union([PoStatusName, z.array(PoStatusName).min(1)]).optional(),
  with_items: WireFlag.optional(),
});
export type PoFetchRequest = z.infer<typeof PoFetchRequest>;

/** A PO record of MarkSubmitted / MarkAccepted. */
export const PoAckRecord = z.object({
  po: WirePo,
  items: z.array(z.object({ po_item_id: WireInt.pipe(z.int().min(1)), quantity: WireCount })).optional(),
});
export type PoAckRecord = z.infer<typeof PoAckRecord>;

export const PoAckRequest = z.object({ records: recordsOf(PoAckRecord) });

/** A PO record of UpdateEstShipDate. */
export const EstShipDateRecord = z.object({
  po: WirePo,
  estimated_ship_date: WireDateTime,
  items: z.array(z.object({ po_item_id: WireInt.pipe(z.int().min(1)), quantity: WireCount.optional() })).optional(),
});
export type EstShipDateRecord = z.infer<typeof EstShipDateRecord>;

export const EstShipDateRequest = z.object({ records: recordsOf(EstShipDateRecord) });

/** One package of Vendor.PO.Complete; `weight` and `cost` as the sibling shipment-completion call takes them. */
export const CompletePackage = z.object({
  ship_class_id: WireInt.pipe(z.int().min(1)),
  tracking_number: z.string().trim().min(1).max(128),
  items: z.array(z.object({ vpc: z.string().trim().min(1), quantity: WireInt.pipe(z.int().min(1, "must be at least 1")) })).min(1),
  unit_count: WireCount.optional(),
  /** Billed weight in pounds. */
  weight: WireNumber.pipe(z.number().min(0)).optional(),
  /** Shipping cost in dollars. */
  cost: WireDollars.optional(),
});

/** Vendor.PO.Complete. */
export const CompleteRequest = z.object({
  vendor_id: WireVendorId.optional(),
  po: WirePo,
  // At most 1000 packages, checked by the handler so that the refusal says the limit and the count.
  packages: z.array(CompletePackage),
});
export type CompleteRequest = z.infer<typeof CompleteRequest>;

/** Constant.Ship.CarrierClass.fetch. */
export const CarrierClassRequest = z.object({ all: WireFlag.optional() });
