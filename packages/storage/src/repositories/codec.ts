import type { Flag, JsonText } from "../schema/database.js";

/** A boolean as SQLite stores it. */
export function toFlag(value: boolean): Flag {
  return value ? 1 : 0;
}

/** A stored 0/1 as a boolean. */
export function fromFlag(value: number): boolean {
  return value === 1;
}

/** A value as a JSON text column. */
export function toJson(value: unknown): JsonText {
  return JSON.stringify(value);
}

/** A JSON text column read back; the schema guaranteed its shape when it was written. */
export function fromJson<T>(text: JsonText): T {
  return JSON.parse(text) as T;
}

/** Nullable variants of the above. */
export function toJsonOrNull(value: unknown): JsonText | null {
  return value === null ? null : JSON.stringify(value);
}

export function fromJsonOrNull<T>(text: JsonText | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** Throws when an update that names one row by key found none: a caller bug, not an expected outcome. */
export function expectOneRow(changes: number, what: string, key: string | number): void {
  if (changes !== 1) throw new Error(`${what} ${key} not found`);
}

/** Keeps only the keys whose value is defined, so a patch's shape names what it changes. */
export function definedOnly<T extends object>(patch: { [K in keyof T]: T[K] | undefined }): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const value = patch[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The subset of `args` named by `columns` (placeholders while compiling). */
export function pickColumns<T extends object>(args: T, columns: ReadonlySet<string>): Partial<T> {
  const out: Partial<T> = {};
  for (const column of columns) {
    const key = column as keyof T;
    out[key] = args[key];
  }
  return out;
}
