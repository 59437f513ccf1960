/*
 * One stable ERRORCODE per cause, each listed (with when it is answered) in the README. Error
 * envelopes go out with HTTP 200, because real clients read only 2xx bodies and branch on
 * `success` / `ERRORCODE` (retailops-rewix.md A2); the one exception is INVALID_APIKEY (401).
 */

/** Every ERRORCODE the dialect answers, with the cause it stands for. */
export const RETAILOPS_ERROR_CODES = {
  INVALID_APIKEY: "no apikey, or one that is unknown, malformed or disabled (HTTP 401)",
  NOT_A_VENDOR: "the apikey is not a RetailOps vendor's",
  NO_SUCH_ACTION: "the path names no action; the message lists those that exist",
  NO_SUCH_VERSION: "the action has no such `~N` version; the message lists those that exist",
  METHOD_NOT_ALLOWED: "every action is POST",
  NOT_ACCEPTABLE: "the Accept header admits no JSON answer",
  REQUEST_TIMEOUT: "the body did not arrive in time",
  INVALID_JSON: "the body is not valid JSON; the message gives the position",
  UNSUPPORTED_MEDIA_TYPE: "the body is not sent as application/json",
  PAYLOAD_TOO_LARGE: "the body exceeds the gateway's body limit",
  RATE_LIMITED: "too many calls; retry after the seconds given",
  INVALID_PARAMS: "a field of the call (or of one record) is missing or malformed; the message names it",
  TOO_MANY_RECORDS: "more than 1000 records (or packages) in one call; refused whole",
  VENDOR_MISMATCH: "a vendor_id or vendor_name that is not the apikey's vendor",
  INVALID_VPC: "no product of the vendor has this vpc",
  INVALID_PO: "no PO of the vendor has this number",
  INVALID_PO_ITEM: "the PO has no line with this po_item_id",
  INVALID_QUANTITY: "more than the line (or the PO) has open",
  INVALID_STATUS: "the PO's status does not allow the action (e.g. accepting a complete PO)",
  INVALID_SHIP_CLASS: "no carrier class has this ship_class_id",
  RECORD_ERRORS: "some records of a batch were refused; each is named in ERROR and in `records`, the others were applied",
  INTERNAL_ERROR: "an unexpected failure; the message carries the request id",
} as const;
export type RetailOpsErrorCode = keyof typeof RETAILOPS_ERROR_CODES;
