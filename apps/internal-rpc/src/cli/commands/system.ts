import type { Command } from "commander";
import { FailedCheck } from "../failures.js";
import { fields } from "../output.js";
import { sessionOf } from "../session.js";

/** `dropgate system …`: health, counts and the ledger invariant. */
export function registerSystemCommands(program: Command): void {
  const system = program.command("system").description("health, counts, ledger invariant check");

  system
    .command("health")
    .description("is the server up (needs no token)")
    .action(async (_opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.system.health.query(), (h) => [`${h.status} at ${h.time}`]);
    });

  system
    .command("counts")
    .description("how many rows of each kind")
    .action(async (_opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.system.counts.query(), (c) => fields(Object.entries(c)));
    });

  system
    .command("check")
    .description("every position equals the sum of its ledger; exits 1 when not")
    .action(async (_opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const check = await rpc.system.check.query();
      out.result(check, (c) =>
        c.ok ? ["ledger invariant holds"] : [`${c.violations.length} violations:`, ...c.violations.map((v) => `  position ${v.positionId}: ${v.problem}`)],
      );
      if (!check.ok) throw new FailedCheck(`ledger invariant violated at ${check.violations.length} positions`);
    });
}
