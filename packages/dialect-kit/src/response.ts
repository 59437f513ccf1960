import type { z } from "zod";

/**
 * What a handler or a problem renderer answers. `body` undefined means no body (e.g. 204).
 * The body is shaped for `mediaType` and the gateway encodes it with that media type's codec;
 * a media type without a codec (e.g. `text/plain`) takes a string or bytes as they are.
 */
export interface OperationResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Defaults to the negotiated media type (`input.mediaType`), else the dialect's default. */
  readonly mediaType?: string;
  /** Hints for the codec that encodes this body, overriding the operation's `codecHints`. */
  readonly encodeHints?: unknown;
}

/** A sample payload for the OpenAPI document: the partner spec's own example, ideally. */
export interface OperationExample {
  readonly summary?: string;
  readonly description?: string;
  /** The body, shaped as the schema describes it (the gateway encodes it for non-JSON media types). */
  readonly value: unknown;
}

/** Examples by name, for one request body or response. */
export type OperationExamples = Readonly<Record<string, OperationExample>>;

/** One documented response of an operation. */
export interface OperationResponseSpec {
  readonly description: string;
  readonly schema?: z.ZodType;
  /** Media types the body is sent in; defaults to the operation's `produces`. */
  readonly mediaTypes?: readonly string[];
  readonly headers?: Readonly<Record<string, { readonly description: string; readonly schema: z.ZodType }>>;
  readonly examples?: OperationExamples;
}
