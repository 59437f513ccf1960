import { z } from "zod";

/*
 * RetailOps clients send numbers as they come: `"quantity":12` or `"quantity":"12"` (CSV cells
 * sent as they are, retailops-rewix.md A4.1), `"vendor_id":27` or `"27"`, flags as 1, "1",
 * true. Each primitive accepts both spellings and hands the handler one type.
 */

/** An integer, or a string of digits (surrounding blanks allowed), as a number. */
export const WireInt = z.union([
  z.int(),
  z
    .string()
    .trim()
    .regex(/^-?\d{1,15}$/, "expected an integer or a string of digits")
    .transform(Number),
]);

/** A count: a non-negative WireInt. */
export const WireCount = WireInt.pipe(z.int().min(0, "must not be negative"));

/** A decimal number, or a numeric string, as a number. */
export const WireNumber = z.union([
  z.number(),
  z
    .string()
    .trim()
    .regex(/^-?\d{1,12}(\.\d+)?$/, "expected a number or a numeric string")
    .transform(Number),
]);

/** Money in dollars (RetailOps `unit_cost: 1100.25`, package `cost: 7.1`) as integer cents. */
export const WireDollars = WireNumber.pipe(z.number().min(0, "must not be negative")).transform((dollars) => Math.round(dollars * 100));

/** A flag: true/false, 1/0, "1"/"0", "true"/"false". */
export const WireFlag = z.union([
  z.boolean(),
  z.literal([0, 1]).transform((n) => n === 1),
  z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["0", "1", "true", "false"]))
    .transform((s) => s === "1" || s === "true"),
]);

/** A vendor id, numeric or string (`27` or `"27"`), as Dropgate's string form. */
export const WireVendorId = z.union([z.int().min(0), z.string().trim().min(1).max(64)]).transform(String);

/** A UTC ISO 8601 instant as RetailOps shows it, e.g. `2015-07-02T14:47:47Z` (offsets accepted on input). */
export const WireDateTime = z.preprocess(
  // RetailOps' own client writes offsets without a colon (`2015-01-02T00:00:00+0000`, reference §A4.4).
  (value) => (typeof value === "string" ? value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2") : value),
  z.iso.datetime({ offset: true }),
);

/** A PO number as Dropgate issues it: `D` and digits (`D123`). */
export const WirePo = z.string().trim().min(1).max(32);
