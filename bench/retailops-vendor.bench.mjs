// The RetailOps vendor facade under load, against the built dist, on fresh temp files in one run:
//   advice   — Product.ExternalSku.Update~2 with 1,000 records per call over HTTP (the gateway runs in
//              a child process; autocannon drives it on 127.0.0.1), printed as records/s next to
//   raw      — hand-written better-sqlite3 statements doing the same upserts (find the product by
//              vendor and vpc, read its position, set on-hand, append the ledger movement), 1,000
//              per transaction, in this process
//   PO fetch — Vendor.PO.fetch of 100 POs with their items: requests/s and latency percentiles.
// Every advice call changes every quantity (the bodies alternate two figures), so each record is
// a real write. Bounded in time; only 127.0.0.1 is ever a target.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const fromGateway = createRequire(new URL("../apps/gateway/package.json", import.meta.url));
const fromStorage = createRequire(new URL("../packages/storage/package.json", import.meta.url));
const load = (req, specifier) => import(pathToFileURL(req.resolve(specifier)).href);

const RECORDS = 1_000;
const PRODUCTS = 1_000;
const POS = 100;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const VENDOR = "27";

/** Seeds a vendor with PRODUCTS products (positions with stock) and POS POs of 3 lines each. */
async function seed(path) {
  const { openStorage } = await load(fromStorage, "@dropgate/storage");
  const core = await load(fromStorage, "@dropgate/core-domain");
  const storage = await openStorage({ path, synchronous: "FULL" });
  const ctx = { store: storage, now: () => new Date() };
  const must = (r) => {
    if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const vendor = must(core.createClient(ctx, { name: "bench-vendor", dialect: "retailops", scope: "vendor", vendorId: VENDOR, vendorName: "Bench" }));
  const buyer = must(core.createClient(ctx, { name: "bench-buyer", dialect: "optoro", scope: "buyer" }));
  must(core.importProducts(ctx, Array.from({ length: PRODUCTS }, (_, i) => ({ sku: `B-${i}`, vendorId: VENDOR, vpc: `VPC-${i}`, title: `Bench product ${i}` }))));
  must(core.setStockBatch(ctx, Array.from({ length: PRODUCTS }, (_, i) => ({ sku: `B-${i}`, condition: "N", channel: "rts_drop_ship", onHand: 1_000_000 }))));
  const address = { name: "Jane Doe", street: "1 Main St", city: "Arlington", state: "VA", zipCode: "22201" };
  for (let i = 0; i < POS; i++) {
    must(
      core.placeOrder(ctx, {
        clientId: buyer.client.id,
        clientIdentifier: `BENCH-${i}`,
        channel: "rts_drop_ship",
        fill: "all_or_nothing",
        payment: "none",
        shippingMethod: "STANDARD",
        shippingAddress: address,
        billingAddress: address,
        items: [0, 1, 2].map((l) => ({ ref: { sku: `B-${(i * 3 + l) % PRODUCTS}`, condition: "N" }, quantity: 1, clientIdentifier: `L${l}`, priceCents: 1000 })),
      }),
    );
  }
  storage.close();
  return core.apiKeyOf(vendor.key, vendor.secret);
}

/** The child: a gateway on `path`, listening on 127.0.0.1 port 0; prints its URL. */
async function serve(path) {
  const gateway = await load(fromGateway, "@dropgate/gateway");
  const { openStorage } = await load(fromStorage, "@dropgate/storage");
  // Set up as the gateway's own start sets up storage: FULL, checkpoints from a worker thread.
  const store = await openStorage({ path, synchronous: "FULL", checkpoint: "background" });
  const config = {
    bodyLimitBytes: 4 * 1024 * 1024,
    rateLimit: { perMinute: 100_000_000, burst: 100_000_000 },
    logLevel: "warn",
    trustProxy: false,
  };
  const app = gateway.createGateway({ store, config, dialects: gateway.createDialects({ cursorSecret: "bench" }), logger: gateway.createLogger({ level: "warn" }) });
  await app.listen({ host: "127.0.0.1", port: 0 });
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${app.server.address().port}` })}\n`);
  process.on("SIGTERM", async () => {
    await app.close();
    store.close();
    process.exit(0);
  });
}

function startChild(path) {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), "--serve", path], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n").find((l) => l.startsWith("{"));
      if (line) resolve({ child, url: JSON.parse(line).url });
    });
    child.on("exit", (code) => reject(new Error(`gateway exited with ${code}`)));
  });
}

function adviceBody(round) {
  const records = Array.from({ length: RECORDS }, (_, i) => ({ vendor_id: VENDOR, vpc: `VPC-${i}`, quantity: String(500 + (round % 2) + i) }));
  return JSON.stringify({ records, with_detailed_response: 0 });
}

async function autocannonRun(options) {
  const { default: autocannon } = await import("autocannon");
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** The same upserts, hand-written on better-sqlite3, RECORDS per transaction. */
async function rawAdvice(path, calls) {
  const Database = fromStorage("better-sqlite3");
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  const product = db.prepare("SELECT sku FROM products WHERE vendor_id = ? AND vpc = ?");
  const position = db.prepare("SELECT id, on_hand, allocated, reserved FROM stock_positions WHERE sku = ? AND condition = 'N' AND channel = 'rts_drop_ship'");
  const update = db.prepare("UPDATE stock_positions SET on_hand = on_hand + ?, updated_at = ? WHERE id = ? AND on_hand + ? >= allocated + reserved");
  const movement = db.prepare(
    `INSERT INTO ledger_movements (position_id, kind, cause_type, cause_ref, delta_on_hand, delta_allocated, delta_reserved, at)
     VALUES (?, 'advice', 'vendor_advice', ?, ?, 0, 0, ?)`,
  );
  const advise = db
    .transaction((round) => {
      const at = new Date().toISOString();
      for (let i = 0; i < RECORDS; i++) {
        const sku = product.get(VENDOR, `VPC-${i}`).sku;
        const p = position.get(sku);
        const target = Math.max(500 + (round % 2) + i, p.allocated + p.reserved);
        const delta = target - p.on_hand;
        if (delta === 0) continue;
        if (update.run(delta, at, p.id, delta).changes !== 1) throw new Error("guard");
        movement.run(p.id, VENDOR, delta, at);
      }
    })
    .immediate;
  for (let r = 0; r < 5; r++) advise(r);
  const start = process.hrtime.bigint();
  for (let r = 0; r < calls; r++) advise(r + 5);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  db.close();
  return (calls * RECORDS) / seconds;
}

async function main() {
  const folder = mkdtempSync(join(tmpdir(), "dropgate-retailops-bench-"));
  const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`retailops vendor facade: ${RECORDS} records per advice call, ${POS} POs × 3 lines, ${SECONDS} s per run, Node ${process.version}, ${cpus().length} CPUs, load ${loadAverage()}`);
  try {
    const httpPath = join(folder, "http.sqlite");
    const apikey = await seed(httpPath);
    const { child, url } = await startChild(httpPath);
    try {
      const headers = { "content-type": "application/json", apikey };
      const bodies = [adviceBody(0), adviceBody(1)];
      let calls = 0;
      // Warm up, and prove the call succeeds before measuring it.
      for (let r = 0; r < 5; r++) {
        const answer = await (await fetch(`${url}/retailops/product/externalsku/update~2.json`, { method: "POST", headers, body: bodies[r % 2] })).json();
        if (answer.success !== 1) throw new Error(`advice failed: ${JSON.stringify(answer).slice(0, 200)}`);
      }
      const advice = await autocannonRun({
        url: `${url}/retailops/product/externalsku/update~2.json`,
        method: "POST",
        headers,
        connections: 2,
        duration: SECONDS,
        requests: [{ setupRequest: (request) => ({ ...request, body: bodies[calls++ % 2] }) }],
      });
      if (advice.non2xx > 0 || advice.errors > 0) throw new Error(`advice: ${advice.non2xx} non-2xx, ${advice.errors} errors`);
      const httpRecords = (advice.requests.total * RECORDS) / (advice.duration || SECONDS);

      const fetchBody = JSON.stringify({ vendor_id: VENDOR, start: 0, limit: POS, status: "ready", with_items: 1 });
      const sample = await (await fetch(`${url}/retailops/Vendor/PO/Fetch.json`, { method: "POST", headers, body: fetchBody })).json();
      if (sample.records?.length !== POS || sample.records[0].items.length !== 3) throw new Error(`PO fetch answered ${sample.records?.length} POs`);
      const poFetch = await autocannonRun({ url: `${url}/retailops/Vendor/PO/Fetch.json`, method: "POST", headers, body: fetchBody, connections: 8, duration: SECONDS });
      if (poFetch.non2xx > 0 || poFetch.errors > 0) throw new Error(`PO fetch: ${poFetch.non2xx} non-2xx, ${poFetch.errors} errors`);

      const rawCalls = Math.max(20, Math.round((advice.requests.total / (advice.duration || SECONDS)) * 3));
      // The raw file is seeded the same way as the gateway's, while the gateway idles.
      await seed(join(folder, "raw.sqlite"));
      const raw = await rawAdvice(join(folder, "raw.sqlite"), rawCalls);

      const fmt = (n) => Math.round(n).toLocaleString("en-US").padStart(9);
      console.log(`advice   HTTP  ${fmt(httpRecords)} records/s  (${advice.requests.total} calls of ${RECORDS}, p50 ${advice.latency.p50} ms, p99 ${advice.latency.p99} ms, 2 connections)`);
      console.log(`advice   raw   ${fmt(raw)} records/s  (better-sqlite3, ${RECORDS} upserts per transaction)   HTTP is ${(httpRecords / raw).toFixed(2)}× raw; goal ≥ 50,000 records/s: ${httpRecords >= 50_000 ? "met" : "NOT met"}`);
      console.log(`PO fetch HTTP  ${fmt(poFetch.requests.average)} requests/s  (${POS} POs with items per answer, p50 ${poFetch.latency.p50} ms, p99 ${poFetch.latency.p99} ms, 8 connections)`);
    } finally {
      child.kill("SIGTERM");
    }
  } finally {
    console.log(`load after: ${loadAverage()}`);
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--serve") await serve(process.argv[3]);
else await main();
