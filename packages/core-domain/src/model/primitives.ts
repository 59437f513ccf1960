import { z } from "zod";

/** Inventory channel (disposition) name; open set, the drop-ship default is `rts_drop_ship`. */
export const Channel = z.string().min(1).max(64);
export type Channel = z.infer<typeof Channel>;
export const DEFAULT_CHANNEL = "rts_drop_ship";
export const KNOWN_CHANNELS = [
  "b2b", "d2c", "client_liquidation", "destroy", "dispose", "donate", "outlets",
  "recycle", "removed", "rts", "rts_drop_ship", "rtv", "stock_transfer",
] as const;

/** Condition codes of listings and order items. */
export const ListingCondition = z.enum(["N", "A", "B", "R"]);
export type ListingCondition = z.infer<typeof ListingCondition>;

/** Condition codes of units; the disposition contract adds TT, C and X. */
export const Condition = z.enum(["N", "A", "B", "R", "TT", "C", "X"]);
export type Condition = z.infer<typeof Condition>;

export const Cents = z.int().min(0);
export const SignedCents = z.int();
export const Quantity = z.int().min(0);
export const PositiveQuantity = z.int().min(1);
export const Id = z.int().min(1);

/** UTC ISO 8601 timestamp with milliseconds, e.g. 2026-11-22T14:03:45.123Z. */
export const Timestamp = z.iso.datetime();
export type Timestamp = z.infer<typeof Timestamp>;

export const Sku = z.string().min(1).max(128);
