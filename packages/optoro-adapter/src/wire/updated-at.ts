/*
 * `updated_at` is "ISO 8601 format, UTC" with the spec's example `2023-01-01T17:27:46` carrying
 * no zone (Drop Ship 2023-08-15, List listings): a value without a zone is read as UTC, a value
 * with `Z` or an offset is honoured, and a date alone means midnight UTC.
 */

const ISO_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;

/** Parses an `updated_at` value; null when it is not a real ISO 8601 date-time. */
export function parseUpdatedAt(raw: string): Date | null {
  const m = ISO_DATE_TIME.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone = "Z"] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  const millis = Number(frac.padEnd(3, "0").slice(0, 3));
  let epoch = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (zone.toUpperCase() !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    const digits = zone.slice(1).replace(":", "");
    const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    if (offsetMinutes > 18 * 60) return null;
    epoch -= sign * offsetMinutes * 60_000;
  }
  const date = new Date(epoch);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The earliest `updated_at` accepted at `now`: three calendar months back (spec: "should not be older than 3 months"). */
export function oldestUpdatedAt(now: Date): Date {
  const limit = new Date(now.getTime());
  const day = limit.getUTCDate();
  limit.setUTCDate(1);
  limit.setUTCMonth(limit.getUTCMonth() - 3);
  const daysInMonth = new Date(Date.UTC(limit.getUTCFullYear(), limit.getUTCMonth() + 1, 0)).getUTCDate();
  limit.setUTCDate(Math.min(day, daysInMonth));
  return limit;
}
