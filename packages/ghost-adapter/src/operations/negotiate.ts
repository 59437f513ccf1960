/*
 * Rewix speaks XML and JSON on every call (reference B2): the answer follows `Accept`, XML when
 * it is absent or a wildcard; the request body follows `Content-Type`. A `.json` / `.xml` path
 * suffix fixes the answer's format whatever `Accept` says (clients fetch products.json with an
 * XML Accept and parse JSON).
 */

export type Format = "xml" | "json";

export const MEDIA_TYPES: Readonly<Record<Format, string>> = { xml: "application/xml", json: "application/json" };

const FORMAT_OF: Readonly<Record<string, Format | "any">> = {
  "application/xml": "xml",
  "text/xml": "xml",
  "application/json": "json",
  "text/json": "json",
  "*/*": "any",
  "application/*": "any",
  "text/*": "any",
};

/** The answer's format for an `Accept` header (q-values honoured), or null when none can be served. */
export function negotiateFormat(accept: string | undefined): Format | null {
  if (accept === undefined || accept.trim() === "") return "xml";
  const ranges = accept
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith("q="));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)), index };
    })
    .filter((r) => r.type !== "" && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const range of ranges) {
    const format = FORMAT_OF[range.type];
    if (format === "any") return "xml";
    if (format !== undefined) return format;
  }
  return null;
}

/** The body's format from `Content-Type`; undefined when the type is neither XML nor JSON. */
export function bodyFormat(contentType: string | undefined): Format | undefined {
  const essence = contentType?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  if (essence === "application/xml" || essence === "text/xml" || essence.endsWith("+xml")) return "xml";
  if (essence === "application/json" || essence.endsWith("+json")) return "json";
  return undefined;
}
