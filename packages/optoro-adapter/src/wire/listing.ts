import { z } from "zod";
import { NextPage } from "./next-page.js";
import { WireCondition, WireTimestamp } from "./primitives.js";

/**
 * Listing objects as Drop Ship 2023-08-15 shows them (6.0 `listing`, `lot`, `manifest_item`;
 * the 2023-08-15 sample carries no program/category/vendor fields on manifest items, §2.1).
 * Optional fields are omitted rather than null: Optoro's schemas declare none as nullable.
 */

/** One unit inside a lot. */
export const WireManifestItem = z.strictObject({
  identifier: z.string().meta({ description: "Unit identifier (the license plate)", example: "ITEM-PTAA760-1" }),
  item_title: z.string(),
  condition: z.string().optional().meta({ description: "Free-text condition, e.g. new" }),
  manufacturer: z.string().optional(),
  upc: z.string(),
  sku: z.string(),
});
export type WireManifestItem = z.infer<typeof WireManifestItem>;

/** What a lot listing contains. */
export const WireLot = z.strictObject({
  warehouse_name: z.string().optional(),
  template_name: z.string(),
  photo_urls: z.array(z.string()).optional(),
  weight: z.number().min(0).meta({ description: "Weight of the lot in pounds" }),
  manifest_items: z.array(WireManifestItem),
  created_at: WireTimestamp,
  updated_at: WireTimestamp,
});
export type WireLot = z.infer<typeof WireLot>;

/** A listing: one sku (or lot name) in one condition on one channel. */
export const WireListing = z.strictObject({
  identifier: z.string().meta({ description: "SKU or lot name; sent back as order_items[].sku", example: "S11727" }),
  condition: WireCondition,
  channel: z.string().meta({ example: "rts_drop_ship" }),
  quantity: z.int().min(0).meta({ description: "Units or lots available; 1 for an available lot" }),
  lot: WireLot.optional(),
  created_at: WireTimestamp,
  updated_at: WireTimestamp,
});
export type WireListing = z.infer<typeof WireListing>;

/** GET /listings 200 body. */
export const ListingsPage = z.strictObject({ listings: z.array(WireListing), next_page: NextPage });
export type ListingsPage = z.infer<typeof ListingsPage>;

/** GET /listings/{id} 200 body. */
export const ListingEnvelope = z.strictObject({ listing: WireListing });
export type ListingEnvelope = z.infer<typeof ListingEnvelope>;

/** PUT /listings/{id} request body; all three are required by Dropgate (the spec marks none). */
export const ListingQuantityUpdate = z.object({
  condition: WireCondition,
  channel: z.string().min(1).max(64).optional().meta({ description: "Inventory channel name; may be left out when the sku is on one channel only" }),
  quantity: z.int().min(0).meta({ description: "The new available quantity; only downwards" }),
});
export type ListingQuantityUpdate = z.infer<typeof ListingQuantityUpdate>;

/** PUT /listings/{id} 200 body. */
export const ListingUpdatedBody = z.strictObject({ message: z.literal("Listing quantity updated") });
export type ListingUpdatedBody = z.infer<typeof ListingUpdatedBody>;
