import { createHash } from "node:crypto";
import type { AddressInput, DropshipOrderInput } from "@dropgate/core-domain";
import type { SendOrder } from "../wire/send-order.js";

/*
 * A Rewix order onto Dropgate's order. The recipient becomes the shipping address vendors see on
 * the PO: the street joins street_type, street_name and address_number (clients put the number in
 * either), `careof` goes on the second line, the phone joins prefix and number. The whole
 * recipient_details are kept verbatim in the order's attributes.
 */

/** The recipient as a Dropgate address. */
export function toShippingAddress(order: SendOrder): AddressInput {
  const { recipient_details: r } = order;
  const street = [r.address.street_type, r.address.street_name, r.address.address_number].filter((s) => s !== undefined).join(" ");
  const phone = [r.phone?.prefix, r.phone?.number].filter((s) => s !== undefined).join(" ");
  return {
    name: r.recipient,
    company: null,
    telephoneNumber: phone === "" ? null : phone.slice(0, 64),
    street: street.slice(0, 512),
    street2: r.careof === undefined ? null : `c/o ${r.careof}`.slice(0, 512),
    city: r.address.city,
    state: r.address.province ?? null,
    zipCode: r.address.zip,
    country: r.address.countrycode.toUpperCase(),
  };
}

/**
 * What makes two sends "the same order": the validated order (so its XML and JSON spellings
 * agree, and extra fields the spec does not name do not count), hashed.
 */
export function orderFingerprint(order: SendOrder): string {
  return createHash("sha256").update(JSON.stringify(order)).digest("base64url");
}

/** The use-case input for one order of the list. */
export function toDropshipOrderInput(clientId: number, channel: string, order: SendOrder): DropshipOrderInput {
  return {
    clientId,
    key: order.key,
    fingerprint: orderFingerprint(order),
    channel,
    items: order.item_list.map((item) => ({ positionId: item.stock_id, quantity: item.quantity })),
    carrierId: order.carrierId ?? null,
    autoConfirm: order.autoConfirm ?? true,
    shippingAddress: toShippingAddress(order),
    attributes: { rewix: { date: order.date, recipient_details: order.recipient_details } },
  };
}
