import type { Address, Order, PurchaseOrder, StorageReader } from "@dropgate/core-domain";
import type { WirePoItem, WirePurchaseOrder, WireShipAddress } from "../wire/records.js";

/** A core address as a RetailOps ship_address. */
function toShipAddress(address: Address): WireShipAddress {
  return {
    addressee: address.name,
    company: address.company,
    address1: address.street,
    address2: address.street2,
    city: address.city,
    state_abbr: address.state,
    postal_code: address.zipCode,
    country: address.country,
    phone_number: address.telephoneNumber,
  };
}

/** Dollars from cents, for RetailOps' money fields. */
export function dollars(cents: number): number {
  return Math.round(cents) / 100;
}

/** A PO as Vendor.PO.fetch answers it, with the ship-to and reference of the buyer's order. */
export function toWirePurchaseOrder(
  reader: StorageReader,
  po: PurchaseOrder,
  order: Order,
  withItems: boolean,
  titles: Map<string, string | null> = new Map(),
): WirePurchaseOrder {
  const lines = new Map(order.items.map((item) => [item.id, item]));
  const wire: WirePurchaseOrder = {
    po: po.po,
    id: po.id,
    vendor_id: po.vendorId,
    status: po.status,
    date_submit: po.dateSubmit,
    date_created: po.createdAt,
    date_updated: po.updatedAt,
    estimated_ship_date: po.estimatedShipDate,
    order_ref: order.clientIdentifier,
    channel_name: order.channel,
    ship_service: { name: order.shippingMethod },
    ship_address: order.shippingAddress === null ? null : toShipAddress(order.shippingAddress),
  };
  if (!withItems) return wire;
  const items = po.items.map((item): WirePoItem => {
    const line = lines.get(item.orderItemId);
    const perUnit = line && line.quantity.ordered > 0 ? line.priceCents / line.quantity.ordered : 0;
    return {
      po_item_id: item.poItemId,
      vpc: item.vpc,
      sku: item.sku,
      description: titleOf(reader, item.sku, titles),
      quantity: item.quantity.ordered,
      quantity_acknowledged: item.quantity.acknowledged,
      quantity_cancelled: item.quantity.cancelled,
      quantity_shipped: item.quantity.shipped,
      unit_cost: dollars(perUnit),
    };
  });
  return { ...wire, items };
}

/** A product's title, read once per sku for a whole page of POs. */
function titleOf(reader: StorageReader, sku: string, titles: Map<string, string | null>): string | null {
  if (!titles.has(sku)) titles.set(sku, reader.getProduct(sku)?.title ?? null);
  return titles.get(sku) ?? null;
}
