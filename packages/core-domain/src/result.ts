/** Stable codes for expected failures; each dialect maps them to its own envelope once. */
export const DOMAIN_ERROR_CODES = [
  "NOT_FOUND",
  "VALIDATION",
  "INSUFFICIENT_STOCK",
  "ILLEGAL_TRANSITION",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "CONFLICT",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainError {
  readonly code: DomainErrorCode;
  readonly message: string;
  /** Which input field is at fault, as a dotted path, when one is. */
  readonly field?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type Result<T, E extends DomainError = DomainError> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: E };

/** Wraps a successful value. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Builds an expected failure. */
export function err(
  code: DomainErrorCode,
  message: string,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): { readonly ok: false; readonly error: DomainError } {
  return { ok: false, error: { code, message, ...extra } };
}

/** Thrown inside a storage transaction to roll it back while handing a failure value out. */
export class RollbackSignal extends Error {
  constructor(readonly failure: { readonly ok: false; readonly error: DomainError }) {
    super(failure.error.message);
    this.name = "RollbackSignal";
  }
}
