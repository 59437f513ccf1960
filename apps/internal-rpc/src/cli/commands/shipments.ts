import { poNumber, type Shipment } from "@dropgate/core-domain";
import type { Command } from "commander";
import { clientRef, integer, keyQuantity, timestamp } from "../arguments.js";
import { pageFooter, table } from "../output.js";
import { sessionOf } from "../session.js";

const shipmentColumns = [
  { header: "ID", value: (s: Shipment) => s.id, align: "right" as const },
  { header: "ORDER", value: (s: Shipment) => s.orderId, align: "right" as const },
  { header: "PO", value: (s: Shipment) => (s.purchaseOrderId === null ? null : poNumber(s.purchaseOrderId)) },
  { header: "TRACKING", value: (s: Shipment) => s.trackingNumber },
  { header: "CARRIER", value: (s: Shipment) => s.carrier },
  { header: "UNITS", value: (s: Shipment) => s.items.reduce((n, i) => n + i.quantity, 0), align: "right" as const },
  { header: "SHIPPED", value: (s: Shipment) => s.shippedAt },
];

/** `dropgate shipments …`: packages sent to buyers' customers. */
export function registerShipmentCommands(program: Command): void {
  const shipments = program.command("shipments").description("shipments: record operator packages, search");

  shipments
    .command("record")
    .description("record a package of operator-held stock for an order")
    .argument("<order-id>", "order id", integer)
    .requiredOption("--tracking <number>", "tracking number")
    .option("--carrier <name>")
    .option("--ship-class <id>", "ship class id", integer)
    .requiredOption("--item <orderItemId=qty>", "shipped quantity of one order item (repeatable)", keyQuantity)
    .action(
      async (orderId: number, opts: { tracking: string; carrier?: string; shipClass?: number; item: (readonly [string, number])[] }, cmd: Command) => {
        const { rpc, out } = sessionOf(cmd);
        const result = await rpc.shipments.record.mutate({
          orderId,
          trackingNumber: opts.tracking,
          ...(opts.carrier === undefined ? {} : { carrier: opts.carrier }),
          ...(opts.shipClass === undefined ? {} : { shipClassId: opts.shipClass }),
          items: opts.item.map(([orderItemId, quantity]) => ({ orderItemId: integer(orderItemId), quantity })),
        });
        out.result(result, (r) => [`shipment #${r.shipment.id} recorded; order #${r.order.id} is ${r.order.status}`]);
      },
    );

  shipments
    .command("search")
    .description("search shipments")
    .option("--client <client>", "buyer id or name", clientRef)
    .option("--order <id>", "order id", integer)
    .option("--tracking <number>")
    .option("--carrier <name>")
    .option("--since <date>", "updated at or after", timestamp)
    .option("--after <id>", "page after this shipment id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(
      async (
        opts: { client?: number | string; order?: number; tracking?: string; carrier?: string; since?: string; after?: number; limit: number },
        cmd: Command,
      ) => {
        const { rpc, out } = sessionOf(cmd);
        const page = await rpc.shipments.search.query({
          limit: opts.limit,
          ...(opts.client === undefined ? {} : { client: opts.client }),
          ...(opts.order === undefined ? {} : { orderId: opts.order }),
          ...(opts.tracking === undefined ? {} : { trackingNumber: opts.tracking }),
          ...(opts.carrier === undefined ? {} : { carrier: opts.carrier }),
          ...(opts.since === undefined ? {} : { updatedSince: opts.since }),
          ...(opts.after === undefined ? {} : { afterId: opts.after }),
        });
        out.result(page, (p) => [...table(p.rows, shipmentColumns), pageFooter(p)]);
      },
    );
}
