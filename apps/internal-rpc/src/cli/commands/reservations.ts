import type { Command } from "commander";
import { clientRef, count, integer } from "../arguments.js";
import { table } from "../output.js";
import { sessionOf } from "../session.js";

/** `dropgate reservations …`: quantities buyers locked ahead of ordering (Rewix). */
export function registerReservationCommands(program: Command): void {
  const reservations = program.command("reservations").description("buyer reservations: list, lock, unlock, set, release");

  reservations
    .command("list")
    .description("what a buyer has locked")
    .argument("<client>", "buyer id or name", clientRef)
    .action(async (client: number | string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const rows = await rpc.reservations.list.query({ client });
      out.result(rows, (r) =>
        table(r, [
          { header: "POSITION", value: (x) => x.positionId, align: "right" },
          { header: "LOCKED", value: (x) => x.locked, align: "right" },
          { header: "UPDATED", value: (x) => x.updatedAt },
        ]),
      );
    });

  reservations
    .command("release")
    .description("give a buyer's locked stock back (all positions, or one)")
    .argument("<client>", "buyer id or name", clientRef)
    .argument("[position-id]", "only this stock position", integer)
    .action(async (client: number | string, positionId: number | undefined, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const result = await rpc.reservations.release.mutate({ client, ...(positionId === undefined ? {} : { positionId }) });
      out.result(result, (r) =>
        table(r.released, [
          { header: "POSITION", value: (m) => m.positionId, align: "right" },
          { header: "RELEASED", value: (m) => m.locked, align: "right" },
          { header: "AVAILABLE", value: (m) => m.available, align: "right" },
        ]),
      );
    });

  for (const [type, description] of [
    ["lock", "lock more of a position (grants what is available)"],
    ["unlock", "give locked quantity back"],
    ["set", "set the locked total of a position"],
  ] as const) {
    reservations
      .command(type)
      .description(description)
      .argument("<client>", "buyer id or name", clientRef)
      .argument("<position-id>", "stock position id", integer)
      .argument("<quantity>", "quantity", count)
      .action(async (client: number | string, positionId: number, quantity: number, _opts: unknown, cmd: Command) => {
        const { rpc, out } = sessionOf(cmd);
        const result = await rpc.reservations.reserve.mutate({ client, operations: [{ type, positionId, quantity }] });
        out.result(result, (r) =>
          table(r.models, [
            { header: "POSITION", value: (m) => m.positionId, align: "right" },
            { header: "LOCKED", value: (m) => m.locked, align: "right" },
            { header: "AVAILABLE", value: (m) => m.available, align: "right" },
          ]),
        );
      });
  }
}
