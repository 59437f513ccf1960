import type { Client } from "@dropgate/core-domain";
import type { Command } from "commander";
import { clientRef, count, onOff } from "../arguments.js";
import { fields, money } from "../output.js";
import { sessionOf } from "../session.js";

type BuyerSettings = Pick<Client, "id" | "name" | "ecreditCents" | "autoConfirm">;

function settingsLines(s: BuyerSettings): string[] {
  return fields([
    ["client", `${s.name} (#${s.id})`],
    ["ecredit", money(s.ecreditCents)],
    ["auto-confirm", s.autoConfirm ? "on" : "off"],
  ]);
}

/** `dropgate settings …`: a buyer's ecredit and auto-confirmation. */
export function registerSettingsCommands(program: Command): void {
  const settings = program.command("settings").description("buyer settings: ecredit and auto-confirm");

  settings
    .command("show")
    .argument("<client>", "buyer id or name", clientRef)
    .description("a buyer's settings")
    .action(async (client: number | string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.settings.get.query({ client }), settingsLines);
    });

  settings
    .command("ecredit")
    .description("set a buyer's ecredit")
    .argument("<client>", "buyer id or name", clientRef)
    .argument("<cents>", "ecredit in cents", count)
    .action(async (client: number | string, ecreditCents: number, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.settings.update.mutate({ client, ecreditCents }), settingsLines);
    });

  settings
    .command("auto-confirm")
    .description("turn a buyer's auto-confirmation on or off")
    .argument("<client>", "buyer id or name", clientRef)
    .argument("<on|off>", "on or off", onOff)
    .action(async (client: number | string, autoConfirm: boolean, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.settings.update.mutate({ client, autoConfirm }), settingsLines);
    });
}
