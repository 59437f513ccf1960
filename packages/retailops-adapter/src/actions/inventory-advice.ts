import { adviseInventoryBatch, namesOwnVendor } from "@dropgate/core-domain";
import type { z } from "zod";
import { successEnvelope } from "../wire/envelope.js";
import { AdviceRecord, AdviceRequest } from "../wire/requests.js";
import { WireAdviceOutcome } from "../wire/records.js";
import { defineAction } from "./action.js";
import { batchAnswer, domainFailure, type RecordFailure } from "./answers.js";
import { overLimit, parseRecords, recordFailure } from "./records.js";

/** Product.ExternalSku.Update~2: inventory advice, the vendor being the system of record (guide §1). */
export const inventoryAdvice = defineAction({
  name: "Product.ExternalSku.Update",
  version: 2,
  documentedPath: "/product/externalsku/update~2.json",
  summary: "Inventory advice for the vendor's products (by vpc)",
  description:
    "Sets the advised quantity of each vpc in one transaction; every channel shows the new availability at once. " +
    "At most 1000 records. Advice below what open orders hold keeps on hand at that quantity (available 0). " +
    "`active: 0` advises 0. A refused record (unknown vpc, another vendor, a bad field) is named in ERROR and does " +
    "not block the others. `with_detailed_response: 1` answers one outcome per record.",
  request: AdviceRequest,
  example: { records: [{ vendor_id: "27", vpc: "ABC123", quantity: 12 }] },
  response: successEnvelope(WireAdviceOutcome),
  handle(body, vendor, ctx) {
    const refusedWhole = overLimit(body.records.length);
    if (refusedWhole) return refusedWhole;
    const { valid, refused } = parseRecords(AdviceRecord, body.records);
    const failures: RecordFailure[] = [...refused];
    const applied = valid.filter(({ idx, record }) => {
      if (namesOwnVendor(vendor, { vendorId: record.vendor_id, vendorName: record.vendor_name })) return true;
      const named = record.vendor_name === undefined ? `vendor_id ${record.vendor_id}` : `vendor_name ${record.vendor_name}`;
      failures.push({ idx, code: "VENDOR_MISMATCH", message: `${named} is not this apikey's vendor` });
      return false;
    });
    const result = adviseInventoryBatch(ctx, {
      vendorId: vendor.vendorId,
      records: applied.map(({ record }) => ({ vpc: record.vpc, quantity: record.active === false ? 0 : record.quantity })),
    });
    if (!result.ok) return domainFailure(result.error);
    const outcomes = new Map<number, z.input<typeof WireAdviceOutcome>>();
    result.value.forEach((outcome, i) => {
      const { idx, record } = applied[i]!;
      if (!outcome.ok) {
        failures.push(recordFailure(idx, outcome.error));
        return;
      }
      outcomes.set(idx, {
        idx,
        success: 1,
        vendor_id: vendor.vendorId,
        vpc: record.vpc,
        sku: outcome.sku,
        quantity: record.active === false ? 0 : record.quantity,
        on_hand: outcome.onHand,
        available: outcome.available,
      });
    });
    for (const f of failures) outcomes.set(f.idx, { idx: f.idx, success: 0, vendor_id: vendor.vendorId, ERROR: `for field idx ${f.idx}: ${f.message}`, ERRORCODE: f.code });
    const ordered = [...outcomes.values()].sort((a, b) => a.idx - b.idx);
    return batchAnswer(ordered, failures.sort((a, b) => a.idx - b.idx), body.with_detailed_response === true);
  },
});
