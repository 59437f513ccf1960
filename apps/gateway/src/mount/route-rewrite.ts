import type { IncomingMessage } from "node:http";
import type { GatewayDialect } from "./dialect-runtime.js";

/*
 * Dialects with routing options (case-insensitive paths, `~N` version suffixes, format suffixes)
 * are matched here, before Fastify's router: the URL is rewritten to the canonical route
 * (`/Vendor/PO/Fetch~2.json` → `/vendor/po/fetch`) with the version and format remembered for
 * the handler, so Fastify still routes every request and no route is registered twice.
 * Parameter values keep the case they were sent in. Dialects without options are not touched.
 */

/** What the URL said besides the route: the action version and the format suffix's media type. */
export interface RouteHints {
  readonly version?: number;
  readonly mediaType?: string;
}

const hints = new WeakMap<IncomingMessage, RouteHints>();

/** The hints the rewrite found in a request's URL (empty when its dialect has no routing options). */
export function routeHintsOf(request: IncomingMessage): RouteHints {
  return hints.get(request) ?? {};
}

interface CompiledRoute {
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly path: string;
}

interface RoutedDialect {
  readonly prefix: string;
  readonly prefixPattern: RegExp;
  readonly routes: readonly CompiledRoute[];
  readonly suffix: RegExp | undefined;
  readonly formats: Readonly<Record<string, string>>;
  /** Whether the patterns capture a `~N` group before the format group. */
  readonly versionGroup: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function compile(dialect: GatewayDialect): RoutedDialect | undefined {
  const routing = dialect.routing;
  const formats = routing?.formatSuffixes ?? {};
  const formatNames = Object.keys(formats);
  if (routing === undefined || (!routing.caseInsensitive && !routing.versionSuffix && formatNames.length === 0)) return undefined;
  const flags = routing.caseInsensitive ? "i" : "";
  const version = routing.versionSuffix ? "(?:~(\\d+))?" : "";
  const format = formatNames.length > 0 ? `(?:\\.(${formatNames.map(escapeRegExp).join("|")}))?` : "";
  const paths = [...new Set(dialect.operations.map((operation) => operation.path))];
  const routes = paths.map((path) => {
    const names: string[] = [];
    const body = path
      .split(/(:[A-Za-z0-9_]+)/)
      .map((part) => {
        if (!part.startsWith(":")) return escapeRegExp(part);
        names.push(part.slice(1));
        return "([^/]+?)";
      })
      .join("");
    return { pattern: new RegExp(`^${body}${version}${format}/?$`, flags), names, path };
  });
  return {
    prefix: dialect.prefix,
    prefixPattern: new RegExp(`^${escapeRegExp(dialect.prefix)}(?=/|$)`, flags),
    routes,
    suffix: format === "" && version === "" ? undefined : new RegExp(`${version}${format}/?$`, flags),
    formats: Object.fromEntries(Object.entries(formats).map(([name, type]) => [name.toLowerCase(), type])),
    versionGroup: version !== "",
  };
}

/** Fastify's `rewriteUrl` for the dialects that have routing options, or undefined when none has. */
export function createRouteRewrite(dialects: readonly GatewayDialect[]): ((request: IncomingMessage) => string) | undefined {
  const routed = dialects
    .map(compile)
    .filter((dialect): dialect is RoutedDialect => dialect !== undefined)
    .sort((a, b) => b.prefix.length - a.prefix.length);
  if (routed.length === 0) return undefined;
  return (request) => {
    const url = request.url ?? "/";
    const queryAt = url.indexOf("?");
    const path = queryAt < 0 ? url : url.slice(0, queryAt);
    const query = queryAt < 0 ? "" : url.slice(queryAt);
    for (const dialect of routed) {
      const prefix = dialect.prefixPattern.exec(path);
      if (prefix === null) continue;
      const rest = path.slice(prefix[0].length);
      for (const route of dialect.routes) {
        const match = route.pattern.exec(rest);
        if (match === null) continue;
        const values = match.slice(1, 1 + route.names.length);
        // Without version suffixes the format is the first group after the parameters.
        const versionText = dialect.versionGroup ? match[1 + route.names.length] : undefined;
        const formatText = match[(dialect.versionGroup ? 2 : 1) + route.names.length];
        remember(request, dialect, versionText, formatText);
        let index = 0;
        const canonical = route.path.replace(/:[A-Za-z0-9_]+/g, () => values[index++] ?? "");
        return `${dialect.prefix}${canonical}${query}`;
      }
      // No route: the format suffix still picks the media type of the 404.
      const suffix = dialect.suffix?.exec(rest);
      if (suffix) remember(request, dialect, undefined, suffix[suffix.length - 1]);
      return `${dialect.prefix}${rest}${query}`;
    }
    return url;
  };
}

function remember(request: IncomingMessage, dialect: RoutedDialect, version: string | undefined, format: string | undefined): void {
  const mediaType = format === undefined ? undefined : dialect.formats[format.toLowerCase()];
  hints.set(request, {
    ...(version === undefined ? {} : { version: Number(version) }),
    ...(mediaType === undefined ? {} : { mediaType }),
  });
}
