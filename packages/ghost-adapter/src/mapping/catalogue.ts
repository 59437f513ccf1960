import type { CatalogueEntry, StockPosition } from "@dropgate/core-domain";
import type { CatalogueProduct } from "../wire/catalogue.js";

/*
 * The Rewix catalogue from Dropgate's: a product is a sku; its models are the sku's stock
 * positions in the dialect's channel (one per condition), and a model's `id` is the position id,
 * the `stock_id` of every other call. `availability` is what is still available to order after
 * every buyer's reservations and orders. Dropgate holds one price per position, so every Rewix
 * price field carries it, as a decimal; a product's price is its cheapest model's. The product id
 * is its first position's id, stable for the product's life.
 */

/** Cents as Rewix's decimal amount. */
export function toAmount(cents: number | null): number {
  return (cents ?? 0) / 100;
}

/** The latest of ISO 8601 timestamps (they sort as text). */
function latest(first: string, rest: readonly string[]): string {
  return [first, ...rest].sort().at(-1) ?? first;
}

function toModel(position: StockPosition, upc: string | null, currency: string) {
  const price = toAmount(position.priceCents);
  return {
    id: position.id,
    model: `${position.sku}/${position.condition}`,
    code: position.sku,
    barcode: upc,
    color: null,
    size: null,
    availability: Math.max(0, position.onHand - position.allocated - position.reserved),
    streetPrice: price,
    suggestedPrice: price,
    taxable: price,
    bestTaxable: price,
    currency,
    lastUpdate: position.updatedAt,
  };
}

/** One catalogue entry as a Rewix product with its models. */
export function toCatalogueProduct(entry: CatalogueEntry, currency: string): CatalogueProduct {
  const models = entry.positions.map((p) => toModel(p, entry.product.upc, currency));
  const price = models.length === 0 ? 0 : Math.min(...models.map((m) => m.taxable));
  return {
    id: entry.positions[0]?.id ?? 0,
    code: entry.product.sku,
    name: entry.product.title ?? entry.product.sku,
    brand: entry.product.brand,
    streetPrice: price,
    suggestedPrice: price,
    taxable: price,
    bestTaxable: price,
    currency,
    availability: models.reduce((sum, m) => sum + m.availability, 0),
    lastUpdate: latest(entry.productUpdatedAt, entry.positions.map((p) => p.updatedAt)),
    models,
  };
}
