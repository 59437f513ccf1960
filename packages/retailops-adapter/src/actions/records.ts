import type { DomainError } from "@dropgate/core-domain";
import type { z } from "zod";
import { errorCodeOf, errorMessageOf } from "../errors/domain-error.js";
import { describeIssue } from "../errors/describe-issue.js";
import { MAX_RECORDS_PER_CALL } from "../wire/requests.js";
import type { RecordFailure } from "./answers.js";
import { failure } from "./answers.js";
import type { ActionAnswer } from "./action.js";

/** A batch over the limit, refused whole with the limit and the count sent. */
export function overLimit(count: number, what = "records"): ActionAnswer | undefined {
  if (count <= MAX_RECORDS_PER_CALL) return undefined;
  return failure("TOO_MANY_RECORDS", `At most ${MAX_RECORDS_PER_CALL} ${what} per call; ${count} were sent`);
}

/** Validates each record on its own: the valid ones with their index, and the refusals. */
export function parseRecords<S extends z.ZodType>(schema: S, records: readonly unknown[]) {
  const valid: { idx: number; record: z.output<S> }[] = [];
  const refused: RecordFailure[] = [];
  records.forEach((raw, idx) => {
    const parsed = schema.safeParse(raw, { reportInput: true });
    if (parsed.success) valid.push({ idx, record: parsed.data });
    else refused.push({ idx, code: "INVALID_PARAMS", message: parsed.error.issues.map(describeIssue).join("; ") });
  });
  return { valid, refused };
}

const WIRE_NAMES: Readonly<Record<string, string>> = {
  poItemId: "po_item_id",
  shipClassId: "ship_class_id",
  estimatedShipDate: "estimated_ship_date",
  trackingNumber: "tracking_number",
};

/** A core field path (`records.3.items.0.poItemId`) as the record's own wire path (`items.0.po_item_id`). */
export function wireField(field: string | undefined): string {
  if (field === undefined) return "";
  return field
    .replace(/^records\.\d+\.?/, "")
    .split(".")
    .map((part) => WIRE_NAMES[part] ?? part)
    .join(".");
}

/** A record's domain failure as a RecordFailure at `idx`. */
export function recordFailure(idx: number, error: DomainError): RecordFailure {
  const field = wireField(error.field);
  const message = errorMessageOf(error);
  return { idx, code: errorCodeOf(error), message: field === "" || message.includes(field) ? message : `${field}: ${message}` };
}
