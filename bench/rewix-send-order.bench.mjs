// Rewix XML send order over HTTP next to Optoro JSON create-order, in one run, on one gateway:
//   rewix-xml   — POST /rewix/restful/ghost/orders/0/dropshipping, one order of 3 lines, XML in and
//                 out, HTTP Basic (the whole pipeline: negotiation, safe XML parse, zod, use case,
//                 XMLBuilder answer)
//   optoro-json — POST /optoro/drop-ship/orders, one order of 3 lines, JSON, bearer token
// Both create a new order per request (autocannon's [<id>] in the body makes each key unique) and
// confirm it at once. The gateway runs in its own process on 127.0.0.1 (the built dist), so its CPU
// time per order (user + system, from /proc) is measured apart from autocannon's; a busy shared
// machine disturbs CPU time far less than wall-clock figures. Goal: the XML path costs at most
// 1.5× the JSON one. Runs against the built dist: the root `bench` script builds first.
// BENCH_PROFILE=<folder> runs the gateway with --cpu-prof into it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";

const fromStorage = createRequire(new URL("../packages/storage/package.json", import.meta.url));
const load = (specifier) => import(pathToFileURL(fromStorage.resolve(specifier)).href);
const { openStorage } = await load("@dropgate/storage");
const { createClient, setStock, upsertCarrier } = await load("@dropgate/core-domain");

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const folder = mkdtempSync(join(tmpdir(), "dropgate-bench-rewix-"));
const dbPath = join(folder, "bench.sqlite");

function unwrap(result) {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

// ── Seed: three positions with plenty of stock, a reseller that confirms by itself, an Optoro buyer.
const storage = await openStorage({ path: dbPath });
const ctx = { store: storage, now: () => new Date() };
const skus = ["BENCH-A", "BENCH-B", "BENCH-C"];
const positions = skus.map((sku) => unwrap(setStock(ctx, { sku, condition: "N", channel: "rts_drop_ship", onHand: 10_000_000, priceCents: 1_000 })));
unwrap(upsertCarrier(ctx, { id: 20, name: "UPS", costCents: 990, isDefault: true }));
const reseller = unwrap(createClient(ctx, { name: "bench-reseller", dialect: "rewix", scope: "buyer", autoConfirm: true }));
const buyer = unwrap(createClient(ctx, { name: "bench-buyer", dialect: "optoro", scope: "buyer" }));
storage.close();

async function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const gatewayMain = fileURLToPath(new URL("../apps/gateway/dist/main.js", import.meta.url));
const gateway = spawn(process.execPath, [...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []), gatewayMain], {
  env: {
    ...process.env,
    DROPGATE_DB_PATH: dbPath,
    DROPGATE_GATEWAY_HOST: "127.0.0.1",
    DROPGATE_GATEWAY_PORT: String(port),
    DROPGATE_LOG_LEVEL: "warn",
    DROPGATE_RATE_LIMIT_PER_MINUTE: "100000000",
    DROPGATE_RATE_LIMIT_BURST: "100000000",
    DROPGATE_DISPATCHER: "false",
  },
  stdio: ["ignore", "ignore", "inherit"],
});
const stopGateway = () => gateway.kill("SIGTERM");
process.on("exit", stopGateway);

for (let i = 0; ; i++) {
  const up = await fetch(`${base}/healthz`).then((r) => r.ok, () => false);
  if (up) break;
  if (i > 100) throw new Error("the gateway did not start");
  await new Promise((resolve) => setTimeout(resolve, 100));
}

const token = await fetch(`${base}/optoro/auth/oauth/token`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ grant_type: "client_credentials", client_id: buyer.key, client_secret: buyer.secret }),
}).then((r) => r.json());

const rewixBody = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<root><order_list><order>
<key>bench-[<id>]</key><date>2026/11/30 10:00:00 +0000</date><carrierId>20</carrierId>
<recipient_details><recipient>ACME srl</recipient><careof/><cfpiva>12345558</cfpiva><customer_key>7777</customer_key><notes></notes>
<address><street_type>Via</street_type><street_name>Roma</street_name><address_number>1</address_number><zip>10100</zip><city>TORINO</city><province>TO</province><countrycode>IT</countrycode></address>
<phone><prefix>+39</prefix><number>0112838474</number></phone></recipient_details>
<item_list>${positions.map((p) => `<item><stock_id>${p.id}</stock_id><quantity>1</quantity></item>`).join("")}</item_list>
<autoConfirm>true</autoConfirm>
</order></order_list></root>`;

const sample = JSON.parse(readFileSync(new URL("../apps/gateway/test/fixtures/optoro/create-order.request.json", import.meta.url), "utf8")).order;
const optoroBody = JSON.stringify({
  order: {
    ...sample,
    client_identifier: "bench-[<id>]",
    channel: "rts_drop_ship",
    order_items: skus.map((sku, l) => ({ ...sample.order_items[0], client_identifier: `l${l}`, sku, condition: "N", quantity: 1 })),
  },
});

const targets = {
  "rewix-xml": {
    path: "/rewix/restful/ghost/orders/0/dropshipping",
    headers: {
      authorization: `Basic ${Buffer.from(`${reseller.key}:${reseller.secret}`).toString("base64")}`,
      "content-type": "application/xml",
      accept: "application/xml",
    },
    body: rewixBody,
  },
  "optoro-json": {
    path: "/optoro/drop-ship/orders",
    headers: { authorization: `Bearer ${token.access_token}`, "optiturn-dropship-version": "2023-08-15", "content-type": "application/json" },
    body: optoroBody,
  },
};

/** The gateway process's CPU time so far (user + system), in µs. */
function gatewayCpuMicros() {
  const fields = readFileSync(`/proc/${gateway.pid}/stat`, "utf8").split(") ")[1].split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
  return (ticks * 1_000_000) / 100; // USER_HZ is 100 on Linux
}

async function measure(name, seconds) {
  const target = targets[name];
  const cpuBefore = gatewayCpuMicros();
  const result = await autocannon({
    url: `${base}${target.path}`,
    method: "POST",
    headers: target.headers,
    body: target.body,
    idReplacement: true,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const cpu = gatewayCpuMicros() - cpuBefore;
  const ok = result["2xx"];
  const bad = result.non2xx + result.errors + result.timeouts;
  return { name, ok, bad, perSecond: ok / seconds, p50: result.latency.p50, p99: result.latency.p99, cpuPerOrder: ok === 0 ? NaN : cpu / ok };
}

// A sanity request each: both must create an order before anything is measured.
for (const [name, target] of Object.entries(targets)) {
  const answer = await fetch(`${base}${target.path}`, { method: "POST", headers: target.headers, body: target.body.replace("[<id>]", "sanity") });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`${name} answered ${answer.status}: ${await answer.text()}`);
}

for (const name of Object.keys(targets)) await measure(name, 2); // warm-up
const results = { "rewix-xml": [], "optoro-json": [] };
for (let round = 0; round < ROUNDS; round++) {
  // Alternate the order so neither path always runs on the busier half of the machine's time.
  const order = round % 2 === 0 ? ["optoro-json", "rewix-xml"] : ["rewix-xml", "optoro-json"];
  for (const name of order) results[name].push(await measure(name, DURATION));
}
stopGateway();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = Object.fromEntries(
  Object.entries(results).map(([name, runs]) => [
    name,
    {
      ordersPerSecond: median(runs.map((r) => r.perSecond)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      cpuPerOrder: median(runs.map((r) => r.cpuPerOrder)),
      failed: runs.reduce((sum, r) => sum + r.bad, 0),
    },
  ]),
);

console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}; ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION} s each, one order of 3 lines per request`);
console.log("path          orders/s   p50 ms   p99 ms   gateway CPU µs/order   non-2xx");
for (const [name, s] of Object.entries(summary)) {
  console.log(`${name.padEnd(12)} ${s.ordersPerSecond.toFixed(0).padStart(9)} ${String(s.p50).padStart(8)} ${String(s.p99).padStart(8)} ${s.cpuPerOrder.toFixed(0).padStart(22)} ${String(s.failed).padStart(9)}`);
}
const cpuRatio = summary["rewix-xml"].cpuPerOrder / summary["optoro-json"].cpuPerOrder;
const throughputRatio = summary["optoro-json"].ordersPerSecond / summary["rewix-xml"].ordersPerSecond;
console.log(`rewix-xml / optoro-json cost: ${cpuRatio.toFixed(2)}× gateway CPU per order, ${throughputRatio.toFixed(2)}× by throughput (goal ≤ 1.5×)`);
rmSync(folder, { recursive: true, force: true });
if (summary["rewix-xml"].failed > 0 || summary["optoro-json"].failed > 0) process.exit(1);
