/*
 * Rewix writes instants as `yyyy/MM/dd HH:mm:ss Z` with an RFC 822 offset (`2017/01/31 23:59:59
 * +0000`). Dropgate keeps UTC, so it always answers `+0000`; it reads any offset.
 */

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** A UTC ISO 8601 timestamp in Rewix's format, at +0000. */
export function toRewixDate(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** A Rewix date (already checked against its pattern) as a UTC ISO 8601 timestamp, or null if it names no real instant. */
export function fromRewixDate(text: string): string | null {
  const m = /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2}) ([+-]?)(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, sign, oh, om] = m;
  const local = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  const check = new Date(local);
  if (check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1) return null;
  const offset = (sign === "-" ? -1 : 1) * (Number(oh) * 60 + Number(om)) * 60_000;
  return new Date(local - offset).toISOString();
}
