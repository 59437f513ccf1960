import { z } from "zod";

/*
 * Addresses on the wire. Requests use Optoro's `billing_address-2` / `shipping_address-2`
 * (name, telephone_number, street, city, state, zip_code required); answers use `billing_address`
 * / `shipping_address` without ids or timestamps, which Dropgate does not keep per address.
 * Length limits are core-domain's `Address` limits, so a valid request never fails deeper in.
 */

const required = (max: number) => z.string().trim().min(1).max(max);
const optional = (max: number) => z.string().max(max).optional();

/** billing_address-2: an address in an order request. */
export const BillingAddressRequest = z.object({
  name: required(256),
  company: optional(256),
  telephone_number: required(64),
  street: required(512),
  street2: optional(512),
  city: required(256),
  state: required(128),
  zip_code: required(32),
  country: optional(64),
});
export type BillingAddressRequest = z.infer<typeof BillingAddressRequest>;

/** shipping_address-2: billing_address-2 plus `loading_dock` (a forklift is needed). */
export const ShippingAddressRequest = BillingAddressRequest.extend({ loading_dock: z.boolean().optional() });
export type ShippingAddressRequest = z.infer<typeof ShippingAddressRequest>;

/** billing_address as answered. */
export const WireBillingAddress = z.strictObject({
  name: z.string(),
  company: z.string().optional(),
  telephone_number: z.string().optional(),
  street: z.string(),
  street2: z.string().optional(),
  city: z.string(),
  state: z.string().optional(),
  zip_code: z.string(),
  country: z.string().optional(),
});
export type WireBillingAddress = z.infer<typeof WireBillingAddress>;

/** shipping_address as answered. */
export const WireShippingAddress = WireBillingAddress.extend({ loading_dock: z.boolean().optional() });
export type WireShippingAddress = z.infer<typeof WireShippingAddress>;
