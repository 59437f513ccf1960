import { type PurchaseOrder, PurchaseOrderStatus } from "@dropgate/core-domain";
import { type Command, Option } from "commander";
import { integer, keyQuantity, poRef, timestamp } from "../arguments.js";
import { fields, pageFooter, table } from "../output.js";
import { sessionOf } from "../session.js";

const poColumns = [
  { header: "PO", value: (po: PurchaseOrder) => po.po },
  { header: "VENDOR", value: (po: PurchaseOrder) => po.vendorId },
  { header: "ORDER", value: (po: PurchaseOrder) => po.orderId, align: "right" as const },
  { header: "STATUS", value: (po: PurchaseOrder) => po.status },
  { header: "ITEMS", value: (po: PurchaseOrder) => po.items.length, align: "right" as const },
  { header: "SUBMIT FROM", value: (po: PurchaseOrder) => po.dateSubmit },
  { header: "EST. SHIP", value: (po: PurchaseOrder) => po.estimatedShipDate },
];

function poLines(po: PurchaseOrder): string[] {
  return [
    ...fields([
      ["po", po.po],
      ["vendor", po.vendorId],
      ["order", po.orderId],
      ["status", po.status],
      ["submit from", po.dateSubmit],
      ["est. ship", po.estimatedShipDate],
    ]),
    "",
    ...table(po.items, [
      { header: "ITEM", value: (i) => i.poItemId, align: "right" },
      { header: "SKU", value: (i) => i.sku },
      { header: "VPC", value: (i) => i.vpc },
      { header: "ORD", value: (i) => i.quantity.ordered, align: "right" },
      { header: "ACK", value: (i) => i.quantity.acknowledged, align: "right" },
      { header: "SHIP", value: (i) => i.quantity.shipped, align: "right" },
      { header: "CANC", value: (i) => i.quantity.cancelled, align: "right" },
    ]),
  ];
}

/** Per-item quantities from `--item <poItemId>=<qty>`. */
function ackItems(items: readonly (readonly [string, number])[] | undefined) {
  return items?.map(([poItemId, quantity]) => ({ poItemId: integer(poItemId), quantity }));
}

/** `dropgate po …`: purchase orders raised for vendors, and operator actions on their behalf. */
export function registerPurchaseOrderCommands(program: Command): void {
  const po = program.command("po").description("purchase orders to vendors: search, show, submit, accept, complete");

  po.command("search")
    .description("search purchase orders")
    .option("--vendor-id <id>")
    .addOption(new Option("--status <status...>", "one or more statuses").choices(PurchaseOrderStatus.options))
    .option("--order <id>", "order id", integer)
    .option("--due-by <date>", "fetchable by the vendor at this time", timestamp)
    .option("--after <id>", "page after this PO id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(
      async (
        opts: { vendorId?: string; status?: PurchaseOrderStatus[]; order?: number; dueBy?: string; after?: number; limit: number },
        cmd: Command,
      ) => {
        const { rpc, out } = sessionOf(cmd);
        const page = await rpc.purchaseOrders.search.query({
          limit: opts.limit,
          ...(opts.vendorId === undefined ? {} : { vendorId: opts.vendorId }),
          ...(opts.status === undefined ? {} : { statuses: opts.status }),
          ...(opts.order === undefined ? {} : { orderId: opts.order }),
          ...(opts.dueBy === undefined ? {} : { dueBy: opts.dueBy }),
          ...(opts.after === undefined ? {} : { afterId: opts.after }),
        });
        out.result(page, (p) => [...table(p.rows, poColumns), pageFooter(p)]);
      },
    );

  po.command("show")
    .description("a PO with its items and shipments")
    .argument("<po>", "PO number (D12) or id", poRef)
    .action(async (ref: number | string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const detail = await rpc.purchaseOrders.get.query({ po: ref });
      out.result(detail, (d) => [
        ...poLines(d.purchaseOrder),
        "",
        `order: #${d.order.id} ${d.order.clientIdentifier} (${d.order.status})`,
        `shipments: ${d.shipments.map((s) => s.trackingNumber).join(", ") || "none"}`,
      ]);
    });

  for (const [verb, description] of [
    ["submit", "mark picked up by the vendor (ready -> submitted)"],
    ["accept", "mark accepted by the vendor; a lower --item quantity cancels the rest"],
  ] as const) {
    po.command(verb)
      .description(description)
      .argument("<po>", "PO number (D12) or id", poRef)
      .option("--item <poItemId=qty>", "quantity the vendor takes of one item (repeatable)", keyQuantity)
      .action(async (ref: number | string, opts: { item?: (readonly [string, number])[] }, cmd: Command) => {
        const { rpc, out } = sessionOf(cmd);
        const items = ackItems(opts.item);
        const input = { po: ref, ...(items === undefined ? {} : { items }) };
        const result = verb === "submit" ? await rpc.purchaseOrders.submit.mutate(input) : await rpc.purchaseOrders.accept.mutate(input);
        out.result(result, (p) => [`${p.po} is ${p.status}`]);
      });
  }

  po.command("ship-date")
    .description("record when the vendor expects to ship")
    .argument("<po>", "PO number (D12) or id", poRef)
    .argument("<date>", "estimated ship date", timestamp)
    .action(async (ref: number | string, estimatedShipDate: string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const result = await rpc.purchaseOrders.setEstimatedShipDate.mutate({ po: ref, estimatedShipDate });
      out.result(result, (p) => [`${p.po} estimated to ship ${p.estimatedShipDate}`]);
    });

  po.command("complete")
    .description("complete a PO with one package; items not shipped are cancelled")
    .argument("<po>", "PO number (D12) or id", poRef)
    .requiredOption("--tracking <number>", "tracking number")
    .option("--ship-class <id>", "ship class id, e.g. 7 (FedEx Ground)", integer)
    .option("--carrier <name>")
    .requiredOption("--item <vpc=qty>", "shipped quantity of one vpc (repeatable)", keyQuantity)
    .action(
      async (ref: number | string, opts: { tracking: string; shipClass?: number; carrier?: string; item: (readonly [string, number])[] }, cmd: Command) => {
        const { rpc, out } = sessionOf(cmd);
        const result = await rpc.purchaseOrders.complete.mutate({
          po: ref,
          packages: [
            {
              trackingNumber: opts.tracking,
              ...(opts.shipClass === undefined ? {} : { shipClassId: opts.shipClass }),
              ...(opts.carrier === undefined ? {} : { carrier: opts.carrier }),
              items: opts.item.map(([vpc, quantity]) => ({ vpc, quantity })),
            },
          ],
        });
        out.result(result, (r) => [`${r.purchaseOrder.po} is ${r.purchaseOrder.status}; order #${r.order.id} is ${r.order.status}`]);
      },
    );
}
