// The order write path, three ways, on fresh temp files in one run:
//   use case  — core-domain `placeOrder(ctx, input)` over @dropgate/storage (what the gateway runs)
//   port      — the storage port called directly: findOrder → getPosition per line → insertOrder →
//               applyMovement per line, in one `transaction` (storage overhead without domain logic)
//   raw       — hand-written better-sqlite3 prepared statements in `db.transaction(...).immediate`
//               doing the same reads and writes as `port` (the floor)
// Reports wall-clock tx/s and µs per transaction, and the process's CPU time per transaction
// (user + system), which a busy shared machine disturbs far less than wall-clock time.
// Runs against the built dist: the root `bench` script builds first.
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// The root package does not depend on the workspace packages, so resolve them (and
// better-sqlite3) the way @dropgate/storage itself does: from its own package folder.
const fromStorage = createRequire(new URL("../packages/storage/package.json", import.meta.url));
const load = (specifier) => import(pathToFileURL(fromStorage.resolve(specifier)).href);
const { openStorage } = await load("@dropgate/storage");
const { placeOrder } = await load("@dropgate/core-domain");

// 3,000 per case keeps the whole `npm run bench` (this and the HTTP benchmark) near five minutes,
// also when fsync is slow: the FULL cases commit once per transaction. BENCH_N=20000 for steadier figures.
const N = Number(process.env.BENCH_N ?? 3_000);
const WARMUP = 300;
const POSITIONS = 500;
const CHANNEL = "rts_drop_ship";
const SYNC_MODES = (process.env.BENCH_SYNC ?? "FULL,NORMAL").split(",");
const folder = mkdtempSync(join(tmpdir(), "dropgate-bench-"));
let files = 0;

/** A fresh database with one buyer and POSITIONS positions holding plenty of stock. */
async function freshStore(synchronous) {
  files += 1;
  // One use case per commit, like the raw case: this benchmark measures the cost of one
  // transaction; the HTTP benchmark measures what group commit makes of many concurrent ones.
  const storage = await openStorage({ path: join(folder, `bench-${files}.sqlite`), synchronous, groupCommit: { maxWrites: 1, maxOpenMs: 0 } });
  const at = new Date().toISOString();
  const seeded = storage.transaction((tx) => {
    const client = tx.insertClient({
      name: "bench-buyer",
      dialect: "optoro",
      scope: "buyer",
      vendorId: null,
      key: "bench-key",
      secretHash: "x",
      ecreditCents: 0,
      autoConfirm: false,
      at,
    });
    const positions = [];
    for (let i = 0; i < POSITIONS; i++) {
      const sku = `SKU-${i}`;
      tx.upsertProduct({ sku, upc: null, brand: "Bench", title: null, vendorId: null, vpc: null }, at);
      const p = tx.insertPosition({ sku, condition: "N", channel: CHANNEL, kind: "unit", priceCents: 1000, lot: null, at });
      tx.applyMovement({ positionId: p.id, kind: "advice", cause: { type: "bench", ref: "seed" }, onHand: 10_000_000, allocated: 0, reserved: 0, at });
      positions.push(p);
    }
    return { clientId: client.id, positions };
  });
  return { storage, ...seeded };
}

/** The line positions of order i: `lines` consecutive positions, wrapping around. */
function linesOf(i, lines, positions) {
  const out = [];
  for (let l = 0; l < lines; l++) out.push(positions[(i * lines + l) % positions.length]);
  return out;
}

function useCaseRunner({ storage, clientId, positions }, lines) {
  const ctx = { store: storage, now: () => new Date() };
  // Answered as the gateway answers: once durable() says the commit (and at FULL, the WAL sync
  // that storage runs off the JS thread) has returned.
  return async (i) => {
    const mark = storage.commitMark();
    const result = placeOrder(ctx, {
      clientId,
      clientIdentifier: `order-${i}`,
      channel: CHANNEL,
      fill: "all_or_nothing",
      payment: "none",
      items: linesOf(i, lines, positions).map((p, l) => ({
        ref: { sku: p.sku, condition: "N" },
        quantity: 1,
        clientIdentifier: `line-${l + 1}`,
        priceCents: 1000,
      })),
    });
    if (!result.ok || result.value.kind !== "accepted") throw new Error(`order ${i} not accepted`);
    await storage.durable(mark);
  };
}

function portRunner({ storage, clientId, positions }, lines) {
  return async (i) => {
    const mark = storage.commitMark();
    const at = new Date().toISOString();
    storage.transaction((tx) => {
      const identifier = `order-${i}`;
      if (tx.findOrder(clientId, identifier)) throw new Error("duplicate");
      const held = linesOf(i, lines, positions).map((p) => tx.getPosition({ sku: p.sku, condition: "N", channel: CHANNEL }));
      const order = tx.insertOrder({
        clientId,
        clientIdentifier: identifier,
        channel: CHANNEL,
        status: "accepted",
        paymentRequired: false,
        billingAddress: null,
        shippingAddress: null,
        brand: null,
        shippingMethod: null,
        carrierId: null,
        comments: null,
        expectedDeliveryDate: null,
        signatureRequired: null,
        packingSlipIdentifier: null,
        rejectReason: null,
        shortages: [],
        attributes: {},
        priceCents: 0,
        processingFeeCents: 0,
        taxCents: 0,
        shippingCostCents: 0,
        shippingTaxCents: 0,
        items: held.map((p, l) => ({
          clientIdentifier: `line-${l + 1}`,
          positionId: p.id,
          sku: p.sku,
          condition: "N",
          brand: null,
          vendorId: null,
          quantity: { ordered: 1, allocated: 1, acknowledged: 0, shipped: 0, cancelled: 0 },
          priceCents: 1000,
          taxCents: 0,
          shippingCostCents: 0,
          shippingTaxCents: 0,
          comments: null,
          status: "accepted",
        })),
        at,
      });
      const cause = { type: "order", ref: String(order.id) };
      for (const p of held) {
        if (!tx.applyMovement({ positionId: p.id, kind: "allocation", cause, onHand: 0, allocated: 1, reserved: 0, at })) {
          throw new Error("insufficient stock");
        }
      }
    });
    await storage.durable(mark);
  };
}

function rawRunner({ storage, clientId, positions }, lines, synchronous) {
  const db = storage.db;
  storage.flush(); // the seed's batch: a pragma cannot change inside it
  // SQLite's own FULL, the sync inside COMMIT: storage runs its connection at NORMAL and syncs the
  // WAL itself (group-commit.ts), so the raw floor sets the pragma back on its own file.
  db.pragma(`synchronous = ${synchronous}`);
  const findOrder = db.prepare("SELECT * FROM orders WHERE client_id = ? AND client_identifier = ?");
  const getPosition = db.prepare("SELECT * FROM stock_positions WHERE sku = ? AND condition = ? AND channel = ?");
  const insertOrder = db.prepare(
    `INSERT INTO orders (client_id, client_identifier, channel, status, payment_required, attributes,
       price_cents, processing_fee_cents, tax_cents, shipping_cost_cents, shipping_tax_cents, created_at, updated_at)
     VALUES (?, ?, ?, 'accepted', 0, '{}', 0, 0, 0, 0, 0, ?, ?)`,
  );
  const insertItem = db.prepare(
    `INSERT INTO order_items (order_id, client_identifier, position_id, sku, condition, qty_ordered, qty_allocated,
       price_cents, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, 'N', 1, 1, 1000, 'accepted', ?, ?)`,
  );
  const take = db.prepare(
    `UPDATE stock_positions SET allocated = allocated + 1, updated_at = ?
     WHERE id = ? AND on_hand - allocated - reserved >= 1`,
  );
  const insertMovement = db.prepare(
    `INSERT INTO ledger_movements (position_id, kind, cause_type, cause_ref, delta_on_hand, delta_allocated, delta_reserved, at)
     VALUES (?, 'allocation', 'order', ?, 0, 1, 0, ?)`,
  );
  const place = db.transaction((i) => {
    const at = new Date().toISOString();
    const identifier = `order-${i}`;
    if (findOrder.get(clientId, identifier)) throw new Error("duplicate");
    const held = linesOf(i, lines, positions).map((p) => getPosition.get(p.sku, "N", CHANNEL));
    const orderId = Number(insertOrder.run(clientId, identifier, CHANNEL, at, at).lastInsertRowid);
    held.forEach((p, l) => insertItem.run(orderId, `line-${l + 1}`, p.id, p.sku, at, at));
    for (const p of held) {
      if (take.run(at, p.id).changes !== 1) throw new Error("insufficient stock");
      insertMovement.run(p.id, String(orderId), at);
    }
  }).immediate;
  return place;
}

const VARIANTS = { "use case": useCaseRunner, port: portRunner, raw: rawRunner };

const ROUNDS = 10;

/**
 * Measures the three variants on their own fresh files, interleaved in ROUNDS slices of N/ROUNDS
 * transactions, so a load change on a shared machine falls on all three alike.
 */
async function measureAll(lines, synchronous) {
  const cases = [];
  for (const [variant, runner] of Object.entries(VARIANTS)) {
    const world = await freshStore(synchronous);
    const run = runner(world, lines, synchronous);
    for (let i = 0; i < WARMUP; i++) await run(i);
    cases.push({ variant, world, run, next: WARMUP, nanos: 0n, cpuMicros: 0 });
  }
  const slice = Math.ceil(N / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    for (const c of cases) {
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      for (let k = 0; k < slice; k++) await c.run(c.next++);
      c.nanos += process.hrtime.bigint() - start;
      const used = process.cpuUsage(cpu);
      c.cpuMicros += used.user + used.system;
    }
  }
  return cases.map((c) => {
    const violations = c.world.storage.read((r) => r.checkInvariants());
    if (violations.length > 0) throw new Error(`${c.variant}: ${violations.length} invariant violations`);
    c.world.storage.close();
    const n = slice * ROUNDS;
    const seconds = Number(c.nanos) / 1e9;
    return {
      variant: c.variant,
      lines,
      synchronous,
      n,
      txPerSecond: Math.round(n / seconds),
      microsPerTx: (seconds * 1e6) / n,
      cpuMicrosPerTx: c.cpuMicros / n,
    };
  });
}

const results = [];
const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(" ");
console.log(
  `storage order path: N=${N} per case (after ${WARMUP} warm-up, ${ROUNDS} interleaved rounds), ` +
    `${POSITIONS} positions, Node ${process.version}, ${cpus().length} CPUs, load ${loadAverage()}`,
);
for (const synchronous of SYNC_MODES) {
  for (const lines of [1, 3]) {
    const rows = await measureAll(lines, synchronous);
    const raw = rows.find((r) => r.variant === "raw");
    for (const row of rows) {
      row.ratioToRaw = Number((row.microsPerTx / raw.microsPerTx).toFixed(2));
      row.cpuRatioToRaw = Number((row.cpuMicrosPerTx / raw.cpuMicrosPerTx).toFixed(2));
      results.push(row);
      console.log(
        `${synchronous.padEnd(6)} ${lines} line${lines > 1 ? "s" : " "}  ${row.variant.padEnd(8)} ` +
          `${row.txPerSecond.toLocaleString("en-US").padStart(7)} tx/s  ${row.microsPerTx.toFixed(1).padStart(6)} µs/tx  ` +
          `${row.ratioToRaw.toFixed(2)}× raw   cpu ${row.cpuMicrosPerTx.toFixed(1).padStart(6)} µs/tx  ` +
          `${row.cpuRatioToRaw.toFixed(2)}× raw`,
      );
    }
  }
}
console.log(`load after: ${loadAverage()}`);
rmSync(folder, { recursive: true, force: true });
console.log(JSON.stringify({ bench: "storage-order-path", n: N, results }));
