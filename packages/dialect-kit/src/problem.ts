import type { z } from "zod";

/** Kinds of failure the gateway itself detects before or around a handler. */
export type RequestProblemKind =
  | "bad_request"
  | "validation"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "not_acceptable"
  | "request_timeout"
  | "payload_too_large"
  | "unsupported_media_type"
  | "rate_limited"
  | "internal";

/** Which part of the request a problem is in. */
export type RequestPart = "params" | "query" | "headers" | "body";

/** A problem the gateway found, for the owning dialect to word in its own envelope. */
export interface RequestProblem {
  readonly kind: RequestProblemKind;
  readonly status: number;
  readonly message: string;
  /** The request field at fault, as a dotted path (e.g. `order.billing_address.zip_code`). */
  readonly field?: string;
  /** Which part of the request the field is in. */
  readonly location?: RequestPart;
  /**
   * Validation problems: the first issue's own message as the schema words it, without the
   * gateway's `Invalid <location> field "…":` around it, for dialects whose schemas carry the
   * partner's texts. Body decoding problems: the codec's message.
   */
  readonly detail?: string;
  /**
   * Validation problems: every issue, in zod's order, each with the `input` at fault (undefined
   * when the value is missing), for renderers that word each issue themselves.
   */
  readonly issues?: readonly z.core.$ZodIssue[];
  /** Body decoding problems: where in the body the codec gave up, when it knows. */
  readonly position?: { readonly line?: number; readonly column?: number; readonly offset?: number };
}
