import { availableOf, type LotDetails, type ManifestItem, type StockPosition } from "@dropgate/core-domain";
import type { WireListing, WireLot, WireManifestItem } from "../wire/listing.js";
import { omitNull } from "./omit-null.js";

/*
 * A listing is a stock position seen by a buyer: `identifier` is the sku (or lot name),
 * `quantity` what can still be promised (available = on hand − allocated − reserved), and `lot`
 * is present only for lot positions (optoro.md §2.3).
 */

function toWireManifestItem(item: ManifestItem): WireManifestItem {
  return omitNull({
    identifier: item.identifier,
    item_title: item.itemTitle,
    condition: item.condition,
    manufacturer: item.manufacturer,
    upc: item.upc,
    sku: item.sku,
  });
}

function toWireLot(lot: LotDetails, position: StockPosition): WireLot {
  return omitNull({
    warehouse_name: lot.warehouseName,
    template_name: lot.templateName,
    photo_urls: lot.photoUrls,
    weight: lot.weight,
    manifest_items: lot.manifestItems.map(toWireManifestItem),
    created_at: position.createdAt,
    updated_at: position.updatedAt,
  });
}

/**
 * The quantity a listing shows. A lot is sold whole, so its listing shows 1 while it can be
 * ordered and 0 once it is taken ("always 1 for lots" describes an available lot).
 */
export function listingQuantity(position: StockPosition): number {
  const available = Math.max(0, availableOf(position));
  return position.kind === "lot" ? Math.min(available, 1) : available;
}

/** Maps a stock position to Optoro's listing object. */
export function toWireListing(position: StockPosition): WireListing {
  const listing: WireListing = {
    identifier: position.sku,
    condition: position.condition,
    channel: position.channel,
    quantity: listingQuantity(position),
    created_at: position.createdAt,
    updated_at: position.updatedAt,
  };
  if (position.kind === "lot") {
    // A lot position whose details were never recorded still shows as a lot, with an empty manifest.
    const lot = position.lot ?? { warehouseName: null, templateName: "", photoUrls: [], weight: 0, manifestItems: [] };
    return { ...listing, lot: toWireLot(lot, position) };
  }
  return listing;
}
