/** One dialect as the index lists it. */
export interface IndexEntry {
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly prefix: string;
  readonly openapi: string;
  readonly docs: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The gateway's HTML index: every dialect with links to its docs page and OpenAPI document. */
export function indexPage(dialects: readonly IndexEntry[]): string {
  const rows = dialects
    .map(
      (dialect) =>
        `<tr><td>${escapeHtml(dialect.title)}</td><td>${escapeHtml(dialect.version)}</td><td><code>${escapeHtml(dialect.prefix)}</code></td>` +
        `<td><a href="${escapeHtml(dialect.docs)}">docs</a></td><td><a href="${escapeHtml(dialect.openapi)}">openapi.json</a></td></tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Dropgate gateway</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #ddd;text-align:left}</style>
</head>
<body>
<h1>Dropgate gateway</h1>
<table>
<thead><tr><th>Dialect</th><th>Version</th><th>Prefix</th><th colspan="2">Documentation</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
