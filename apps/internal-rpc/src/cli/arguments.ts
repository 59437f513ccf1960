import { InvalidArgumentError } from "commander";

/** Parses an integer argument or option value. */
export function integer(value: string): number {
  if (!/^[+-]?\d+$/.test(value)) throw new InvalidArgumentError("expected an integer");
  return Number(value);
}

/** Parses a non-negative integer. */
export function count(value: string): number {
  const n = integer(value);
  if (n < 0) throw new InvalidArgumentError("expected 0 or more");
  return n;
}

/** A client named by id (all digits) or by name. */
export function clientRef(value: string): number | string {
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** A PO by number (`D12`) or id (`12`). */
export function poRef(value: string): number | string {
  if (/^\d+$/.test(value)) return Number(value);
  if (/^D\d+$/i.test(value)) return value.toUpperCase();
  throw new InvalidArgumentError("expected a PO number like D12 or an id");
}

/** An ISO date or date-time, normalised to a UTC timestamp. */
export function timestamp(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidArgumentError("expected a date such as 2026-11-22 or 2026-11-22T14:00:00Z");
  return date.toISOString();
}

/** `on`/`off` (or true/false, yes/no). */
export function onOff(value: string): boolean {
  if (/^(on|true|yes)$/i.test(value)) return true;
  if (/^(off|false|no)$/i.test(value)) return false;
  throw new InvalidArgumentError("expected on or off");
}

/** Collects a repeatable `key=quantity` option, e.g. `--item ABC123=2 --item DEF456=1`. */
export function keyQuantity(value: string, previous: readonly (readonly [string, number])[] = []): (readonly [string, number])[] {
  const match = /^(.+)=(\d+)$/.exec(value);
  if (!match?.[1] || !match[2]) throw new InvalidArgumentError("expected key=quantity, e.g. ABC123=2");
  return [...previous, [match[1], Number(match[2])]];
}

/** Collects a repeatable option into a list. */
export function collect(value: string, previous: readonly string[] = []): string[] {
  return [...previous, value];
}

/** Parses a value of a zod enum, listing the allowed values when it is not one. */
export function oneOf<T extends string>(allowed: readonly T[]): (value: string) => T {
  return (value) => {
    const match = allowed.find((a) => a === value);
    if (match !== undefined) return match;
    throw new InvalidArgumentError(`expected one of ${allowed.join(", ")}`);
  };
}
