import type { DomainError } from "@dropgate/core-domain";
import type { RetailOpsErrorCode } from "./codes.js";

/*
 * Core-domain failures in RetailOps' words. The field a use case names says which RetailOps
 * cause it is (an unknown `po` vs an unknown `poItemId` are both NOT_FOUND in the core).
 */

/** The ERRORCODE of a domain failure. */
export function errorCodeOf(error: DomainError): RetailOpsErrorCode {
  const field = error.field ?? "";
  const last = field.split(".").at(-1) ?? "";
  switch (error.code) {
    case "NOT_FOUND":
      if (last === "po") return "INVALID_PO";
      if (last === "poItemId") return "INVALID_PO_ITEM";
      if (last === "vpc") return "INVALID_VPC";
      return "INVALID_PARAMS";
    case "VALIDATION":
      if (last === "shipClassId") return "INVALID_SHIP_CLASS";
      if (last === "quantity" || /^packages\.\d+\.items\.\d+$/.test(field) || last === "items") return "INVALID_QUANTITY";
      return "INVALID_PARAMS";
    case "ILLEGAL_TRANSITION":
      return "INVALID_STATUS";
    case "FORBIDDEN":
      return "VENDOR_MISMATCH";
    case "UNAUTHORIZED":
      return "INVALID_APIKEY";
    case "INSUFFICIENT_STOCK":
      return "INVALID_QUANTITY";
    default:
      return "INVALID_PARAMS";
  }
}

/** A domain failure's message as RetailOps clients read it (`invalid po D9`, `invalid vpc X`). */
export function errorMessageOf(error: DomainError): string {
  if (error.code === "NOT_FOUND" && /^Unknown vpc /.test(error.message)) return error.message.replace(/^Unknown vpc /, "invalid vpc ");
  return error.message;
}
