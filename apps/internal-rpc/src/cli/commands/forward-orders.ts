import type { ForwardOrder } from "@dropgate/core-domain";
import type { Command } from "commander";
import { clientRef, integer } from "../arguments.js";
import { UsageError } from "../failures.js";
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
    .command("match")
    .description("match a returned unit to its forward order: by tracking or return tracking number, upc, sku or order identifier")
    .option("--tracking <number>", "an item's tracking number or return tracking number")
    .option("--upc <upc>", "an item's upc")
    .option("--sku <sku>", "an item's sku")
    .option("--order <identifier>", "the retailer's order identifier")
    .option("--client <client>", "only this sender (id or name)", clientRef)
    .option("--after <id>", "page after this id", integer)
    .option("--limit <n>", "orders per page", integer, 50)
    .action(async (opts: MatchOptions, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      if ([opts.tracking, opts.upc, opts.sku, opts.order].every((v) => v === undefined)) {
        throw new UsageError("give at least one of --tracking, --upc, --sku, --order");
      }
      const [page, clientName] = await Promise.all([
        rpc.forwardOrders.search.query({
          limit: opts.limit,
          ...(opts.tracking === undefined ? {} : { trackingNumber: opts.tracking }),
          ...(opts.upc === undefined ? {} : { upc: opts.upc }),
          ...(opts.sku === undefined ? {} : { sku: opts.sku }),
          ...(opts.order === undefined ? {} : { identifier: opts.order }),
          ...(opts.client === undefined ? {} : { client: opts.client }),
          ...(opts.after === undefined ? {} : { afterId: opts.after }),
        }),
        clientNames(rpc, out),
      ]);
      out.result(page, (p) =>
        p.rows.length === 0
          ? ["no forward order matches"]
          : [
              ...table(matchedItems(p.rows, opts), [
                { header: "ORDER", value: (m) => m.order.identifier },
                { header: "CLIENT", value: (m) => clientName(m.order.clientId) },
                { header: "ITEM", value: (m) => m.item.identifier },
                { header: "SKU", value: (m) => m.item.sku },
                { header: "UPC", value: (m) => m.item.upc },
                { header: "QTY", value: (m) => m.item.quantity, align: "right" },
                { header: "TRACKING", value: (m) => m.item.trackingNumber },
                { header: "RETURN TRACKING", value: (m) => m.item.reverseTrackingNumber },
                { header: "RETURN BY", value: (m) => m.item.returnPolicyEndDate },
              ]),
              pageFooter(p),
            ],
      );
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

interface MatchOptions {
  tracking?: string;
  upc?: string;
  sku?: string;
  order?: string;
  client?: number | string;
  after?: number;
  limit: number;
}

/** The items of the matched orders that the item filters name (every item when only --order was given). */
function matchedItems(orders: readonly ForwardOrder[], opts: MatchOptions) {
  return orders.flatMap((order) =>
    order.items
      .filter(
        (item) =>
          (opts.tracking === undefined || item.trackingNumber === opts.tracking || item.reverseTrackingNumber === opts.tracking) &&
          (opts.upc === undefined || item.upc === opts.upc) &&
          (opts.sku === undefined || item.sku === opts.sku),
      )
      .map((item) => ({ order, item })),
  );
}
