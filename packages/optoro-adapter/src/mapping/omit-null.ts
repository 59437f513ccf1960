/**
 * Drops keys whose value is null or undefined: Optoro's schemas declare no nullable field, so
 * an absent value is left out rather than sent as null.
 */
export function omitNull<T extends Record<string, unknown>>(
  record: T,
): { [K in keyof T as null extends T[K] ? never : undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as null extends T[K] ? K : undefined extends T[K] ? K : never]?: Exclude<T[K], null | undefined>;
} {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== null && value !== undefined) out[key] = value;
  }
  // biome-ignore lint/suspicious/noExplicitAny: the mapped type above describes exactly what the loop builds
  return out as any;
}
