// How long a healthy webhook endpoint waits for its event while other endpoints misbehave.
// One dispatcher with the gateway's defaults (poll 250 ms, 10 s timeout, 4 sends per subscription)
// on a fresh SQLite file; a unit is moved every EVERY_MS for EVENTS events, and each move is one
// Disposition Update for every subscriber:
//   alone      — only the healthy endpoint is subscribed (the baseline)
//   with bad   — beside it, one endpoint that hangs past the timeout, one that answers 500 and one
//                that refuses connections
// Latency is from the move's commit to the healthy endpoint receiving the POST. Also reports how
// many hanging requests were open when each healthy event arrived (proof the hang overlapped).
// Runs against the built dist: the root `bench` script builds first.
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const fromGateway = createRequire(new URL("../apps/gateway/package.json", import.meta.url));
const load = (specifier) => import(pathToFileURL(fromGateway.resolve(specifier)).href);
const { openStorage } = await load("@dropgate/storage");
const core = await load("@dropgate/core-domain");
const { startWebhookDispatcher, createLogger } = await load("@dropgate/gateway");

const EVENTS = Number(process.env.BENCH_EVENTS ?? 40);
const EVERY_MS = Number(process.env.BENCH_EVERY_MS ?? 250);
const folder = mkdtempSync(join(tmpdir(), "dropgate-bench-hooks-"));

function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}
const urlOf = (server) => `http://127.0.0.1:${server.address().port}`;
const must = (result) => {
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function scenario(name, withBad) {
  const store = await openStorage({ path: join(folder, `${name.replace(/\W/g, "-")}.sqlite`) });
  const ctx = { store, now: () => new Date() };
  const committed = new Map();
  const latencies = [];
  const openHangsAtReceipt = [];
  const hanging = new Set();

  const healthy = await listen((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const lp = JSON.parse(Buffer.concat(chunks).toString("utf8")).optiturn_lp;
      const at = committed.get(lp);
      if (at !== undefined && !latencies.some((l) => l.lp === lp)) {
        latencies.push({ lp, ms: performance.now() - at });
        openHangsAtReceipt.push(hanging.size);
      }
      res.writeHead(200, { "content-type": "application/json" }).end('{"message":"Success"}');
    });
  });
  const servers = [healthy];
  const client = must(core.createClient(ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client;
  const subscribe = (url) => must(core.createSubscription(ctx, { clientId: client.id, url, auth: { kind: "none" }, eventTypes: ["disposition_update"] }));
  subscribe(urlOf(healthy));
  if (withBad) {
    const hang = await listen((req, res) => {
      req.resume();
      hanging.add(res);
      res.on("close", () => hanging.delete(res));
    });
    const failing = await listen((req, res) => {
      req.resume();
      req.on("end", () => res.writeHead(500, { "content-type": "application/json" }).end('{"message":"down"}'));
    });
    const refusing = await listen(() => {});
    const refusingUrl = urlOf(refusing);
    await new Promise((resolve) => refusing.close(resolve));
    servers.push(hang, failing);
    subscribe(urlOf(hang));
    subscribe(urlOf(failing));
    subscribe(refusingUrl);
  }

  const dispatcher = startWebhookDispatcher({ ctx, logger: createLogger({ level: "silent" }) });
  for (let n = 0; n < EVENTS; n += 1) {
    const lp = `LP${n}`;
    must(core.createUnit(ctx, { lp, sku: "S1", upc: "1", condition: "N", disposition: "rts", warehouse: "22", location: "L", program: "p" }));
    must(core.moveUnit(ctx, { lp, toDisposition: "rts_drop_ship" }));
    committed.set(lp, performance.now());
    await new Promise((resolve) => setTimeout(resolve, EVERY_MS));
  }
  const deadline = Date.now() + 15_000;
  while (latencies.length < EVENTS && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));

  for (const res of hanging) res.destroy();
  for (const server of servers) server.closeAllConnections();
  await dispatcher.stop();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  store.close();

  const sorted = latencies.map((l) => l.ms).sort((a, b) => a - b);
  const overlapped = openHangsAtReceipt.filter((open) => open > 0).length;
  console.log(
    `${name.padEnd(9)} received ${String(latencies.length).padStart(3)}/${EVENTS}` +
      `  p50 ${percentile(sorted, 50).toFixed(0).padStart(4)} ms  p95 ${percentile(sorted, 95).toFixed(0).padStart(4)} ms` +
      `  max ${sorted.at(-1).toFixed(0).padStart(4)} ms` +
      (withBad ? `  (${overlapped}/${latencies.length} arrived while a hanging request was open)` : ""),
  );
}

console.log(`node ${process.version}, ${cpus().length} cpus, load ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ${EVENTS} events, one every ${EVERY_MS} ms`);
try {
  await scenario("alone", false);
  await scenario("with bad", true);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
