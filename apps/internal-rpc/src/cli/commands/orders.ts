import { type Order, OrderStatus } from "@dropgate/core-domain";
import { type Command, Option } from "commander";
import { clientRef, integer, timestamp } from "../arguments.js";
import { fields, money, pageFooter, table } from "../output.js";
import { type ClientName, clientNames } from "../client-names.js";
import { sessionOf } from "../session.js";

const orderColumns = (clientName: ClientName) => [
  { header: "ID", value: (o: Order) => o.id, align: "right" as const },
  { header: "CLIENT", value: (o: Order) => clientName(o.clientId) },
  { header: "CLIENT REF", value: (o: Order) => o.clientIdentifier },
  { header: "CHANNEL", value: (o: Order) => o.channel },
  { header: "STATUS", value: (o: Order) => o.status },
  { header: "ITEMS", value: (o: Order) => o.items.length, align: "right" as const },
  { header: "PRICE", value: (o: Order) => money(o.priceCents), align: "right" as const },
  { header: "UPDATED", value: (o: Order) => o.updatedAt },
];

/** `dropgate orders …`: search, inspect and cancel orders. */
export function registerOrderCommands(program: Command): void {
  const orders = program.command("orders").description("buyer orders: search, show, cancel");

  orders
    .command("search")
    .description("search orders, oldest first")
    .option("--client <client>", "client id or name", clientRef)
    .addOption(new Option("--status <status>").choices(OrderStatus.options))
    .option("--channel <channel>")
    .option("--since <date>", "updated at or after", timestamp)
    .option("--before <date>", "updated before", timestamp)
    .option("--after <id>", "page after this order id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(
      async (
        opts: { client?: number | string; status?: OrderStatus; channel?: string; since?: string; before?: string; after?: number; limit: number },
        cmd: Command,
      ) => {
        const { rpc, out } = sessionOf(cmd);
        const { since, before, after, ...filter } = opts;
        const [page, clientName] = await Promise.all([
          rpc.orders.search.query({
            ...filter,
            ...(since === undefined ? {} : { updatedSince: since }),
            ...(before === undefined ? {} : { updatedBefore: before }),
            ...(after === undefined ? {} : { afterId: after }),
          }),
          clientNames(rpc, out),
        ]);
        out.result(page, (p) => [...table(p.rows, orderColumns(clientName)), pageFooter(p)]);
      },
    );

  orders
    .command("show")
    .description("an order with its items, purchase orders and shipments")
    .argument("<id>", "order id", integer)
    .action(async (id: number, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const [detail, clientName] = await Promise.all([rpc.orders.get.query({ id }), clientNames(rpc, out)]);
      out.result(detail, ({ order, purchaseOrders, shipments }) => [
        ...fields([
          ["order", `#${order.id} ${order.clientIdentifier}`],
          ["client", clientName(order.clientId)],
          ["status", order.status],
          ["channel", order.channel],
          ["price", money(order.priceCents)],
          ["ship to", order.shippingAddress ? `${order.shippingAddress.name}, ${order.shippingAddress.city}` : null],
          ["created", order.createdAt],
        ]),
        "",
        ...table(order.items, [
          { header: "ITEM", value: (i) => i.id, align: "right" },
          { header: "SKU", value: (i) => i.sku },
          { header: "COND", value: (i) => i.condition },
          { header: "VENDOR", value: (i) => i.vendorId },
          { header: "ORD", value: (i) => i.quantity.ordered, align: "right" },
          { header: "ALLOC", value: (i) => i.quantity.allocated, align: "right" },
          { header: "SHIP", value: (i) => i.quantity.shipped, align: "right" },
          { header: "CANC", value: (i) => i.quantity.cancelled, align: "right" },
          { header: "STATUS", value: (i) => i.status },
        ]),
        "",
        `purchase orders: ${purchaseOrders.map((po) => `${po.po} (${po.status})`).join(", ") || "none"}`,
        `shipments: ${shipments.map((s) => `${s.trackingNumber} (${s.carrier ?? "?"})`).join(", ") || "none"}`,
      ]);
    });

  orders
    .command("cancel")
    .description("cancel an order that has shipped nothing; its stock returns")
    .argument("<id>", "order id", integer)
    .action(async (id: number, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.orders.cancel.mutate({ id }), (o) => [`order #${o.id} is ${o.status}`]);
    });

  orders
    .command("confirm-payment")
    .alias("confirm")
    .description("payment arrived for an order in pending_payment (lot orders, booked Rewix orders): it is accepted")
    .argument("<id>", "order id", integer)
    .action(async (id: number, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      out.result(await rpc.orders.confirmPayment.mutate({ id }), (o) => [`order #${o.id} is ${o.status}`]);
    });
}
