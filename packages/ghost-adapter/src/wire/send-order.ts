import { z } from "zod";
import { fromRewixDate } from "../mapping/rewix-date.js";
import { OptionalText, requiredText, WireBoolean, WireId, WireInt, WireQuantity, WireText } from "./primitives.js";

/** `yyyy/MM/dd HH:mm:ss Z` with an RFC 822 offset such as `+0000` (the sign may be left out). */
export const RewixDate = WireText.pipe(
  z.string().regex(/^\d{4}\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d [+-]?\d{4}$/, {
    error: "expected yyyy/MM/dd HH:mm:ss Z, e.g. 2017/01/31 23:59:59 +0000",
  }).refine((text) => fromRewixDate(text) !== null, { error: "not a date of the calendar" }),
);

export const RewixAddress = z.object({
  street_type: OptionalText,
  street_name: requiredText(256),
  address_number: OptionalText,
  zip: requiredText(32),
  city: requiredText(256),
  province: OptionalText,
  // "shipping country code using the ISO 3166-1 alpha-2 standard" (Rewix send order).
  countrycode: requiredText(2).pipe(z.string().regex(/^[A-Za-z]{2}$/, { error: "expected an ISO 3166-1 alpha-2 country code, e.g. IT" })),
});

export const RewixPhone = z.object({ prefix: OptionalText, number: OptionalText });

export const RecipientDetails = z.object({
  recipient: requiredText(256),
  careof: OptionalText,
  cfpiva: OptionalText,
  customer_key: OptionalText,
  notes: OptionalText,
  email: OptionalText,
  address: RewixAddress,
  // An empty phone (`<phone/>`, `{}`) is no phone, so XML and JSON spellings validate alike.
  phone: RewixPhone.optional().transform((p) => (p?.prefix === undefined && p?.number === undefined ? undefined : p)),
});

export const SendOrderItem = z.object({ stock_id: WireId, quantity: WireQuantity.pipe(z.int().min(1, "expected 1 or more")) });

/** An empty `carrierId` (`<carrierId/>`, `""`) is no carrier: the default one is assigned. */
const CarrierId = z
  .union([WireInt, z.literal(""), z.null()])
  .optional()
  .transform((v) => (v === "" || v === null || v === undefined ? undefined : v));

export const SendOrder = z.object({
  key: requiredText(128),
  date: RewixDate,
  carrierId: CarrierId,
  recipient_details: RecipientDetails,
  item_list: z.array(SendOrderItem).min(1, "an order needs at least one item").max(1000),
  /** true or omitted: confirm when the conditions are met; false: never confirm by itself. */
  autoConfirm: WireBoolean.optional(),
});
export type SendOrder = z.output<typeof SendOrder>;

/** `POST /ghost/orders/0/dropshipping` body; a root `order_id` (some clients send one) is ignored. */
export const SendOrderRequest = z.object({
  order_id: z.unknown().optional(),
  order_list: z.array(SendOrder).min(1, "order_list needs at least one order").max(100),
});
export type SendOrderRequest = z.output<typeof SendOrderRequest>;
export type SendOrderRequestInput = z.input<typeof SendOrderRequest>;

/** Send order answer: the remaining reservation and the new order's id. */
export { ReservationBody as SendOrderBody } from "./reservation.js";
