import { CataloguePageBody, CatalogueQuery } from "../wire/catalogue.js";
import { CarriersBody } from "../wire/carriers.js";
import { carriersXml, catalogueXml } from "../xml/documents.js";
import { toAmount, toCatalogueProduct } from "../mapping/catalogue.js";
import { ghostOperation, type AnyGhostOperation } from "./ghost-operation.js";
import type { GhostOptions } from "./options.js";

function catalogue(options: GhostOptions) {
  return ghostOperation({
    id: "exportProducts",
    method: "GET",
    path: "/export/api/products",
    summary: "Catalogue page (products.json or products.xml)",
    description:
      "Products with their models; a model's id is the stock_id of every other call and its availability what is still free after every buyer's reservations. `since` keeps products changed at or after an ISO 8601 instant. Call it as products.json or products.xml: the suffix fixes the answer's format whatever Accept says (without one, Accept decides).",
    tag: "Catalogue",
    query: CatalogueQuery,
    answer: { schema: CataloguePageBody, xml: catalogueXml, description: "One page of the catalogue." },
    handle: ({ query }, ctx) => {
      const filter = { channel: options.channel, updatedSince: query.since };
      const page = ctx.store.read((r) => {
        const skip = (query.page - 1) * query.pageSize;
        const afterSku = skip === 0 ? undefined : r.catalogueSkuAt(filter, skip - 1);
        if (skip > 0 && afterSku === undefined) return { rows: [], total: r.listCatalogue({ ...filter, limit: 1 }).total };
        return r.listCatalogue({ ...filter, afterSku, limit: query.pageSize });
      });
      const pageItems = page.rows.map((entry) => toCatalogueProduct(entry, options.currency));
      const lastUpdate = pageItems.reduce<string | null>((max, p) => (max === null || p.lastUpdate > max ? p.lastUpdate : max), null);
      return {
        ok: true,
        value: {
          pageItems,
          totalItems: page.total,
          totalPages: Math.ceil(page.total / query.pageSize),
          currentPage: query.page,
          pageSize: query.pageSize,
          lastUpdate,
        },
      };
    },
  });
}

/** The catalogue (products.json and products.xml) and the carriers list. */
export function catalogueOperations(options: GhostOptions): AnyGhostOperation[] {
  const carriers = ghostOperation({
    id: "exportCarriers",
    method: "GET",
    path: "/export/carriers",
    summary: "Carriers",
    description: "The carriers a reseller may name as carrierId, with their flat cost; the operator manages them.",
    tag: "Carriers",
    answer: { schema: CarriersBody, xml: carriersXml, description: "Every carrier." },
    handle: (_call, ctx) => ({
      ok: true,
      value: ctx.store.read((r) => r.listCarriers()).map((c) => ({ id: c.id, name: c.name, cost: toAmount(c.costCents) })),
    }),
  });
  return [catalogue(options), carriers];
}
