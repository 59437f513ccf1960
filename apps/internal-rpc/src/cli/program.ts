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
import { registerWebhookCommands } from "./commands/webhooks.js";
import { registerWorldCommands } from "./commands/world.js";

/** The `dropgate` command tree. */
export function buildProgram(): Command {
  const program = new Command("dropgate")
    .description("Operate a Dropgate hub through its internal RPC")
    .option("--json", "print machine-readable JSON (errors go to stderr as JSON)")
    .option("--url <url>", "internal RPC URL (default $DROPGATE_RPC_URL or http://127.0.0.1:8081/trpc)")
    .option("--token <token>", "bearer token (default $DROPGATE_RPC_TOKEN or the token file next to $DROPGATE_DB_PATH)")
    // Throw instead of exiting so the caller owns exit codes; set before adding commands so they inherit it.
    .exitOverride()
    .showHelpAfterError("(add --help for usage)");
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
  registerWebhookCommands(program);
  registerSystemCommands(program);
  registerWorldCommands(program);
  registerImportCommands(program);
  return program;
}
