import type { DomainError, DomainErrorCode, Result } from "@dropgate/core-domain";
import { TRPCError } from "@trpc/server";

type TrpcCode = TRPCError["code"];

/**
 * The one place where domain codes become tRPC codes. INSUFFICIENT_STOCK is a CONFLICT: the
 * request was well formed, the stock simply is not there at this moment.
 */
export const TRPC_CODE_OF: Readonly<Record<DomainErrorCode, TrpcCode>> = {
  NOT_FOUND: "NOT_FOUND",
  VALIDATION: "BAD_REQUEST",
  INSUFFICIENT_STOCK: "CONFLICT",
  ILLEGAL_TRANSITION: "PRECONDITION_FAILED",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
};

/** Carries a domain error as the `cause` of a TRPCError so the error formatter can expose it. */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = "DomainFailure";
  }
}

/** Turns a domain error into the TRPCError the router throws. */
export function toTrpcError(error: DomainError): TRPCError {
  return new TRPCError({ code: TRPC_CODE_OF[error.code], message: error.message, cause: new DomainFailure(error) });
}

/** Answers the value of a successful result; throws the mapped TRPCError otherwise. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw toTrpcError(result.error);
}

/** Throws NOT_FOUND (as a domain failure) when a read found nothing. */
export function found<T>(value: T | undefined, what: string): T {
  if (value !== undefined) return value;
  throw toTrpcError({ code: "NOT_FOUND", message: `${what} not found` });
}
