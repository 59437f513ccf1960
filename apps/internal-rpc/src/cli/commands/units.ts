import { Condition, type Unit } from "@dropgate/core-domain";
import { type Command, Option } from "commander";
import { fields, table } from "../output.js";
import { sessionOf } from "../session.js";

function unitLines(u: Unit): string[] {
  return fields([
    ["lp", u.lp],
    ["sku", u.sku],
    ["upc", u.upc],
    ["condition", u.condition],
    ["disposition", u.disposition],
    ["warehouse", u.warehouse],
    ["location", u.location],
    ["program", u.program],
    ["updated", u.updatedAt],
  ]);
}

/** `dropgate units …`: physical units and their dispositions. */
export function registerUnitCommands(program: Command): void {
  const units = program.command("units").description("physical units: receive, move, history");

  units
    .command("show")
    .argument("<lp>", "license plate")
    .description("one unit")
    .action(async (lp: string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.units.get.query({ lp }), unitLines);
    });

  units
    .command("create")
    .description("receive a unit; in a listing condition it adds one to its position")
    .argument("<lp>", "license plate")
    .requiredOption("--sku <sku>")
    .option("--upc <upc>", "UPC", "")
    .addOption(new Option("--condition <condition>").choices(Condition.options).makeOptionMandatory())
    .option("--disposition <channel>", "disposition (channel)", "rts_drop_ship")
    .requiredOption("--warehouse <name>")
    .requiredOption("--location <location>")
    .option("--program <program>", "program", "returns")
    .action(
      async (
        lp: string,
        opts: { sku: string; upc: string; condition: Condition; disposition: string; warehouse: string; location: string; program: string },
        cmd: Command,
      ) => {
        const { rpc, out } = sessionOf(cmd);
        out.result(await rpc.units.create.mutate({ lp, ...opts }), unitLines);
      },
    );

  units
    .command("move")
    .description("move a unit to another disposition, condition, sku or location")
    .argument("<lp>", "license plate")
    .option("--to <disposition>", "new disposition (channel), e.g. rts_drop_ship")
    .addOption(new Option("--condition <condition>", "new condition").choices(Condition.options))
    .option("--sku <sku>", "new sku")
    .option("--location <location>", "new location")
    .option("--user <login>", "who moved it, for the disposition event")
    .action(
      async (lp: string, opts: { to?: string; condition?: Condition; sku?: string; location?: string; user?: string }, cmd: Command) => {
        const { rpc, out } = sessionOf(cmd);
        const moved = await rpc.units.move.mutate({
          lp,
          ...(opts.to === undefined ? {} : { toDisposition: opts.to }),
          ...(opts.condition === undefined ? {} : { toCondition: opts.condition }),
          ...(opts.sku === undefined ? {} : { toSku: opts.sku }),
          ...(opts.location === undefined ? {} : { location: opts.location }),
          ...(opts.user === undefined ? {} : { userLogin: opts.user }),
        });
        out.result(moved, ({ event: e }) => [
          `unit ${e.lp}: ${e.fromDisposition}/${e.fromCondition} -> ${e.toDisposition}/${e.toCondition}` +
            (e.fromSku === e.toSku ? "" : ` (sku ${e.fromSku} -> ${e.toSku})`),
        ]);
      },
    );

  units
    .command("history")
    .description("a unit and every disposition event it went through")
    .argument("<lp>", "license plate")
    .action(async (lp: string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const history = await rpc.units.history.query({ lp });
      out.result(history, (h) => [
        ...unitLines(h.unit),
        "",
        ...table(h.events, [
          { header: "AT", value: (e) => e.at },
          { header: "FROM", value: (e) => `${e.fromDisposition}/${e.fromCondition}` },
          { header: "TO", value: (e) => `${e.toDisposition}/${e.toCondition}` },
          { header: "SKU", value: (e) => (e.fromSku === e.toSku ? e.toSku : `${e.fromSku} -> ${e.toSku}`) },
          { header: "LOCATION", value: (e) => e.location },
          { header: "USER", value: (e) => e.userLogin },
        ]),
      ]);
    });
}
