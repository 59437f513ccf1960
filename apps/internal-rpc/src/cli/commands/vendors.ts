import type { VendorSettings } from "@dropgate/core-domain";
import type { Command } from "commander";
import { onOff } from "../arguments.js";
import { fields } from "../output.js";
import { sessionOf } from "../session.js";

function settingsLines(s: VendorSettings): string[] {
  return fields([
    ["vendor", s.vendorId],
    ["change POs after submit", s.changePosAfterSubmit ? "on" : "off"],
    ["updated", s.updatedAt ?? "never (defaults)"],
  ]);
}

/** `dropgate vendors …`: per-vendor settings. */
export function registerVendorCommands(program: Command): void {
  const vendors = program.command("vendors").description("drop-ship vendor settings");

  vendors
    .command("show")
    .description("a vendor's settings")
    .argument("<vendor-id>", "vendor id")
    .action(async (vendorId: string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.vendors.settings.query({ vendorId }), settingsLines);
    });

  vendors
    .command("change-pos-after-submit")
    .description("let buyer and operator changes reach a submitted PO until the vendor accepts it (RetailOps vendor setting)")
    .argument("<vendor-id>", "vendor id")
    .argument("<on|off>", "on or off", onOff)
    .action(async (vendorId: string, changePosAfterSubmit: boolean, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.vendors.updateSettings.mutate({ vendorId, changePosAfterSubmit }), settingsLines);
    });
}
