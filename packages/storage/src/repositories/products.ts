import type { Product, StorageTx } from "@dropgate/core-domain";
import type { Selectable } from "kysely";
import type { ProductsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, queryBuilder } from "../sql/statement.js";

function toProduct(row: Selectable<ProductsTable>): Product {
  return { sku: row.sku, upc: row.upc, brand: row.brand, title: row.title, vendorId: row.vendor_id, vpc: row.vpc };
}

const products = queryBuilder.selectFrom("products").selectAll();
const selectBySku = compileStatement((p: { sku: string }) => products.where("sku", "=", p.sku));
const selectByVpc = compileStatement((p: { vendorId: string; vpc: string }) =>
  products.where("vendor_id", "=", p.vendorId).where("vpc", "=", p.vpc),
);
const upsert = compileStatement((p: Selectable<ProductsTable>) =>
  queryBuilder
    .insertInto("products")
    .values({
      sku: p.sku,
      upc: p.upc,
      brand: p.brand,
      title: p.title,
      vendor_id: p.vendor_id,
      vpc: p.vpc,
      created_at: p.created_at,
      updated_at: p.updated_at,
    })
    .onConflict((oc) =>
      oc.column("sku").doUpdateSet((eb) => ({
        upc: eb.ref("excluded.upc"),
        brand: eb.ref("excluded.brand"),
        title: eb.ref("excluded.title"),
        vendor_id: eb.ref("excluded.vendor_id"),
        vpc: eb.ref("excluded.vpc"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    ),
);

/** Products, keyed by sku; vendor-managed ones are also found by (vendor, vpc). */
export function productRepository(
  sql: PreparedStatements,
): Pick<StorageTx, "getProduct" | "findProductByVpc" | "upsertProduct"> {
  return {
    getProduct(sku) {
      const row = sql.get(selectBySku, { sku });
      return row && toProduct(row);
    },
    findProductByVpc(vendorId, vpc) {
      const row = sql.get(selectByVpc, { vendorId, vpc });
      return row && toProduct(row);
    },
    upsertProduct(product, at) {
      sql.run(upsert, {
        sku: product.sku,
        upc: product.upc,
        brand: product.brand,
        title: product.title,
        vendor_id: product.vendorId,
        vpc: product.vpc,
        created_at: at,
        updated_at: at,
      });
    },
  };
}
