import type { Command } from "commander";
import { count, integer } from "../arguments.js";
import { money, table } from "../output.js";
import { sessionOf } from "../session.js";

/** `dropgate carriers …` and `dropgate ship-classes …`. */
export function registerShippingCommands(program: Command): void {
  const carriers = program.command("carriers").description("carriers buyers may choose (Rewix)");

  carriers
    .command("list")
    .description("list carriers")
    .action(async (_opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.carriers.list.query(), (rows) =>
        table(rows, [
          { header: "ID", value: (c) => c.id, align: "right" },
          { header: "NAME", value: (c) => c.name },
          { header: "COST", value: (c) => money(c.costCents), align: "right" },
          { header: "DEFAULT", value: (c) => (c.isDefault ? "yes" : "") },
        ]),
      );
    });

  carriers
    .command("set")
    .description("create or update a carrier")
    .argument("<id>", "carrier id", integer)
    .argument("<name>")
    .requiredOption("--cost-cents <cents>", "flat cost in cents", count)
    .option("--default", "the carrier used when an order names none")
    .action(async (id: number, name: string, opts: { costCents: number; default?: boolean }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const carrier = await rpc.carriers.upsert.mutate({ id, name, costCents: opts.costCents, isDefault: opts.default === true });
      out.result(carrier, (c) => [`carrier ${c.id} ${c.name} saved`]);
    });

  const shipClasses = program.command("ship-classes").description("ship classes vendors pick per package (RetailOps)");

  shipClasses
    .command("list")
    .description("list ship classes")
    .action(async (_opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.shipClasses.list.query(), (rows) =>
        table(rows, [
          { header: "ID", value: (c) => c.id, align: "right" },
          { header: "NAME", value: (c) => c.name },
          { header: "CARRIER", value: (c) => c.carrier },
        ]),
      );
    });

  shipClasses
    .command("set")
    .description("create or rename a ship class")
    .argument("<id>", "ship class id, e.g. 7", integer)
    .argument("<name>", "e.g. 'FedEx Ground'")
    .requiredOption("--carrier <carrier>", "e.g. FedEx")
    .action(async (id: number, name: string, opts: { carrier: string }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const saved = await rpc.shipClasses.upsert.mutate({ id, name, carrier: opts.carrier });
      out.result(saved, (c) => [`ship class ${c.id} ${c.name} saved`]);
    });
}
