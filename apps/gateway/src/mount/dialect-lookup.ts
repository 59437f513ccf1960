
/** Finds the dialect that owns a URL by its prefix (longest prefix wins, on a path boundary). */
export function createDialectLookup<D extends { readonly prefix: string }>(
  dialects: readonly D[],
): (url: string) => D | undefined {
  const byLength = [...dialects].sort((a, b) => b.prefix.length - a.prefix.length);
  return (url) => {
    const path = url.split("?", 1)[0] ?? "";
    return byLength.find(
      (dialect) => path === dialect.prefix || path.startsWith(`${dialect.prefix}/`),
    );
  };
}
