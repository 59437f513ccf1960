import { type BuyerCap, ListingCondition, type StockPosition, StockKind, availableOf } from "@dropgate/core-domain";
import { TRPCClientError } from "@trpc/client";
import { type Command, Option } from "commander";
import { clientRef, count, integer, oneOf, timestamp } from "../arguments.js";
import { fields, money, pageFooter, table } from "../output.js";
import { sessionOf } from "../session.js";

const positionColumns = [
  { header: "ID", value: (p: StockPosition) => p.id, align: "right" as const },
  { header: "SKU", value: (p: StockPosition) => p.sku },
  { header: "COND", value: (p: StockPosition) => p.condition },
  { header: "CHANNEL", value: (p: StockPosition) => p.channel },
  { header: "KIND", value: (p: StockPosition) => p.kind },
  { header: "ON HAND", value: (p: StockPosition) => p.onHand, align: "right" as const },
  { header: "ALLOC", value: (p: StockPosition) => p.allocated, align: "right" as const },
  { header: "RESV", value: (p: StockPosition) => p.reserved, align: "right" as const },
  { header: "AVAIL", value: (p: StockPosition) => availableOf(p), align: "right" as const },
  { header: "PRICE", value: (p: StockPosition) => money(p.priceCents), align: "right" as const },
];

/** `dropgate products …` and `dropgate stock …`: the catalogue and stock positions. */
export function registerStockCommands(program: Command): void {
  const products = program.command("products").description("the product catalogue");

  products
    .command("show")
    .description("a product with its stock positions")
    .argument("<sku>")
    .action(async (sku: string, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const found = await rpc.products.get.query({ sku });
      out.result(found, (v) => [
        ...fields([
          ["sku", v.product.sku],
          ["upc", v.product.upc],
          ["brand", v.product.brand],
          ["title", v.product.title],
          ["vendor", v.product.vendorId],
          ["vpc", v.product.vpc],
        ]),
        "",
        ...table(v.positions, positionColumns),
      ]);
    });

  products
    .command("set")
    .description("create or update a product (fields not given keep their value)")
    .argument("<sku>")
    .option("--upc <upc>")
    .option("--brand <brand>")
    .option("--title <title>")
    .option("--vendor-id <id>", "makes the product vendor-managed")
    .option("--vpc <vpc>", "vendor product code")
    .action(async (sku: string, opts: { upc?: string; brand?: string; title?: string; vendorId?: string; vpc?: string }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const existing = await rpc.products.get.query({ sku }).then(
        (v) => v.product,
        (error: unknown) => {
          if (error instanceof TRPCClientError && error.data?.domainCode === "NOT_FOUND") return { sku };
          throw error;
        },
      );
      const product = await rpc.products.upsert.mutate({ ...existing, ...opts });
      out.result(product, (p) => [`product ${p.sku} saved`]);
    });

  const stock = program.command("stock").description("stock positions and their ledger");
  registerCapCommands(stock);

  stock
    .command("list")
    .description("list stock positions")
    .option("--sku <sku>")
    .addOption(new Option("--condition <condition>").choices(ListingCondition.options))
    .option("--channel <channel>")
    .option("--vendor-id <id>")
    .option("--since <date>", "updated at or after", timestamp)
    .option("--after <id>", "page after this position id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(
      async (
        opts: { sku?: string; condition?: ListingCondition; channel?: string; vendorId?: string; since?: string; after?: number; limit: number },
        cmd: Command,
      ) => {
        const { rpc, out } = sessionOf(cmd);
        const { since, after, ...filter } = opts;
        const page = await rpc.stock.positions.query({
          ...filter,
          ...(since === undefined ? {} : { updatedSince: since }),
          ...(after === undefined ? {} : { afterId: after }),
        });
        out.result(page, (p) => [...table(p.rows, positionColumns), pageFooter(p)]);
      },
    );

  stock
    .command("show")
    .description("one stock position")
    .argument("<position-id>", "position id", integer)
    .action(async (id: number, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const position = await rpc.stock.position.query({ id });
      out.result(position, (p) => [...table([p], positionColumns), ...(p.lot ? ["", `lot: ${JSON.stringify(p.lot, null, 2)}`] : [])]);
    });

  stock
    .command("set")
    .description("set the absolute on-hand quantity of a position (created when missing)")
    .argument("<sku>")
    .argument("<condition>", "N, A, B or R", oneOf(ListingCondition.options))
    .argument("<on-hand>", "quantity on hand", count)
    .option("--channel <channel>", "inventory channel", "rts_drop_ship")
    .addOption(new Option("--kind <kind>").choices(StockKind.options))
    .option("--price-cents <cents>", "price in cents", count)
    .option("--reason <text>", "why, for the ledger")
    .action(
      async (
        sku: string,
        condition: ListingCondition,
        onHand: number,
        opts: { channel: string; kind?: StockKind; priceCents?: number; reason?: string },
        cmd: Command,
      ) => {
        const { rpc, out } = sessionOf(cmd);
        const position = await rpc.stock.set.mutate({ sku, condition, onHand, ...opts });
        out.result(position, (p) => table([p], positionColumns));
      },
    );

  stock
    .command("adjust")
    .description("add to or take from the on-hand quantity of a position")
    .argument("<position-id>", "position id", integer)
    .argument("<delta>", "e.g. 5 or -3", integer)
    .requiredOption("--reason <text>", "why, for the ledger")
    .action(async (positionId: number, delta: number, opts: { reason: string }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const position = await rpc.stock.adjust.mutate({ positionId, delta, reason: opts.reason });
      out.result(position, (p) => table([p], positionColumns));
    });

  stock
    .command("ledger")
    .description("the movements of one position, oldest first")
    .argument("<position-id>", "position id", integer)
    .option("--after <id>", "page after this movement id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(async (positionId: number, opts: { after?: number; limit: number }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const page = await rpc.stock.ledger.query({ positionId, limit: opts.limit, ...(opts.after === undefined ? {} : { afterId: opts.after }) });
      out.result(page, (p) => [
        ...table(p.rows, [
          { header: "ID", value: (m) => m.id, align: "right" },
          { header: "AT", value: (m) => m.at },
          { header: "KIND", value: (m) => m.kind },
          { header: "ON HAND", value: (m) => signed(m.onHand), align: "right" },
          { header: "ALLOC", value: (m) => signed(m.allocated), align: "right" },
          { header: "RESV", value: (m) => signed(m.reserved), align: "right" },
          { header: "CAUSE", value: (m) => `${m.cause.type}${m.cause.ref ? ` ${m.cause.ref}` : ""}` },
        ]),
        pageFooter(p),
      ]);
    });
}

/** `dropgate stock caps …`: buyers' give-backs (Optoro PUT /listings), each buyer's own. */
function registerCapCommands(stock: Command): void {
  const caps = stock.command("caps").description("buyers' give-backs: caps on what one buyer sees and may order");
  const capColumns = [
    { header: "CLIENT", value: (c: BuyerCap) => c.clientId, align: "right" as const },
    { header: "POSITION", value: (c: BuyerCap) => c.positionId, align: "right" as const },
    { header: "CAP", value: (c: BuyerCap) => c.cap, align: "right" as const },
    { header: "UPDATED", value: (c: BuyerCap) => c.updatedAt },
  ];

  caps
    .command("list")
    .description("every cap, or one buyer's, or those on one position")
    .option("--client <client>", "buyer id or name", clientRef)
    .option("--position <id>", "stock position id", integer)
    .action(async (opts: { client?: number | string; position?: number }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const rows = await rpc.stock.caps.query({
        ...(opts.client === undefined ? {} : { client: opts.client }),
        ...(opts.position === undefined ? {} : { positionId: opts.position }),
      });
      out.result(rows, (r) => table(r, capColumns));
    });

  caps
    .command("history")
    .description("the audited changes of a buyer's caps, oldest first")
    .argument("<client>", "buyer id or name", clientRef)
    .option("--position <id>", "stock position id", integer)
    .action(async (client: number | string, opts: { position?: number }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const rows = await rpc.stock.capMovements.query({ client, ...(opts.position === undefined ? {} : { positionId: opts.position }) });
      out.result(rows, (r) =>
        table(r, [
          { header: "ID", value: (m) => m.id, align: "right" },
          { header: "AT", value: (m) => m.at },
          { header: "POSITION", value: (m) => m.positionId, align: "right" },
          { header: "KIND", value: (m) => m.kind },
          { header: "DELTA", value: (m) => signed(m.delta), align: "right" },
          { header: "CAP", value: (m) => m.capAfter ?? "-", align: "right" },
          { header: "CAUSE", value: (m) => `${m.cause.type}${m.cause.ref ? ` ${m.cause.ref}` : ""}` },
        ]),
      );
    });

  caps
    .command("clear")
    .description("lift a buyer's cap on one position (or all of its caps)")
    .argument("<client>", "buyer id or name", clientRef)
    .option("--position <id>", "only this stock position", integer)
    .option("--reason <text>", "why, for the audit")
    .action(async (client: number | string, opts: { position?: number; reason?: string }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const result = await rpc.stock.clearCaps.mutate({
        client,
        ...(opts.position === undefined ? {} : { positionId: opts.position }),
        ...(opts.reason === undefined ? {} : { reason: opts.reason }),
      });
      out.result(result, (r) => [`${r.cleared.length} cap(s) cleared`, ...(r.cleared.length > 0 ? table(r.cleared, capColumns) : [])]);
    });
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}
