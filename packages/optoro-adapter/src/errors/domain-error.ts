import type { DomainError } from "@dropgate/core-domain";
import type { OperationResponse } from "@dropgate/dialect-kit";
import { message } from "./respond.js";

/** Operation-specific words for domain failures, e.g. Optoro's "Order cannot be found". */
export interface DomainErrorWording {
  readonly notFound?: string;
  readonly illegalTransition?: string;
}

/*
 * Domain error codes → Drop Ship status, mapped once. Optoro has no 409: a conflict with the
 * current state is a 422 validation error, as its "Order status should be pending_payment" is.
 */
const STATUS_OF: Readonly<Record<DomainError["code"], number>> = {
  NOT_FOUND: 404,
  VALIDATION: 422,
  INSUFFICIENT_STOCK: 422,
  ILLEGAL_TRANSITION: 422,
  CONFLICT: 422,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
};

/** Renders a core-domain failure in the Drop Ship envelope. */
export function renderDomainError(error: DomainError, wording: DomainErrorWording = {}): OperationResponse {
  const text =
    (error.code === "NOT_FOUND" ? wording.notFound : undefined) ??
    (error.code === "ILLEGAL_TRANSITION" ? wording.illegalTransition : undefined) ??
    error.message;
  return message(STATUS_OF[error.code], text);
}
