import { z } from "zod";
import { Sku } from "./primitives.js";

/** A sellable product; vendor-managed products carry the vendor and its product code (vpc). */
export const Product = z.object({
  sku: Sku,
  upc: z.string().max(32).nullable().default(null),
  brand: z.string().max(256).nullable().default(null),
  title: z.string().max(512).nullable().default(null),
  vendorId: z.string().min(1).max(64).nullable().default(null),
  vpc: z.string().min(1).max(128).nullable().default(null),
});
export type Product = z.infer<typeof Product>;
export type ProductInput = z.input<typeof Product>;

/** True when stock of this product is held and shipped by a drop-ship vendor. */
export function isVendorManaged(product: Pick<Product, "vendorId">): boolean {
  return product.vendorId !== null;
}
