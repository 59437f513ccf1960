import type { CatalogueEntry, StorageTx } from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, sql as raw } from "kysely";
import type { Database, ProductsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, presentKeys, queryBuilder, StatementShapes } from "../sql/statement.js";
import { toJson } from "./codec.js";
import { toPosition } from "./stock.js";

/*
 * The catalogue by product (the Rewix export): a product is listed when it has a position in the
 * channel, and `updatedSince` keeps those whose row or whose positions there changed since. Pages
 * run by keyset on the product's sku (its primary key), so a walk never repeats or skips a
 * product; `catalogueSkuAt` finds where a numbered page starts for dialects that page by number.
 */

interface CatalogueArgs {
  channel: string;
  updatedSince: string;
}

function filterCatalogue<O>(
  qb: SelectQueryBuilder<Database, "products", O>,
  present: ReadonlySet<string>,
  p: CatalogueArgs,
): SelectQueryBuilder<Database, "products", O> {
  let q = qb.where("sku", "in", (eb) => eb.selectFrom("stock_positions").select("sku").where("channel", "=", p.channel));
  if (present.has("updatedSince")) {
    q = q.where((eb) =>
      eb.or([
        eb("updated_at", ">=", p.updatedSince),
        eb(
          "sku",
          "in",
          eb
            .selectFrom("stock_positions")
            .select("sku")
            .where("channel", "=", p.channel)
            .where("updated_at", ">=", p.updatedSince),
        ),
      ]),
    );
  }
  return q;
}

const CATALOGUE_FILTERS = ["updatedSince"] as const;
const products = queryBuilder.selectFrom("products").selectAll();
const catalogueShapes = new StatementShapes((present) => ({
  page: compileStatement((p: CatalogueArgs & { afterSku: string; limit: number }) =>
    filterCatalogue(products, present, p).where("sku", ">", p.afterSku).orderBy("sku").limit(p.limit),
  ),
  count: compileStatement((p: CatalogueArgs) =>
    filterCatalogue(
      queryBuilder.selectFrom("products").select((eb) => eb.fn.countAll<number>().as("total")),
      present,
      p,
    ),
  ),
  // The one positional read: a numbered page's first key, read from the sku index alone.
  skuAt: compileStatement((p: CatalogueArgs & { skip: number }) =>
    filterCatalogue(queryBuilder.selectFrom("products").select("sku"), present, p).orderBy("sku").limit(1).offset(p.skip),
  ),
}));
const positionsOfSkus = compileStatement((p: { channel: string; skus: string }) =>
  queryBuilder
    .selectFrom("stock_positions")
    .selectAll()
    .where("channel", "=", p.channel)
    .where("sku", "in", raw<string>`(select value from json_each(${p.skus}))`)
    .orderBy("sku")
    .orderBy("id"),
);

function toEntry(row: Selectable<ProductsTable>, positions: CatalogueEntry["positions"]): CatalogueEntry {
  return {
    product: { sku: row.sku, upc: row.upc, brand: row.brand, title: row.title, vendorId: row.vendor_id, vpc: row.vpc },
    productUpdatedAt: row.updated_at,
    positions,
  };
}

/** The catalogue of a channel by product, with each product's positions there. */
export function catalogueRepository(sql: PreparedStatements): Pick<StorageTx, "listCatalogue" | "catalogueSkuAt"> {
  return {
    listCatalogue(query) {
      const { limit } = query;
      if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new RangeError(`limit must be 1 to 10000, got ${limit}`);
      const args = { channel: query.channel, updatedSince: query.updatedSince ?? "" };
      const shapes = catalogueShapes.for(presentKeys(query, CATALOGUE_FILTERS));
      const rows = sql.all(shapes.page, { ...args, afterSku: query.afterSku ?? "", limit: limit + 1 });
      const more = rows.length > limit;
      if (more) rows.pop();
      const bySku = new Map(rows.map((r) => [r.sku, [] as ReturnType<typeof toPosition>[]]));
      if (rows.length > 0) {
        for (const row of sql.all(positionsOfSkus, { channel: query.channel, skus: toJson(rows.map((r) => r.sku)) })) {
          bySku.get(row.sku)?.push(toPosition(row));
        }
      }
      const total = sql.get(shapes.count, args)?.total ?? 0;
      return {
        rows: rows.map((r) => toEntry(r, bySku.get(r.sku) ?? [])),
        total,
        nextAfterSku: more ? (rows[rows.length - 1]?.sku ?? null) : null,
      };
    },
    catalogueSkuAt(query, skip) {
      const shapes = catalogueShapes.for(presentKeys(query, CATALOGUE_FILTERS));
      return sql.get(shapes.skuAt, { channel: query.channel, updatedSince: query.updatedSince ?? "", skip })?.sku;
    },
  };
}
