import { z } from "zod";
import { WireInt } from "./primitives.js";

/** Catalogue query: `page` from 1, `pageSize` up to 500, `since` an ISO 8601 instant. */
export const CatalogueQuery = z.object({
  page: WireInt.pipe(z.int().min(1, "page starts at 1")).optional().default(1),
  pageSize: WireInt.pipe(z.int().min(1).max(500, "pageSize is at most 500")).optional().default(100),
  since: z
    .string()
    .refine((s) => !Number.isNaN(Date.parse(s)), "expected an ISO 8601 date-time")
    .transform((s) => new Date(s).toISOString())
    .optional(),
});
export type CatalogueQuery = z.output<typeof CatalogueQuery>;

/** A model (= `stock_id` everywhere else): one stock position of the product. */
export const CatalogueModel = z.object({
  id: z.int(),
  model: z.string(),
  code: z.string(),
  barcode: z.string().nullable(),
  color: z.string().nullable(),
  size: z.string().nullable(),
  availability: z.int(),
  streetPrice: z.number(),
  suggestedPrice: z.number(),
  taxable: z.number(),
  bestTaxable: z.number(),
  currency: z.string(),
  lastUpdate: z.string(),
});

export const CatalogueProduct = z.object({
  id: z.int(),
  code: z.string(),
  name: z.string(),
  brand: z.string().nullable(),
  streetPrice: z.number(),
  suggestedPrice: z.number(),
  taxable: z.number(),
  bestTaxable: z.number(),
  currency: z.string(),
  availability: z.int(),
  lastUpdate: z.string(),
  models: z.array(CatalogueModel),
});
export type CatalogueProduct = z.infer<typeof CatalogueProduct>;

/** One catalogue page (Rewix v=TEAL JSON: `pageItems`, `totalItems`, `lastUpdate`). */
export const CataloguePageBody = z.object({
  pageItems: z.array(CatalogueProduct),
  totalItems: z.int(),
  totalPages: z.int(),
  currentPage: z.int(),
  pageSize: z.int(),
  lastUpdate: z.string().nullable(),
});
export type CataloguePageBody = z.infer<typeof CataloguePageBody>;
