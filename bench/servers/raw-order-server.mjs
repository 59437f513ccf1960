// The raw write reference: bare Fastify and raw better-sqlite3, one BEGIN IMMEDIATE transaction
// per request, no validation and no ledger (anchors §4.2's schema): idempotency lookup, a guarded
// decrement per line, the order, its lines and one outbox row. It reads the same Optoro order
// body as Dropgate. Usage: raw-order-server.mjs <db file> <FULL|NORMAL> <port>
import { Database, Fastify } from "./resolve.mjs";

const [path, synchronous, port] = process.argv.slice(2);
const db = new Database(path);
db.pragma("busy_timeout = 5000");
db.pragma("journal_mode = WAL");
db.pragma(`synchronous = ${synchronous}`);
db.exec(`
  CREATE TABLE IF NOT EXISTS inventory (sku TEXT PRIMARY KEY, qty INTEGER NOT NULL CHECK (qty >= 0), version INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS orders (id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE, payload TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS order_lines (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL REFERENCES orders (id), sku TEXT NOT NULL, qty INTEGER NOT NULL) STRICT;
  CREATE TABLE IF NOT EXISTS outbox (id INTEGER PRIMARY KEY, order_id INTEGER NOT NULL, payload TEXT NOT NULL) STRICT;
`);
const seed = db.prepare("INSERT OR IGNORE INTO inventory (sku, qty, version) VALUES (?, 1000000000, 0)");
db.transaction(() => {
  for (let i = 0; i < 10_000; i++) seed.run(`SKU-${i}`);
})();

const findKey = db.prepare("SELECT id FROM orders WHERE idempotency_key = ?");
const take = db.prepare("UPDATE inventory SET qty = qty - ?, version = version + 1 WHERE sku = ? AND qty >= ?");
const insertOrder = db.prepare("INSERT INTO orders (idempotency_key, payload, created_at) VALUES (?, ?, ?)");
const insertLine = db.prepare("INSERT INTO order_lines (order_id, sku, qty) VALUES (?, ?, ?)");
const insertOutbox = db.prepare("INSERT INTO outbox (order_id, payload) VALUES (?, ?)");

class Shortage extends Error {}
const place = db.transaction((order) => {
  const existing = findKey.get(order.client_identifier);
  if (existing) return { id: existing.id, duplicate: true };
  for (const line of order.order_items) {
    if (take.run(line.quantity, line.sku, line.quantity).changes !== 1) throw new Shortage(line.sku);
  }
  const payload = JSON.stringify(order);
  const id = Number(insertOrder.run(order.client_identifier, payload, new Date().toISOString()).lastInsertRowid);
  for (const line of order.order_items) insertLine.run(id, line.sku, line.quantity);
  insertOutbox.run(id, payload);
  return { id, duplicate: false };
}).immediate;

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.post("/orders", async (request, reply) => {
  try {
    const placed = place(request.body.order);
    return reply.code(placed.duplicate ? 200 : 201).send({ message: "accepted", id: placed.id });
  } catch (error) {
    if (error instanceof Shortage) return reply.code(200).send({ message: "rejected" });
    throw error;
  }
});
await app.listen({ host: "127.0.0.1", port: Number(port) });
process.stdout.write("listening\n");
process.on("SIGTERM", () => app.close().then(() => db.close()).finally(() => process.exit(0)));
