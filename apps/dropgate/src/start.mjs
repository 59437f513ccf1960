#!/usr/bin/env node
// The Quick start (`npm start` at the repository root builds, then runs this file): the gateway, the internal RPC and
// the webhook dispatcher in ONE process over ONE storage connection to the embedded
// SQLite file. On first start (no clients yet) it loads the demo world and keeps the issued demo
// credentials next to the database, because Dropgate stores only hashes of secrets: that file is
// the only copy. Each app can also run alone against the same file (see the READMEs).
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  createDialects,
  createGateway,
  createGatewayMetrics,
  createShutdown,
  loadConfig,
  resolveCursorSecret,
  startWebhookDispatcher,
} from "@dropgate/gateway";
import { createRpcServer, demoWorld, loadRpcConfig, loadWorld, resolveRpcToken, WorldFile } from "@dropgate/internal-rpc";
import { openStorage } from "@dropgate/storage";

/** Prints a message for a configuration problem and exits without a stack trace. */
function fail(message) {
  console.error(`dropgate: ${message}`);
  process.exit(1);
}

/** Loads the demo world when the database has no clients yet; answers the demo credentials or null. */
async function ensureDemoWorld(ctx, credentialsFile) {
  const fresh = ctx.store.read((r) => r.listClients().length === 0);
  if (fresh) {
    const mark = ctx.store.commitMark();
    const loaded = loadWorld(ctx, WorldFile.parse(demoWorld));
    if (!loaded.ok) {
      console.error(`dropgate: loading the demo world failed: ${loaded.error.message}`);
      return null;
    }
    // The world is written through the group commit: save its credentials only once it is durable.
    await ctx.store.durable(mark);
    writeFileSync(credentialsFile, `${JSON.stringify(loaded.value.credentials, null, 2)}\n`, { mode: 0o600 });
    chmodSync(credentialsFile, 0o600);
    console.log(`loaded the demo world; its credentials are saved in ${credentialsFile} (mode 0600)`);
    return loaded.value.credentials;
  }
  if (!existsSync(credentialsFile)) return null;
  return JSON.parse(readFileSync(credentialsFile, "utf8"));
}

function printBanner({ gatewayUrl, dialects, rpcUrl, token, dbPath, credentials, credentialsFile, dispatcher }) {
  const lines = [
    "",
    "Dropgate is running",
    `  database          ${dbPath}`,
    `  gateway           ${gatewayUrl}/   (lists the dialects and their documents)`,
    ...dialects.map((d) => `  ${d.title.padEnd(17)} ${gatewayUrl}${d.prefix}   docs: ${gatewayUrl}${d.prefix}/docs`),
    `  internal RPC      ${rpcUrl}`,
    `  webhooks          ${dispatcher ? "dispatcher on (Disposition Update and drop-ship events)" : "dispatcher off (DROPGATE_DISPATCHER=false)"}`,
    `  RPC token         ${token.token}   (${token.source === "env" ? "from DROPGATE_RPC_TOKEN" : `kept in ${token.file}`})`,
    `  CLI               ./dropgate system counts   (from the repository root; finds the token next to the database)`,
    "",
  ];
  if (credentials) {
    lines.push(`Demo credentials (secrets are stored hashed; ${credentialsFile} is the only copy):`);
    for (const [name, c] of Object.entries(credentials)) {
      // A RetailOps vendor sends one string (its apikey); the others a key and a secret.
      const credential = c.apikey ? `apikey ${c.apikey}` : `key ${c.key}  secret ${c.secret}`;
      lines.push(`  ${name.padEnd(12)} ${c.dialect.padEnd(9)} ${c.scope.padEnd(7)} ${credential}`);
    }
    const vendor = Object.values(credentials).find((c) => c.apikey);
    if (vendor) {
      lines.push(
        "",
        "Try the RetailOps vendor:",
        `  curl -s ${gatewayUrl}/retailops/Vendor/PO/Fetch.json -H 'apikey: ${vendor.apikey}' \\`,
        `    -H 'content-type: application/json' -d '{"status":"ready","with_items":1}'`,
      );
    }
    const buyer = credentials["demo-buyer"];
    if (buyer) {
      lines.push(
        "",
        "Try the Optoro buyer:",
        `  curl -s ${gatewayUrl}/optoro/auth/oauth/token -H 'content-type: application/json' \\`,
        `    -d '{"grant_type":"client_credentials","client_id":"${buyer.key}","client_secret":"${buyer.secret}"}'`,
      );
    }
  } else {
    lines.push(
      `No demo credentials to show (the database was not seeded by this script, or ${credentialsFile} is gone).`,
      "Issue new ones with: ./dropgate clients rotate demo-buyer",
    );
  }
  console.log(lines.join("\n"));
}

let gatewayConfig;
let rpcConfig;
try {
  gatewayConfig = loadConfig();
  rpcConfig = loadRpcConfig();
} catch (error) {
  fail(error.message);
}

// The gateway resolves DROPGATE_DB_PATH to an absolute path; both apps use that one file.
const dbPath = gatewayConfig.dbPath;
const store = await openStorage({ path: dbPath, checkpoint: "background" });
const ctx = { store, now: () => new Date() };

const cursorSecret = resolveCursorSecret(gatewayConfig.cursorSecret, dbPath);
const dialects = createDialects({
  cursorSecret,
  ...(gatewayConfig.oauthTokenTtlSeconds === undefined ? {} : { oauthTokenTtlSeconds: gatewayConfig.oauthTokenTtlSeconds }),
});
// One metrics registry for the gateway's /metrics and the dispatcher's attempt counters.
const metrics = createGatewayMetrics({ store });
const app = createGateway({ store, config: gatewayConfig, dialects, metrics });
// Storage is shared, so the gateway's shutdown must not close it; it is closed last, below.
const stopGateway = createShutdown({ app, closeStorage: () => {}, timeoutMs: gatewayConfig.shutdownTimeoutMs });

const token = resolveRpcToken({ token: rpcConfig.token, dbPath });
let rpc;
let gatewayUrl;
try {
  gatewayUrl = await app.listen({ host: gatewayConfig.host, port: gatewayConfig.port });
  rpc = await createRpcServer({ store, token: token.token, host: rpcConfig.host, port: rpcConfig.port });
} catch (error) {
  await app.close();
  store.close();
  fail(error.code === "EADDRINUSE" ? `a port is taken (${error.message}); set DROPGATE_GATEWAY_PORT / DROPGATE_RPC_PORT` : error.message);
}

// ── Webhook dispatcher ──────────────────────────────────────────────────────────────────────
// Drains the outbox on the same `ctx`; stopped first in `shutdown` below, before the servers, so
// no claimed delivery is left in flight (one that is comes due again when its lease runs out).
const dispatcher = gatewayConfig.dispatcher.enabled
  ? startWebhookDispatcher({
      ctx,
      logger: app.log.child({ component: "webhook-dispatcher" }),
      events: metrics.dispatcherEvents,
      ...gatewayConfig.dispatcher,
    })
  : undefined;

const credentialsFile = join(dirname(dbPath), "demo-credentials.json");
const credentials = await ensureDemoWorld(ctx, credentialsFile);
printBanner({ gatewayUrl, dialects, rpcUrl: rpc.url, token, dbPath, credentials, credentialsFile, dispatcher });

let stopping = false;
/** Stops taking work in dependency order, then closes the one storage connection (once). */
function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  (async () => {
    console.log(`\n${signal}: shutting down`);
    await dispatcher?.stop();
    await Promise.all([stopGateway(), rpc.close()]);
    store.close();
  })().then(
    () => {
      // A stop on request is a success: say so and exit 0, so npm reports no failure.
      console.log("Dropgate stopped cleanly");
      process.exit(0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
process.on("SIGINT", () => shutdown("SIGINT"));
process.on("SIGTERM", () => shutdown("SIGTERM"));
