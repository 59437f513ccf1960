import type { AddressInput, PlaceOrderInput } from "@dropgate/core-domain";
import type { BillingAddressRequest, ShippingAddressRequest } from "../wire/address.js";
import type { OrderItemRequest, OrderRequest } from "../wire/order-request.js";
import { isDeliverableAddress } from "./us-address.js";

/*
 * order-2 → the spine's PlaceOrderInput. Optoro fills all or nothing (a short line rejects the
 * whole order, §2.6) and asks for payment only for lot orders (pending_payment, §2.8).
 * Two things reject an order as sent (200 rejected, stored, nothing taken), in Optoro's words
 * (§2.6 examples): asking to pay later for an order without a lot, and a shipping address that
 * cannot be shipped to.
 */

/** Optoro's reason for `payment_status: pending` on an order that holds no lot. */
export const PENDING_PAYMENT_REFUSED = "Order cannot be marked as pending payment";
/** Optoro's reason for a shipping address that fails the offline checks. */
export const INVALID_SHIPPING_ADDRESS = "Invalid shipping address";

/** Maps a request address to a core address. */
export function toCoreAddress(address: BillingAddressRequest | ShippingAddressRequest): AddressInput {
  return {
    name: address.name,
    company: address.company ?? null,
    telephoneNumber: address.telephone_number,
    street: address.street,
    street2: address.street2 ?? null,
    city: address.city,
    state: address.state,
    zipCode: address.zip_code,
    country: address.country ?? null,
    loadingDock: "loading_dock" in address ? (address.loading_dock ?? null) : null,
  };
}

function toItemInput(item: OrderItemRequest): PlaceOrderInput["items"][number] {
  return {
    ref: { sku: item.sku, condition: item.condition },
    quantity: item.quantity,
    clientIdentifier: item.client_identifier ?? null,
    brand: item.brand ?? null,
    ...(item.price_cents === undefined ? {} : { priceCents: item.price_cents }),
    ...(item.tax_cents === undefined ? {} : { taxCents: item.tax_cents }),
    ...(item.shipping_cost_cents === undefined ? {} : { shippingCostCents: item.shipping_cost_cents }),
    ...(item.shipping_tax_cents === undefined ? {} : { shippingTaxCents: item.shipping_tax_cents }),
    comments: item.comments ?? null,
  };
}

/** What `payment_status` makes of the order: its payment mode, or a refusal. */
function paymentOf(order: OrderRequest): { payment: PlaceOrderInput["payment"]; refusalWithoutLot?: string } {
  switch (order.payment_status) {
    case "pending":
    case "pending_payment":
      // Only a lot order may wait for payment; the spine knows the lines' kinds once it reads them.
      return { payment: "lots", refusalWithoutLot: PENDING_PAYMENT_REFUSED };
    case "complete":
      return { payment: "none" };
    default:
      return { payment: "lots" };
  }
}

/**
 * Maps a validated order-2 of an authenticated buyer to the spine's order input. A payment refusal
 * (`payment_status: pending` without a lot line) wins over an undeliverable address.
 */
export function toPlaceOrderInput(clientId: number, order: OrderRequest): PlaceOrderInput {
  const { payment, refusalWithoutLot } = paymentOf(order);
  const refusal = isDeliverableAddress(order.shipping_address) ? undefined : INVALID_SHIPPING_ADDRESS;
  return {
    clientId,
    clientIdentifier: order.client_identifier,
    channel: order.channel,
    fill: "all_or_nothing",
    payment,
    ...(refusal === undefined ? {} : { refusal }),
    ...(refusalWithoutLot === undefined ? {} : { refusalWithoutLot }),
    items: order.order_items.map(toItemInput),
    billingAddress: toCoreAddress(order.billing_address),
    shippingAddress: toCoreAddress(order.shipping_address),
    brand: order.brand,
    shippingMethod: order.shipping_method,
    priceCents: order.price_cents,
    processingFeeCents: order.processing_fee_cents ?? 0,
    taxCents: order.tax_cents,
    shippingCostCents: order.shipping_cost_cents,
    shippingTaxCents: order.shipping_tax_cents,
    comments: order.comments ?? null,
    expectedDeliveryDate: order.expected_delivery_date ?? null,
    signatureRequired: order.signature_required ?? null,
    packingSlipIdentifier: order.packing_slip_identifier ?? null,
  };
}
