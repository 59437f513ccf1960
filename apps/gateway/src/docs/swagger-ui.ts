import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

/*
 * The docs page is Swagger UI from the `swagger-ui-dist` package, served from node_modules:
 * the gateway often runs where there is no internet, so nothing may come from a CDN.
 */

/** The Swagger UI files a docs page loads, by the name they are served under. */
export const DOCS_ASSETS = {
  "swagger-ui.css": "text/css; charset=utf-8",
  "swagger-ui-bundle.js": "application/javascript; charset=utf-8",
  "favicon-32x32.png": "image/png",
} as const;

export type DocsAsset = keyof typeof DOCS_ASSETS;

const distDir = path.dirname(createRequire(import.meta.url).resolve("swagger-ui-dist/package.json"));
const cache = new Map<DocsAsset, Promise<Buffer>>();

/** The bytes of one Swagger UI asset, read once and kept in memory. */
export function docsAsset(name: DocsAsset): Promise<Buffer> {
  let bytes = cache.get(name);
  if (bytes === undefined) {
    bytes = readFile(path.join(distDir, name));
    cache.set(name, bytes);
    // A failed read is not cached, so a later request can succeed.
    bytes.catch(() => cache.delete(name));
  }
  return bytes;
}

/** The HTML of a dialect's docs page, rendering `<prefix>/openapi.json` with Swagger UI. */
export function docsPage(options: { readonly title: string; readonly prefix: string }): string {
  const title = escapeHtml(options.title);
  const assets = `${options.prefix}/docs`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Dropgate</title>
<link rel="stylesheet" href="${assets}/swagger-ui.css">
<link rel="icon" type="image/png" href="${assets}/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="${assets}/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({
  url: ${JSON.stringify(`${options.prefix}/openapi.json`)},
  dom_id: "#swagger-ui",
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
});
</script>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
