import {
  availableOf,
  buyerCapsOn,
  type LotDetails,
  type ManifestItem,
  type StockPosition,
  type StorageReader,
  visibleQuantity,
} from "@dropgate/core-domain";
import type { WireListing, WireLot, WireManifestItem } from "../wire/listing.js";
import { omitNull } from "./omit-null.js";

/*
 * A listing is a stock position seen by a buyer: `identifier` is the sku (or lot name),
 * `quantity` what can still be promised (available = on hand − allocated − reserved), and `lot`
 * is present only for lot positions (optoro.md §2.3). A buyer's own give-back (its cap) lowers
 * what that buyer's listing shows, and only that buyer's.
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
 * The quantity a listing shows, under the buyer's cap when it has one. A lot is sold whole, so
 * its listing shows 1 while it can be ordered and 0 once it is taken ("always 1 for lots"
 * describes an available lot).
 */
export function listingQuantity(position: StockPosition, cap?: number): number {
  const available = visibleQuantity(availableOf(position), cap);
  return position.kind === "lot" ? Math.min(available, 1) : available;
}

/** Maps a stock position to Optoro's listing object, as the buyer with `cap` on it sees it. */
export function toWireListing(position: StockPosition, cap?: number): WireListing {
  const listing: WireListing = {
    identifier: position.sku,
    condition: position.condition,
    channel: position.channel,
    quantity: listingQuantity(position, cap),
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

/** A page of positions as one buyer's listings: its caps on them are read in one statement. */
export function toBuyerListings(reader: StorageReader, clientId: number, positions: readonly StockPosition[]): WireListing[] {
  const caps = buyerCapsOn(reader, clientId, positions);
  return positions.map((position) => toWireListing(position, caps.get(position.id)));
}
