/** The Drop Ship API version Dropgate serves (Drop Ship 2023-08-15, header `Optiturn-DropShip-Version`). */
export const DROP_SHIP_VERSION = "2023-08-15";

/** The version header as documented; HTTP header names are case-insensitive, Node lowercases them. */
export const VERSION_HEADER = "Optiturn-DropShip-Version";
export const VERSION_HEADER_KEY = "optiturn-dropship-version";

/** Mount prefixes on the gateway: each real Optoro host becomes a path prefix (ARCHITECTURE.md). */
export const AUTH_PREFIX = "/optoro/auth";
export const DROP_SHIP_PREFIX = "/optoro/drop-ship";
