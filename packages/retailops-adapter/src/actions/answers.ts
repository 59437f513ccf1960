import type { DomainError } from "@dropgate/core-domain";
import type { RetailOpsErrorCode } from "../errors/codes.js";
import { errorCodeOf, errorMessageOf } from "../errors/domain-error.js";
import type { ActionAnswer } from "./action.js";

/** `{"success":1,"records":[…]}` with any extra top-level fields (e.g. `total`). */
export function success(records: readonly unknown[], extra: Record<string, unknown> = {}): ActionAnswer {
  return { status: 200, body: { success: 1, records, ...extra } };
}

/** `{"success":0,"ERROR":…,"ERRORCODE":…}`; HTTP 200 unless told (clients read only 2xx bodies). */
export function failure(code: RetailOpsErrorCode, message: string, status = 200, records?: readonly Record<string, unknown>[]): ActionAnswer {
  return { status, body: { success: 0, ERROR: message, ERRORCODE: code, ...(records === undefined ? {} : { records: [...records] }) } };
}

/** A whole-call domain failure in RetailOps' words. */
export function domainFailure(error: DomainError): ActionAnswer {
  return failure(errorCodeOf(error), errorMessageOf(error));
}

/** One record's failure: `for field idx 3: quantity …`. */
export interface RecordFailure {
  readonly idx: number;
  readonly code: RetailOpsErrorCode;
  readonly message: string;
}

/** The outcome object of a refused record. */
export function failedRecord(f: RecordFailure): { idx: number; success: 0; ERROR: string; ERRORCODE: string } {
  return { idx: f.idx, success: 0, ERROR: `for field idx ${f.idx}: ${f.message}`, ERRORCODE: f.code };
}

/**
 * A batch's answer: every record applied is a success envelope; otherwise RECORD_ERRORS names
 * each refused record in ERROR and carries the outcomes (the other records were applied).
 */
export function batchAnswer(outcomes: readonly Record<string, unknown>[], failures: readonly RecordFailure[], detailed: boolean): ActionAnswer {
  if (failures.length === 0) return success(detailed ? outcomes : []);
  const message = failures.map((f) => `for field idx ${f.idx}: ${f.message}`).join("; ");
  return failure("RECORD_ERRORS", message, 200, detailed ? outcomes : failures.map(failedRecord));
}
