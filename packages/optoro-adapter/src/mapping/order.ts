import type { Address, Order, OrderItem } from "@dropgate/core-domain";
import type { WireBillingAddress, WireShippingAddress } from "../wire/address.js";
import type { WireOrder, WireOrderItem } from "../wire/order.js";
import { omitNull } from "./omit-null.js";
import { insufficientQuantityReason } from "./shortage-reason.js";

/** Maps a core address to Optoro's billing_address. */
export function toWireBillingAddress(address: Address): WireBillingAddress {
  return omitNull({
    name: address.name,
    company: address.company,
    telephone_number: address.telephoneNumber,
    street: address.street,
    street2: address.street2,
    city: address.city,
    state: address.state,
    zip_code: address.zipCode,
    country: address.country,
  });
}

/** Maps a core address to Optoro's shipping_address (with loading_dock). */
export function toWireShippingAddress(address: Address): WireShippingAddress {
  return omitNull({ ...toWireBillingAddress(address), loading_dock: address.loadingDock });
}

/** Maps an order line; `quantity` is what the buyer ordered. */
export function toWireOrderItem(item: OrderItem): WireOrderItem {
  return omitNull({
    id: item.id,
    client_identifier: item.clientIdentifier,
    sku: item.sku,
    brand: item.brand,
    condition: item.condition,
    quantity: item.quantity.ordered,
    price_cents: item.priceCents,
    tax_cents: item.taxCents,
    shipping_cost_cents: item.shippingCostCents,
    shipping_tax_cents: item.shippingTaxCents,
    status: item.status,
    comments: item.comments,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
  });
}

/** Maps an order to Optoro's order object. */
export function toWireOrder(order: Order): WireOrder {
  return omitNull({
    id: order.id,
    client_identifier: order.clientIdentifier,
    channel: order.channel,
    billing_address: order.billingAddress ? toWireBillingAddress(order.billingAddress) : null,
    shipping_address: order.shippingAddress ? toWireShippingAddress(order.shippingAddress) : null,
    brand: order.brand,
    shipping_method: order.shippingMethod,
    status: order.status,
    price_cents: order.priceCents,
    processing_fee_cents: order.processingFeeCents,
    tax_cents: order.taxCents,
    shipping_cost_cents: order.shippingCostCents,
    shipping_tax_cents: order.shippingTaxCents,
    comments: order.comments,
    expected_delivery_date: order.expectedDeliveryDate,
    signature_required: order.signatureRequired,
    packing_slip_identifier: order.packingSlipIdentifier,
    // Optoro's example shows '' for an order that was not rejected.
    reject_reason: order.shortages.length > 0 ? insufficientQuantityReason(order.shortages) : (order.rejectReason ?? ""),
    order_items: order.items.map(toWireOrderItem),
    created_at: order.createdAt,
    updated_at: order.updatedAt,
  });
}
