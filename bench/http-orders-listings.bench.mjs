// Dropgate over HTTP against raw references, in one run with alternating rounds (issue 13):
//   create-order   Optoro POST /orders (3 lines) on the built gateway, storage at FULL (its default)
//   raw FULL       bare Fastify + raw better-sqlite3, one BEGIN IMMEDIATE transaction per request
//   raw NORMAL     the same at synchronous=NORMAL
//   listings p1    Optoro GET /listings?updated_at=<yesterday>&channel=rts_drop_ship&per_page=20
//   listings p1000 the same with the sealed cursor of page 1,000
//   raw read       bare Fastify + raw better-sqlite3, the same keyset page of 20 on the same file
// over a database of 100,000 listed positions. Every server runs in its own process; autocannon
// (50 connections, keep-alive, no pipelining) runs in this one, on the same cores, against
// 127.0.0.1. RSS is the server process's, sampled during its own load; server CPU is that
// process's user + system time over its run divided by the requests it answered (/proc, 10 ms ticks).
// Environment: BENCH_SECONDS (per case and round, default 5), BENCH_ROUNDS (default 3),
// BENCH_CONNECTIONS (default 50), BENCH_POSITIONS (default 100000); BENCH_CASES=<text> runs the
// cases whose name contains it; BENCH_PROFILE=<folder> runs the gateway with --cpu-prof into it;
// BENCH_SERVER_STDERR=1 passes the servers' stderr through.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";
import { loadFromStorage } from "./servers/resolve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const POSITIONS = Number(process.env.BENCH_POSITIONS ?? 100_000);
const ORDER_SKUS = 300;
const PAGE = 1_000;
const folder = mkdtempSync(join(tmpdir(), "dropgate-http-bench-"));
const children = [];
process.on("exit", () => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(folder, { recursive: true, force: true });
});

const { openStorage } = await loadFromStorage("@dropgate/storage");
const { createClient } = await loadFromStorage("@dropgate/core-domain");

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server process and waits until `ready` answers. */
async function startServer(name, args, env, ready) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk) => {
    stderr += chunk;
    if (process.env.BENCH_SERVER_STDERR) process.stderr.write(chunk);
  });
  child.stdout.resume();
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${stderr}`);
    if (await ready().catch(() => false)) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not start: ${stderr}`);
}

/** CPU time a process has used so far (user + system), in microseconds (Linux /proc). */
function cpuMicros(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command; clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/** Resident set size of a process, in MB (Linux /proc). */
function rssMb(pid) {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) / 1024 : Number.NaN;
}

// --- the Dropgate database: a buyer, order stock, and POSITIONS listed positions --------------
const dbPath = join(folder, "dropgate.sqlite");
const seedStart = performance.now();
const store = await openStorage({ path: dbPath });
const ctx = { store, now: () => new Date() };
const issued = createClient(ctx, { name: "bench-buyer", dialect: "optoro", scope: "buyer" });
if (!issued.ok) throw new Error(issued.error.message);
const at = new Date().toISOString();
for (let start = 0; start < POSITIONS; start += 10_000) {
  store.transaction((tx) => {
    for (let i = start; i < Math.min(POSITIONS, start + 10_000); i++) {
      const position = tx.insertPosition({ sku: `SKU-${i}`, condition: "N", channel: "rts_drop_ship", kind: "unit", priceCents: 1999, lot: null, at });
      const onHand = i < ORDER_SKUS ? 1_000_000_000 : 5;
      tx.applyMovement({ positionId: position.id, kind: "advice", cause: { type: "bench", ref: "seed" }, onHand, allocated: 0, reserved: 0, at });
    }
  });
  store.flush();
}
await store.durable();
store.close();
const seedSeconds = (performance.now() - seedStart) / 1000;

// --- servers ------------------------------------------------------------------------------
const gatewayPort = await freePort();
const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
const gateway = await startServer(
  "gateway",
  [
    ...(process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
    join(here, "..", "apps", "gateway", "dist", "main.js"),
  ],
  {
    DROPGATE_DB_PATH: dbPath,
    DROPGATE_GATEWAY_PORT: String(gatewayPort),
    DROPGATE_LOG_LEVEL: "warn",
    DROPGATE_DISPATCHER: "false",
    DROPGATE_RATE_LIMIT_PER_MINUTE: "100000000",
    DROPGATE_RATE_LIMIT_BURST: "100000000",
    DROPGATE_CURSOR_SECRET: "bench-cursor-secret-0123456789",
  },
  async () => (await fetch(`${gatewayUrl}/healthz`)).ok,
);
const rawPorts = { FULL: await freePort(), NORMAL: await freePort() };
const rawServers = {};
for (const mode of ["FULL", "NORMAL"]) {
  rawServers[mode] = await startServer(
    `raw ${mode}`,
    [join(here, "servers", "raw-order-server.mjs"), join(folder, `raw-${mode}.sqlite`), mode, String(rawPorts[mode])],
    {},
    async () => (await fetch(`http://127.0.0.1:${rawPorts[mode]}/orders`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })).status > 0,
  );
}
const readPort = await freePort();
const rawRead = await startServer(
  "raw read",
  [join(here, "servers", "raw-read-server.mjs"), dbPath, String(readPort)],
  {},
  async () => (await fetch(`http://127.0.0.1:${readPort}/listings`)).ok,
);

// --- the buyer's token, the order body, the listing query and the cursor of page 1,000 --------
const tokenAnswer = await fetch(`${gatewayUrl}/optoro/auth/oauth/token`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ grant_type: "client_credentials", client_id: issued.value.key, client_secret: issued.value.secret }),
});
const { access_token: token } = await tokenAnswer.json();
const dropShipHeaders = { authorization: `Bearer ${token}`, "optiturn-dropship-version": "2023-08-15", "content-type": "application/json" };

const sample = JSON.parse(readFileSync(join(here, "..", "apps", "gateway", "test", "fixtures", "optoro", "create-order.request.json"), "utf8")).order;
const line = sample.order_items[0];
let bodyRound = 0;
/** An Optoro order of 3 lines; `[<id>]` becomes a unique id per request (autocannon idReplacement). */
function orderBody() {
  bodyRound += 1;
  const skus = [0, 1, 2].map((k) => `SKU-${(bodyRound * 7 + k * 101) % ORDER_SKUS}`);
  return JSON.stringify({
    order: {
      ...sample,
      client_identifier: `bench-${bodyRound}-[<id>]`,
      order_items: skus.map((sku, k) => ({ ...line, client_identifier: `line-${k + 1}`, sku, quantity: 1 })),
    },
  });
}

const yesterday = new Date(Date.now() - 24 * 3600 * 1000).toISOString();
const listingsQuery = new URLSearchParams({ updated_at: yesterday, channel: "rts_drop_ship", per_page: "20" });
const listingsPath = `/optoro/drop-ship/listings?${listingsQuery}`;
const walkStart = performance.now();
let pagePath = listingsPath;
let afterIdOfPage = 0;
for (let page = 1; page < PAGE; page++) {
  const answer = await fetch(`${gatewayUrl}${pagePath}`, { headers: dropShipHeaders });
  if (!answer.ok) throw new Error(`listings page ${page}: ${answer.status} ${await answer.text()}`);
  const body = await answer.json();
  if (body.next_page === null) throw new Error(`only ${page} pages of listings`);
  pagePath = `/optoro/drop-ship${body.next_page.path}`;
}
const walkSeconds = (performance.now() - walkStart) / 1000;
const page1000 = pagePath;
// The raw reader starts page 1,000 where Dropgate does: after the last id of page 999.
{
  const answer = await fetch(`${gatewayUrl}${page1000}`, { headers: dropShipHeaders });
  const body = await answer.json();
  const first = body.listings[0].identifier;
  afterIdOfPage = Number(first.slice("SKU-".length)); // positions were inserted in sku order, ids from 1
}
const rawReadQuery = new URLSearchParams({ channel: "rts_drop_ship", since: yesterday, after: String(afterIdOfPage) });

// --- cases and rounds -----------------------------------------------------------------------
const cases = [
  { name: "create-order (Dropgate, FULL)", pid: gateway.pid, url: `${gatewayUrl}/optoro/drop-ship/orders`, method: "POST", headers: dropShipHeaders, body: orderBody, ok: [201] },
  { name: "raw order FULL", pid: rawServers.FULL.pid, url: `http://127.0.0.1:${rawPorts.FULL}/orders`, method: "POST", headers: { "content-type": "application/json" }, body: orderBody, ok: [201] },
  { name: "raw order NORMAL", pid: rawServers.NORMAL.pid, url: `http://127.0.0.1:${rawPorts.NORMAL}/orders`, method: "POST", headers: { "content-type": "application/json" }, body: orderBody, ok: [201] },
  { name: "listings page 1 (Dropgate)", pid: gateway.pid, url: `${gatewayUrl}${listingsPath}`, method: "GET", headers: dropShipHeaders, ok: [200] },
  { name: "listings page 1000 (Dropgate)", pid: gateway.pid, url: `${gatewayUrl}${page1000}`, method: "GET", headers: dropShipHeaders, ok: [200] },
  { name: "raw keyset read", pid: rawRead.pid, url: `http://127.0.0.1:${readPort}/listings?${rawReadQuery}`, method: "GET", headers: {}, ok: [200] },
];

const allCases = [...cases];
if (process.env.BENCH_CASES) {
  const wanted = cases.filter((c) => c.name.includes(process.env.BENCH_CASES));
  cases.splice(0, cases.length, ...wanted);
}

async function measure(spec, seconds) {
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(spec.pid));
  }, 100);
  const cpuBefore = cpuMicros(spec.pid);
  const result = await autocannon({
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    ...(spec.body === undefined ? {} : { body: spec.body(), idReplacement: true }),
    connections: CONNECTIONS,
    duration: seconds,
  });
  clearInterval(sampler);
  peak = Math.max(peak, rssMb(spec.pid));
  const bad = result.non2xx + result.errors + result.timeouts;
  const cpu = (cpuMicros(spec.pid) - cpuBefore) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, rss: peak, total: result.requests.total, bad, cpu };
}

process.stderr.write(`seeded ${POSITIONS} positions in ${seedSeconds.toFixed(1)} s; walked ${PAGE - 1} pages in ${walkSeconds.toFixed(1)} s\n`);
// One short warm-up of every case (JIT, page cache), not counted.
for (const spec of cases) await measure(spec, 1);
const runs = new Map(cases.map((c) => [c.name, []]));
for (let round = 1; round <= ROUNDS; round++) {
  // Alternate the order of the cases between rounds, so drift in machine load hits all alike.
  const order = round % 2 === 1 ? cases : [...cases].reverse();
  for (const spec of order) {
    const run = await measure(spec, SECONDS);
    runs.get(spec.name).push(run);
    process.stderr.write(`round ${round} ${spec.name}: ${Math.round(run.rps)} req/s p50 ${run.p50} ms p99 ${run.p99} ms rss ${run.rss.toFixed(0)} MB cpu ${run.cpu.toFixed(0)} µs/req${run.bad ? ` (${run.bad} non-2xx/errors)` : ""}\n`);
  }
}

// --- the table ------------------------------------------------------------------------------
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const summary = new Map(
  [...runs].map(([name, list]) => [
    name,
    {
      rps: median(list.map((r) => r.rps)),
      p50: median(list.map((r) => r.p50)),
      p99: median(list.map((r) => r.p99)),
      rss: Math.max(...list.map((r) => r.rss)),
      cpu: median(list.map((r) => r.cpu)),
      bad: list.reduce((sum, r) => sum + r.bad, 0),
      total: list.reduce((sum, r) => sum + r.total, 0),
    },
  ]),
);
const s = (name) => summary.get(name);
const fmt = (n, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const lines = [];
lines.push(`HTTP: ${CONNECTIONS} connections, ${ROUNDS} alternating rounds of ${SECONDS} s per case (medians), ${POSITIONS.toLocaleString("en-US")} listed positions`);
lines.push("");
lines.push("| case | req/s | p50 ms | p99 ms | server CPU µs/req | peak RSS MB | non-2xx/errors |");
lines.push("|---|---:|---:|---:|---:|---:|---:|");
for (const spec of cases) {
  const r = s(spec.name);
  lines.push(`| ${spec.name} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${fmt(r.cpu)} | ${fmt(r.rss)} | ${r.bad} of ${fmt(r.total)} |`);
}
const [create, rawFull, rawNormal, p1, p1000, rawReadResult] = allCases.map((c) => s(c.name));
if (cases.length === allCases.length) {
  const ratio = (a, b) => (b === 0 ? Number.NaN : a / b);
  const goal = (value, target, higherIsBetter) => `${fmt(value, 2)}× (goal ${higherIsBetter ? "≥" : "≤"} ${fmt(target, 2)}×: ${(higherIsBetter ? value >= target : value <= target) ? "met" : "missed"})`;
  lines.push("");
  lines.push("| ratio | value |");
  lines.push("|---|---|");
  lines.push(`| create-order / raw FULL, req/s | ${goal(ratio(create.rps, rawFull.rps), 1.5, true)} |`);
  lines.push(`| create-order / raw NORMAL, req/s | ${goal(ratio(create.rps, rawNormal.rps), 0.75, true)} |`);
  lines.push(`| create-order p99 / raw FULL p99 | ${goal(ratio(create.p99, rawFull.p99), 2, false)} |`);
  lines.push(`| create-order p99 / raw NORMAL p99 | ${goal(ratio(create.p99, rawNormal.p99), 2, false)} |`);
  lines.push(`| listings page 1 / page 1000, req/s | ${goal(ratio(p1.rps, p1000.rps), 1.2, false)} |`);
  lines.push(`| listings page 1000 / page 1, req/s | ${goal(ratio(p1000.rps, p1.rps), 1 / 1.2, true)} |`);
  lines.push(`| listings page 1 / raw read, req/s | ${goal(ratio(p1.rps, rawReadResult.rps), 0.5, true)} |`);
  lines.push(`| listings page 1000 / raw read, req/s | ${goal(ratio(p1000.rps, rawReadResult.rps), 0.5, true)} |`);
  lines.push(`| listings page 1 p99 / raw read p99 | ${goal(ratio(p1.p99, rawReadResult.p99), 2, false)} |`);
  lines.push(`| listings page 1000 p99 / raw read p99 | ${goal(ratio(p1000.p99, rawReadResult.p99), 2, false)} |`);
  const gatewayPeak = Math.max(create.rss, p1.rss, p1000.rss);
  lines.push(`| gateway peak RSS under load | ${fmt(gatewayPeak)} MB (goal < 250 MB: ${gatewayPeak < 250 ? "met" : "missed"}) |`);
}
lines.push("");
lines.push(`Setup: seeded ${POSITIONS.toLocaleString("en-US")} positions in ${fmt(seedSeconds, 1)} s; walked listing pages 1–${PAGE - 1} one after the other over HTTP in ${fmt(walkSeconds, 1)} s.`);
console.log(lines.join("\n"));
for (const child of children) child.kill("SIGTERM");
