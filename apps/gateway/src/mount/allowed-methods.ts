import type { DialectDefinition } from "@dropgate/dialect-kit";

/*
 * The router answers "not found" both for an unknown path and for a known path with a method
 * it does not serve; HTTP wants 405 with `Allow` for the latter, so the not-found handler asks
 * the dialect's own table which methods the path has.
 */

/** Answers the methods a dialect serves at a URL path below its prefix (empty when none). */
export function createAllowedMethods(
  dialect: Pick<DialectDefinition<never, never>, "prefix" | "operations">,
): (path: string) => string[] {
  const routes = dialect.operations.map((operation) => ({
    method: operation.method,
    pattern: new RegExp(`^${escapePath(dialect.prefix + operation.path)}/?$`),
  }));
  return (path) => {
    const methods = new Set<string>();
    for (const route of routes) if (route.pattern.test(path)) methods.add(route.method);
    if (methods.has("GET")) methods.add("HEAD");
    return [...methods];
  };
}

function escapePath(path: string): string {
  return path
    .split(/(:[A-Za-z0-9_]+)/)
    .map((part) => (part.startsWith(":") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
}
