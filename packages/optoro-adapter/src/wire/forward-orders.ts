import { z } from "zod";

/*
 * Forward Orders 1.0.0 request and answers (optoro.md §3), as the retailer's feed sends them.
 * Types are the spec's: identifiers, UPCs and tracking numbers are strings (a number is refused as
 * `invalid_type`: the spec's own example tracking number 2396343519220426000 is beyond what a
 * JSON number holds exactly, so accepting numbers would corrupt the values returns are matched by).
 * Optional fields may also be `null`, read as absent. Unknown fields are ignored.
 */

/** A required string: absent is `missing_field`, empty is `invalid`. */
const Text = (description: string, example: string) => z.string().min(1, "must not be empty").meta({ description, example });
/** An optional string; null is absent. */
const OptionalText = (description: string, example: string) => z.string().nullish().meta({ description, example });

/**
 * The spec's dates: "iso8601 formatted date string (YYYY-MM-DDT00:00:00)", its examples with and
 * without fraction and zone (`2023-09-11T00:00:00.000Z`, `2023-08-20T04:00:00Z`). Any ISO 8601
 * date-time is taken; one without a zone is UTC.
 */
const ForwardDate = (description: string, example: string) =>
  z.iso.datetime({ offset: true, local: true }).nullish().meta({ description, example });

/**
 * An item's identifier "Must be a unique value per item" (Forward Orders 1.0.0), and an order's
 * items are merged by it, so a second item with the same one would silently replace the first:
 * each repeat is an `invalid` error at its own identifier. (An order identifier repeated in one
 * batch is two upserts of that order, in order: the README's choice.)
 */
function uniqueIdentifiers(list: readonly { readonly identifier: string }[], ctx: z.core.$RefinementCtx): void {
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    if (seen.has(entry.identifier)) {
      ctx.addIssue({ code: "custom", message: "must be unique", path: [index, "identifier"], input: entry.identifier });
    }
    seen.add(entry.identifier);
  });
}

export const WireForwardOrderLabel = z
  .object({
    type: z.enum(["barcode", "text"]).meta({ description: "Label type, allowed values are barcode or text", example: "barcode" }),
    name: Text("Label name, used with type to add a configurable barcode or text field name", "title"),
    value: z.string().meta({ description: "The corresponding value of name", example: "10231030023" }),
  });
export type WireForwardOrderLabel = z.infer<typeof WireForwardOrderLabel>;

export const WireForwardOrderItem = z
  .object({
    identifier: Text("ID for individual item within the Order. Must be a unique value per item.", "f34d97a7-f175-4a52-9e94-405631adbb3e4"),
    upc: Text("UPC that represents the product for this order item.", "848709033673"),
    sku: Text("An identifier which matches the client catalog and represents the product for this order item.", "0123445667A"),
    quantity: z.int().min(1, "must be at least 1").meta({ description: "The number of units within the order for each SKU (or UPC).", example: 2 }),
    tracking_number: OptionalText("The tracking number for the package containing this order item.", "1Z999AA10123456784"),
    reverse_tracking_number: OptionalText("The return tracking number for the package containing this order item.", "2396343519220426000"),
    dropship_identifier: OptionalText("ID used to track item that was drop-shipped.", "1872"),
    shipped_date: ForwardDate("When the order was shipped (ISO 8601).", "2023-08-20T04:00:00Z"),
    return_policy_end_date: ForwardDate("When the order item is no longer eligible for return (ISO 8601).", "2023-08-15T04:00:00Z"),
    labels: z
      .array(WireForwardOrderLabel)
      .nullish()
      .meta({ description: "Optional, labels used for clients to be able to print a custom barcode from the rework tool." }),
  });
export type WireForwardOrderItem = z.infer<typeof WireForwardOrderItem>;

export const WireForwardOrder = z
  .object({
    identifier: Text("A unique order identifier for this order. Must be a unique value per order.", "1193Z93LL"),
    concept: OptionalText("The 'concept' or 'brand' the order was placed from.", "Best Brand"),
    postal_code: OptionalText("The postal / zip code portion of the order's shipping address.", "55127"),
    created_at: ForwardDate("When the order was created (ISO 8601).", "2023-09-11T00:00:00.000Z"),
    items: z
      .array(WireForwardOrderItem)
      .min(1, "must list at least one item")
      .superRefine(uniqueIdentifiers)
      .meta({ description: "An array of order items in the order; item identifiers are unique within it." }),
  });
export type WireForwardOrder = z.infer<typeof WireForwardOrder>;

/** `POST /forward_orders` body: `{"orders": [Order, …]}`. */
export const ForwardOrdersRequest = z
  .object({
    orders: z
      .array(WireForwardOrder)
      .min(1, "must list at least one order")
      .meta({ description: "An array with one or more forward orders. Optoro recommends batches of at most 10 KB; Dropgate takes up to 256 KiB." }),
  });
export type ForwardOrdersRequest = z.infer<typeof ForwardOrdersRequest>;

/** 200: `{"message": "Success"}`. */
export const ForwardOrdersSuccess = z.object({ message: z.literal("Success") });

/** The codes of a Forward Orders validation error. */
export const ForwardOrderErrorCode = z.enum(["missing_field", "invalid_type", "invalid_format", "invalid"]);
export type ForwardOrderErrorCode = z.infer<typeof ForwardOrderErrorCode>;

/** 422: every validation error of the batch, each with its slash-separated JSON path. */
export const ForwardOrdersValidationFailed = z.object({
  message: z.literal("Validation Failed"),
  errors: z.array(
    z.object({
      field: z.string().meta({ example: "orders/1/items/0/sku" }),
      code: ForwardOrderErrorCode,
    }),
  ),
});
export type ForwardOrdersValidationFailed = z.infer<typeof ForwardOrdersValidationFailed>;
