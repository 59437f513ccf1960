import {
  completePurchaseOrder,
  fetchVendorPurchaseOrdersIn,
  MAX_PO_FETCH_LIMIT,
  markEachPurchaseOrderAccepted,
  markEachPurchaseOrderSubmitted,
  type PurchaseOrder,
  type PurchaseOrderAckInput,
  type PurchaseOrderOutcome,
  type PurchaseOrderStatus,
  type Result,
  setEachEstimatedShipDate,
  type UseCaseContext,
} from "@dropgate/core-domain";
import { z } from "zod";
import { dollars, toWirePurchaseOrder } from "../mapping/purchase-order.js";
import { successEnvelope } from "../wire/envelope.js";
import { WireCompletion, WirePoOutcome, WirePurchaseOrder } from "../wire/records.js";
import { CompleteRequest, EstShipDateRecord, EstShipDateRequest, PoAckRecord, PoAckRequest, PoFetchRequest } from "../wire/requests.js";
import { defineAction, type VendorClient } from "./action.js";
import { batchAnswer, domainFailure, failure, type RecordFailure, success } from "./answers.js";
import { overLimit, parseRecords, recordFailure } from "./records.js";

/** A top-level vendor_id that is not the key's own refuses the call. */
function foreignVendor(vendor: VendorClient, vendorId: string | undefined) {
  if (vendorId === undefined || vendorId === vendor.vendorId) return undefined;
  return failure("VENDOR_MISMATCH", `vendor_id ${vendorId} is not this apikey's vendor`);
}

/** Vendor.PO.fetch (guide §2). */
export const poFetch = defineAction({
  name: "Vendor.PO.fetch",
  version: 1,
  documentedPath: "/Vendor/PO/Fetch.json",
  summary: "The vendor's POs whose date_submit is now or past",
  description:
    "POs in PO-number order, `start` skipped, at most `limit` (default 100, capped at 1000); `status` as a string or an array " +
    "(`open` matches nothing: Dropgate raises POs ready); `with_items` adds the lines. `total` counts every match. POs raised " +
    "between two pages join the end, so paging by start/limit neither repeats nor skips one.",
  request: PoFetchRequest,
  example: { vendor_id: "27", start: 0, limit: 100, status: "ready", with_items: true },
  response: successEnvelope(WirePurchaseOrder, { total: z.int(), start: z.int(), limit: z.int() }),
  handle(body, vendor, ctx) {
    const refused = foreignVendor(vendor, body.vendor_id);
    if (refused) return refused;
    const start = body.start ?? 0;
    const limit = Math.min(body.limit ?? 100, MAX_PO_FETCH_LIMIT);
    const names = body.status === undefined ? undefined : [body.status].flat();
    const statuses = names?.filter((n): n is PurchaseOrderStatus => n !== "open");
    if (statuses !== undefined && statuses.length === 0) return success([], { total: 0, start, limit });
    const now = ctx.now().toISOString();
    return ctx.store.read((r) => {
      const page = fetchVendorPurchaseOrdersIn(r, { vendorId: vendor.vendorId, ...(statuses ? { statuses } : {}), start, limit }, now);
      const titles = new Map<string, string | null>();
      const records = page.rows.map((po) => toWirePurchaseOrder(r, po, r.getOrder(po.orderId)!, body.with_items === true, titles));
      return success(records, { total: page.total, start, limit });
    });
  },
});

/** One record's outcome as the PO calls answer it. */
function poOutcome(idx: number, po: PurchaseOrder): z.input<typeof WirePoOutcome> {
  return { idx, success: 1, po: po.po, status: po.status, estimated_ship_date: po.estimatedShipDate };
}

/** Runs a per-record PO use case over the valid records and answers the batch. */
function runPoBatch<R>(
  records: readonly unknown[],
  schema: z.ZodType<R>,
  run: (valid: R[]) => Result<PurchaseOrderOutcome[]>,
) {
  const refusedWhole = overLimit(records.length, "POs");
  if (refusedWhole) return refusedWhole;
  const { valid, refused } = parseRecords(schema, records);
  const result = run(valid.map((v) => v.record));
  if (!result.ok) return domainFailure(result.error);
  const failures: RecordFailure[] = [...refused];
  const outcomes: z.input<typeof WirePoOutcome>[] = [];
  result.value.forEach((outcome, i) => {
    const { idx } = valid[i]!;
    if (outcome.ok) outcomes.push(poOutcome(idx, outcome.value));
    else failures.push(recordFailure(idx, outcome.error));
  });
  for (const f of failures) outcomes.push({ idx: f.idx, success: 0, ERROR: `for field idx ${f.idx}: ${f.message}`, ERRORCODE: f.code });
  outcomes.sort((a, b) => a.idx - b.idx);
  return batchAnswer(outcomes, failures.sort((a, b) => a.idx - b.idx), true);
}

function ackRecords(records: readonly z.output<typeof PoAckRecord>[]): PurchaseOrderAckInput["records"] {
  return records.map((r) => ({
    po: r.po,
    ...(r.items === undefined ? {} : { items: r.items.map((i) => ({ poItemId: i.po_item_id, quantity: i.quantity })) }),
  }));
}

type MarkEach = (ctx: UseCaseContext, input: PurchaseOrderAckInput) => Result<PurchaseOrderOutcome[]>;

function markAction(name: string, documentedPath: string, summary: string, description: string, markEach: MarkEach) {
  return defineAction({
    name,
    version: 1,
    example: { records: [{ po: "D123", items: [{ po_item_id: 456, quantity: 1 }] }] },
    documentedPath,
    summary,
    description,
    request: PoAckRequest,
    response: successEnvelope(WirePoOutcome),
    handle: (body, vendor, ctx) =>
      runPoBatch(body.records, PoAckRecord, (valid) => markEach(ctx, { vendorId: vendor.vendorId, records: ackRecords(valid) })),
  });
}

const ACK_RULES =
  "At most 1000 POs. `items[].quantity` is what the vendor will ship of that line: lower than open cancels the rest " +
  "(stock released; the buyer gets Optoro's drop_shipment_partial_cancellation webhook). Lines left out are taken whole. " +
  "Marking a PO again with its current status and no cut is a replay and succeeds. Refused records are named and do not block the others.";

/** Vendor.PO.MarkSubmitted (guide §3). */
export const poMarkSubmitted = markAction(
  "Vendor.PO.MarkSubmitted",
  "/Vendor/PO/MarkSubmitted.json",
  "The vendor has retrieved these POs (ready → submitted)",
  ACK_RULES,
  markEachPurchaseOrderSubmitted,
);

/** Vendor.PO.MarkAccepted (guide §5). */
export const poMarkAccepted = markAction(
  "Vendor.PO.MarkAccepted",
  "/Vendor/PO/MarkAccepted.json",
  "The vendor commits to these POs as they stand (submitted → accepted)",
  `${ACK_RULES} After it, nothing but the vendor's own completion changes the PO, whatever "Change POs after submit" says.`,
  markEachPurchaseOrderAccepted,
);

/** Vendor.PO.UpdateEstShipDate (guide §6). */
export const poUpdateEstShipDate = defineAction({
  name: "Vendor.PO.UpdateEstShipDate",
  version: 1,
  documentedPath: "/Vendor/PO/UpdateEstShipDate.json",
  summary: "When the vendor expects to ship these POs",
  description:
    "At most 1000 POs; `estimated_ship_date` in ISO 8601 (stored in UTC). `items` are checked to be the PO's lines; the date is the PO's. " +
    "A complete or cancelled PO is refused. Refused records are named and do not block the others.",
  request: EstShipDateRequest,
  // The guide's sample with the comma it lacks before "items".
  example: { records: [{ po: "D123", estimated_ship_date: "2015-07-02T14:47:47Z", items: [{ po_item_id: 456, quantity: 1 }] }] },
  response: successEnvelope(WirePoOutcome),
  handle: (body, vendor, ctx) =>
    runPoBatch(body.records, EstShipDateRecord, (valid) =>
      setEachEstimatedShipDate(ctx, {
        vendorId: vendor.vendorId,
        records: valid.map((r) => ({
          po: r.po,
          estimatedShipDate: new Date(r.estimated_ship_date).toISOString(),
          ...(r.items === undefined ? {} : { items: r.items.map((i) => ({ poItemId: i.po_item_id })) }),
        })),
      }),
    ),
});

/** Vendor.PO.Complete (guide §4). */
export const poComplete = defineAction({
  name: "Vendor.PO.Complete",
  version: 1,
  documentedPath: "/Vendor/PO/Complete.json",
  summary: "Ship a PO: its packages with tracking numbers and contents",
  description:
    "Each package becomes a shipment on the buyer's order (Optoro shipments and the confirmation webhook); `weight` (lb) and `cost` " +
    "(dollars) default to the carrier class's, else 1 lb and 0. Packed quantities may not exceed what is open; what is not packed is " +
    "cancelled (partial cancellation webhook). The order becomes partially_shipped or shipped. The same completion sent again creates " +
    "nothing and succeeds.",
  request: CompleteRequest,
  example: { po: "D123", packages: [{ ship_class_id: 7, tracking_number: "1Z1234567890123456", items: [{ vpc: "ABC123", quantity: 1 }], unit_count: 1 }] },
  response: successEnvelope(WireCompletion),
  handle(body, vendor, ctx) {
    const refused = foreignVendor(vendor, body.vendor_id) ?? overLimit(body.packages.length, "packages");
    if (refused) return refused;
    const result = completePurchaseOrder(ctx, {
      vendorId: vendor.vendorId,
      po: body.po,
      packages: body.packages.map((p) => ({
        shipClassId: p.ship_class_id,
        trackingNumber: p.tracking_number,
        ...(p.weight === undefined ? {} : { billedWeight: p.weight }),
        ...(p.cost === undefined ? {} : { shippingCostCents: p.cost }),
        items: p.items,
      })),
    });
    if (!result.ok) return domainFailure({ ...result.error, message: result.error.message.replace(/^Unknown ship_class_id/, "invalid ship_class_id") });
    const { purchaseOrder, shipments, order } = result.value;
    const vpcOf = new Map(purchaseOrder.items.map((i) => [i.orderItemId, i.vpc]));
    const completion: z.input<typeof WireCompletion> = {
      po: purchaseOrder.po,
      status: purchaseOrder.status,
      order_ref: order.clientIdentifier,
      order_status: order.status,
      packages: shipments.map((s) => ({
        shipment_id: s.id,
        tracking_number: s.trackingNumber,
        ship_class_id: s.shipClassId,
        carrier: s.carrier,
        ship_method: s.shippingMethod,
        weight: s.billedWeight,
        cost: s.shippingCostCents === null ? null : dollars(s.shippingCostCents),
        items: s.items.map((i) => ({ vpc: vpcOf.get(i.orderItemId) ?? "", quantity: i.quantity })),
      })),
    };
    return success([completion]);
  },
});
