import { Command } from "commander";
import { registerClientCommands } from "./commands/clients.js";
import { registerForwardOrderCommands } from "./commands/forward-orders.js";
import { registerImportCommands } from "./commands/import.js";
import { registerOrderCommands } from "./commands/orders.js";
import { registerPurchaseOrderCommands } from "./commands/purchase-orders.js";
import { registerReservationCommands } from "./commands/reservations.js";
import { registerSettingsCommands } from "./commands/settings.js";
import { registerShipmentCommands } from "./commands/shipments.js";
import { registerShippingCommands } from "./commands/shipping.js";
import { registerStockCommands } from "./commands/stock.js";
import { registerSystemCommands } from "./commands/system.js";
import { registerUnitCommands } from "./commands/units.js";
import { registerVendorCommands } from "./commands/vendors.js";
import { registerWebhookCommands } from "./commands/webhooks.js";
import { registerWorldCommands } from "./commands/world.js";
import { bindIo, type CliIo } from "./io.js";

const HELP_FOOTER = `
From the repository root, with only Node and npm (after \`npm start\` has built it):
  ./dropgate system health
  ./dropgate orders search --client demo-buyer
  ./dropgate --json system counts          # clean JSON on stdout, errors on stderr
Contributors can also run \`npx -y pnpm@10.34.9 dropgate <args>\` (from source, at the root).

Exit codes: 0 done, 1 refused by the server (or a failed check), 2 usage or input file,
3 missing or wrong token, 4 server unreachable or unexpected failure, 5 CLI not built yet.`;

/** The `dropgate` command tree, writing to `io`. */
export function buildProgram(io: CliIo): Command {
  const program = new Command("dropgate")
    .description("Operate a Dropgate hub through its internal RPC")
    .option("--json", "print machine-readable JSON (errors go to stderr as JSON)")
    .option("--url <url>", "internal RPC URL (default $DROPGATE_RPC_URL or http://127.0.0.1:8081/trpc)")
    .option("--token <token>", "bearer token (default $DROPGATE_RPC_TOKEN or the token file next to $DROPGATE_DB_PATH)")
    // Throw instead of exiting so the caller owns exit codes; set before adding commands so they inherit it.
    .exitOverride()
    .showHelpAfterError("(add --help for usage)")
    .addHelpText("after", HELP_FOOTER);
  // Before the commands are added, so that they inherit where to write.
  bindIo(program, io);
  registerClientCommands(program);
  registerStockCommands(program);
  registerUnitCommands(program);
  registerOrderCommands(program);
  registerPurchaseOrderCommands(program);
  registerShipmentCommands(program);
  registerReservationCommands(program);
  registerForwardOrderCommands(program);
  registerShippingCommands(program);
  registerSettingsCommands(program);
  registerVendorCommands(program);
  registerWebhookCommands(program);
  registerSystemCommands(program);
  registerWorldCommands(program);
  registerImportCommands(program);
  return program;
}
