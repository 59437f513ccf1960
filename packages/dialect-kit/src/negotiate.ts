/*
 * Content negotiation by Accept (RFC 9110 §12.5.1), in one place for every dialect: the
 * offered media type with the highest q wins, ties going to the more specific range and then
 * to the operation's own order; q=0 refuses a type. No Accept at all means the default.
 */

interface AcceptRange {
  readonly type: string;
  readonly subtype: string;
  readonly q: number;
}

function parseAccept(header: string): AcceptRange[] {
  const ranges: AcceptRange[] = [];
  for (const entry of header.split(",")) {
    const [range, ...params] = entry.split(";");
    const [type, subtype] = (range ?? "").trim().toLowerCase().split("/");
    if (type === undefined || type === "" || subtype === undefined || subtype === "") continue;
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split("=").map((part) => part.trim().toLowerCase());
      if (name === "q" && value !== undefined) {
        const parsed = Number(value);
        if (Number.isFinite(parsed)) q = Math.min(1, Math.max(0, parsed));
      }
    }
    ranges.push({ type, subtype, q });
  }
  return ranges;
}

function specificity(range: AcceptRange): number {
  if (range.type === "*") return 0;
  return range.subtype === "*" ? 1 : 2;
}

/**
 * The media type to answer in: the best of `offered` for the Accept header, `fallback` when
 * there is no Accept header, undefined when nothing offered is acceptable (406).
 */
export function negotiateMediaType(
  accept: string | undefined,
  offered: readonly string[],
  fallback: string,
): string | undefined {
  if (accept === undefined || accept.trim() === "") return fallback;
  const ranges = parseAccept(accept);
  if (ranges.length === 0) return fallback;
  let best: { readonly mediaType: string; readonly q: number } | undefined;
  for (const mediaType of offered) {
    const [type, subtype] = mediaType.split("/");
    let match: AcceptRange | undefined;
    for (const range of ranges) {
      const fits =
        (range.type === "*" || range.type === type) && (range.subtype === "*" || range.subtype === subtype);
      if (fits && (match === undefined || specificity(range) > specificity(match))) match = range;
    }
    if (match === undefined || match.q === 0) continue;
    if (best === undefined || match.q > best.q) best = { mediaType, q: match.q };
  }
  return best?.mediaType;
}
