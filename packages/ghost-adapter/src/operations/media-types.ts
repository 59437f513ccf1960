/** The two formats Rewix speaks on every call. */
export type Format = "xml" | "json";

export const XML = "application/xml";
export const JSON_TYPE = "application/json";

/** The media type of each format. */
export const MEDIA_TYPES: Readonly<Record<Format, string>> = { xml: XML, json: JSON_TYPE };

/** Both, XML first: the answer when Accept is absent or a wildcard (Rewix's default is XML). */
export const BOTH = [XML, JSON_TYPE] as const;
