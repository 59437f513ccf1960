/** The Drop Ship API version Dropgate serves (Drop Ship 2023-08-15, header `Optiturn-DropShip-Version`). */
export const DROP_SHIP_VERSION = "2023-08-15";

/** The version header as documented; HTTP header names are case-insensitive, Node lowercases them. */
export const VERSION_HEADER = "Optiturn-DropShip-Version";
export const VERSION_HEADER_KEY = "optiturn-dropship-version";

/** Mount prefixes on the gateway: each real Optoro host becomes a path prefix (ARCHITECTURE.md). */
export const AUTH_PREFIX = "/optoro/auth";
export const DROP_SHIP_PREFIX = "/optoro/drop-ship";
export const FORWARD_ORDERS_PREFIX = "/optoro/orders";

/** Forward Orders 1.0.0 (deprecated by Optoro, still served: retailers' feeds are built on it). */
export const FORWARD_ORDERS_VERSION = "1.0.0";
/**
 * The largest Forward Orders body Dropgate reads. Optoro recommends batches of at most 10 KB;
 * Dropgate takes 25 times that (a few hundred orders) so a feed that batches loosely still lands,
 * and answers 413 above it.
 */
export const FORWARD_ORDERS_BODY_LIMIT_BYTES = 256 * 1024;
