/*
 * A webhook dispatcher in a process of its own, for crash tests: it opens the SQLite file given
 * as the first argument, runs the real dispatcher on the real clock with the settings in the
 * second argument (JSON), prints `ready <dispatcher id>` and runs until it is killed.
 */
import { openStorage } from "@dropgate/storage";
import { startWebhookDispatcher } from "../../../src/dispatcher/webhook-dispatcher.js";
import { createLogger } from "../../../src/logging/logger.js";

const [path, settings = "{}"] = process.argv.slice(2);
if (path === undefined) throw new Error("usage: dispatcher-process <db path> [settings JSON]");
const store = await openStorage({ path });
const dispatcher = startWebhookDispatcher({
  ctx: { store, now: () => new Date() },
  logger: createLogger({ level: "silent" }),
  ...JSON.parse(settings),
});
process.stdout.write(`ready ${dispatcher.id}\n`);
process.on("SIGTERM", () => {
  void dispatcher.stop().then(() => {
    store.close();
    process.exit(0);
  });
});
