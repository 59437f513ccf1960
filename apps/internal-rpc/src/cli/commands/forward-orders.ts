import type { Command } from "commander";
import { clientRef, integer } from "../arguments.js";
import { fields, pageFooter, table } from "../output.js";
import { clientNames } from "../client-names.js";
import { sessionOf } from "../session.js";

/** `dropgate forward-orders …`: retailers' outbound orders kept to match returns. */
export function registerForwardOrderCommands(program: Command): void {
  const forwardOrders = program.command("forward-orders").description("retailers' forward orders: search, show");

  forwardOrders
    .command("search")
    .description("search forward orders")
    .option("--client <client>", "sender id or name", clientRef)
    .option("--after <id>", "page after this id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(async (opts: { client?: number | string; after?: number; limit: number }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const [page, clientName] = await Promise.all([
        rpc.forwardOrders.search.query({
          limit: opts.limit,
          ...(opts.client === undefined ? {} : { client: opts.client }),
          ...(opts.after === undefined ? {} : { afterId: opts.after }),
        }),
        clientNames(rpc, out),
      ]);
      out.result(page, (p) => [
        ...table(p.rows, [
          { header: "ID", value: (f) => f.id, align: "right" },
          { header: "CLIENT", value: (f) => clientName(f.clientId) },
          { header: "IDENTIFIER", value: (f) => f.identifier },
          { header: "ITEMS", value: (f) => f.items.length, align: "right" },
          { header: "ORDERED", value: (f) => f.orderedAt },
          { header: "UPDATED", value: (f) => f.updatedAt },
        ]),
        pageFooter(p),
      ]);
    });

  forwardOrders
    .command("show")
    .description("one forward order with its items")
    .argument("<client>", "sender id or name", clientRef)
    .argument("<identifier>", "the retailer's order identifier")
    .action(async (client: number | string, identifier: string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const [order, clientName] = await Promise.all([rpc.forwardOrders.get.query({ client, identifier }), clientNames(rpc, out)]);
      out.result(order, (f) => [
        ...fields([
          ["identifier", f.identifier],
          ["client", clientName(f.clientId)],
          ["concept", f.concept],
          ["postal code", f.postalCode],
          ["ordered", f.orderedAt],
        ]),
        "",
        ...table(f.items, [
          { header: "ITEM", value: (i) => i.identifier },
          { header: "SKU", value: (i) => i.sku },
          { header: "UPC", value: (i) => i.upc },
          { header: "QTY", value: (i) => i.quantity, align: "right" },
          { header: "TRACKING", value: (i) => i.trackingNumber },
        ]),
      ]);
    });
}
