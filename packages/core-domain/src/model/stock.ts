import { z } from "zod";
import { Cents, Channel, Id, ListingCondition, Quantity, Sku, Timestamp } from "./primitives.js";

export const StockKind = z.enum(["unit", "lot"]);
export type StockKind = z.infer<typeof StockKind>;

export const ManifestItem = z.object({
  identifier: z.string().min(1),
  itemTitle: z.string(),
  condition: z.string().nullable().default(null),
  manufacturer: z.string().nullable().default(null),
  upc: z.string(),
  sku: z.string(),
});
export type ManifestItem = z.infer<typeof ManifestItem>;

/** What a lot (a pallet sold whole) contains. */
export const LotDetails = z.object({
  warehouseName: z.string().nullable().default(null),
  templateName: z.string(),
  photoUrls: z.array(z.string()).default([]),
  weight: z.number().min(0),
  manifestItems: z.array(ManifestItem).default([]),
});
export type LotDetails = z.infer<typeof LotDetails>;

/** Identifies a stock position. */
export const PositionKey = z.object({ sku: Sku, condition: ListingCondition, channel: Channel });
export type PositionKey = z.infer<typeof PositionKey>;

/** Quantities of one (sku, condition, channel); available = onHand − allocated − reserved. */
export const StockPosition = PositionKey.extend({
  id: Id,
  kind: StockKind,
  onHand: Quantity,
  allocated: Quantity,
  reserved: Quantity,
  priceCents: Cents.nullable(),
  lot: LotDetails.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type StockPosition = z.infer<typeof StockPosition>;

/** Units that can still be promised to a buyer. */
export function availableOf(p: Pick<StockPosition, "onHand" | "allocated" | "reserved">): number {
  return p.onHand - p.allocated - p.reserved;
}
