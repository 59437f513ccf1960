import { z } from "zod";
import type { Client } from "./client.js";
import { Timestamp } from "./primitives.js";

/**
 * Per-vendor settings the operator manages. `changePosAfterSubmit` is RetailOps' vendor setting
 * "Change POs after submit" (dropship guide §5): when on, a submitted PO still takes changes (a
 * cancel reaches its open quantities) until the vendor marks it accepted; when off, submit is
 * final. Either way an accepted PO changes only through the vendor's own completion.
 */
export const VendorSettings = z.object({
  vendorId: z.string().min(1).max(64),
  changePosAfterSubmit: z.boolean(),
  updatedAt: Timestamp.nullable(),
});
export type VendorSettings = z.infer<typeof VendorSettings>;

/** A vendor's settings before the operator changed any. */
export function defaultVendorSettings(vendorId: string): VendorSettings {
  return { vendorId, changePosAfterSubmit: false, updatedAt: null };
}

/**
 * Whether a vendor named in a record (`vendor_id`, `vendor_name`, either or both) is the client's
 * own vendor. Ids compare exactly, names without regard to case (real feeds send them as typed).
 */
export function namesOwnVendor(
  client: Pick<Client, "vendorId" | "vendorName">,
  named: { readonly vendorId?: string | undefined; readonly vendorName?: string | undefined },
): boolean {
  if (client.vendorId === null) return false;
  if (named.vendorId !== undefined && named.vendorId !== client.vendorId) return false;
  if (named.vendorName !== undefined) {
    if (client.vendorName === null) return false;
    if (named.vendorName.trim().toLowerCase() !== client.vendorName.trim().toLowerCase()) return false;
  }
  return true;
}
