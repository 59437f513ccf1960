import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { type PurchaseOrder, PurchaseOrderStatus } from "../model/purchase-order.js";
import type { Page, StorageReader } from "../port.js";
import { ok, type Result } from "../result.js";

/** Largest page of POs one fetch answers (RetailOps `limit`); larger limits are capped to it. */
export const MAX_PO_FETCH_LIMIT = 1000;

export const FetchPurchaseOrdersInput = z.object({
  vendorId: z.string().min(1),
  statuses: z.array(PurchaseOrderStatus).min(1).optional(),
  start: z.int().min(0).default(0),
  limit: z.int().min(1).default(100),
});
export type FetchPurchaseOrdersInput = z.input<typeof FetchPurchaseOrdersInput>;

/**
 * A vendor's POs as RetailOps Vendor.PO.fetch pages them: only POs whose date_submit is now or
 * past, in PO number (id) order, skipping `start`. Ids grow in commit order and a PO is due from
 * the moment it is raised, so POs that arrive between two pages join the end: paging by
 * start/limit neither repeats nor skips one (unless the vendor's own status changes move POs out
 * of the filter in between, as they would in RetailOps).
 */
export function fetchVendorPurchaseOrders(ctx: UseCaseContext, input: FetchPurchaseOrdersInput): Result<Page<PurchaseOrder>> {
  const now = ctx.now().toISOString();
  return ok(ctx.store.read((r) => fetchVendorPurchaseOrdersIn(r, input, now)));
}

/** `fetchVendorPurchaseOrders` inside a caller's read, so the POs and their orders share one snapshot. */
export function fetchVendorPurchaseOrdersIn(reader: StorageReader, input: FetchPurchaseOrdersInput, now: string): Page<PurchaseOrder> {
  const query = FetchPurchaseOrdersInput.parse(input);
  return reader.listPurchaseOrders({
    vendorId: query.vendorId,
    ...(query.statuses ? { statuses: query.statuses } : {}),
    dueBy: now,
    skip: query.start,
    limit: Math.min(query.limit, MAX_PO_FETCH_LIMIT),
  });
}
