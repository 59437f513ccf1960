import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { WorldFile } from "../../world/world-file.js";
import type { WorldLoadReport } from "../../world/load-report.js";
import { UsageError } from "../failures.js";
import type { Output } from "../output.js";
import { sessionOf } from "../session.js";

function readWorldFile(file: string): WorldFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const parsed = WorldFile.safeParse(data);
  if (!parsed.success) {
    throw new UsageError(
      `${file} is not a valid world file; nothing was loaded`,
      parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`),
    );
  }
  return parsed.data;
}

/**
 * The credentials go to stdout as JSON keyed by client name (so `dropgate load w.json > creds.json`
 * keeps them); the tally goes to stderr. `--json` prints the whole report instead.
 */
function printReport(out: Output, report: WorldLoadReport): void {
  if (out.json) {
    out.result(report, () => []);
    return;
  }
  out.stdout.write(`${JSON.stringify(report.credentials, null, 2)}\n`);
  out.note(
    `clients: ${report.clients.created} created, ${report.clients.existing} already there; ` +
      `units: ${report.units.created} created, ${report.units.existing} already there; ` +
      `subscriptions: ${report.subscriptions.created} created, ${report.subscriptions.existing} already there; ` +
      `products ${report.products}, stock rows ${report.stock}, ship classes ${report.shipClasses}, carriers ${report.carriers}`,
  );
  if (report.clients.created > 0) out.note("Secrets are shown once: Dropgate keeps only their hashes.");
}

/** `dropgate load <file>` and `dropgate demo`. */
export function registerWorldCommands(program: Command): void {
  program
    .command("load")
    .description("load a world file (clients, products, stock, units, ship classes, carriers, subscriptions); prints issued credentials")
    .argument("<file>", "world file (.json)")
    .action(async (file: string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      printReport(out, await rpc.world.load.mutate(readWorldFile(file)));
    });

  program
    .command("demo")
    .description("load the built-in demo world (idempotent); prints issued credentials")
    .action(async (_opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      printReport(out, await rpc.world.demo.mutate());
    });
}
