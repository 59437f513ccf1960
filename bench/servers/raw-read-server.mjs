// The raw read reference: bare Fastify and raw better-sqlite3 reading the same keyset page of
// Dropgate's listings (channel, updated since, id after, 21 rows to learn whether more follow) on
// the same database file, mapped to the listing fields. No auth, no cursor, no count.
// Usage: raw-read-server.mjs <dropgate db file> <port>
import { Database, Fastify } from "./resolve.mjs";

const [path, port] = process.argv.slice(2);
const db = new Database(path, { readonly: true });
db.pragma("busy_timeout = 5000");
const page = db.prepare(
  "SELECT * FROM stock_positions WHERE channel = ? AND updated_at >= ? AND id > ? ORDER BY id LIMIT 21",
);

const app = Fastify({ logger: false });
app.get("/listings", async (request) => {
  const { channel = "rts_drop_ship", since = "1970-01-01T00:00:00.000Z", after = "0" } = request.query;
  const rows = page.all(channel, since, Number(after));
  const more = rows.length > 20;
  if (more) rows.pop();
  return {
    listings: rows.map((r) => ({
      identifier: r.sku,
      condition: r.condition,
      channel: r.channel,
      quantity: Math.max(0, r.on_hand - r.allocated - r.reserved),
      price_cents: r.price_cents,
      updated_at: r.updated_at,
    })),
    next_after: more ? rows[rows.length - 1].id : null,
  };
});
await app.listen({ host: "127.0.0.1", port: Number(port) });
process.stdout.write("listening\n");
process.on("SIGTERM", () => app.close().then(() => db.close()).finally(() => process.exit(0)));
