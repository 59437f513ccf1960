import type { OperationResponseSpec } from "@dropgate/dialect-kit";
import { z } from "zod";
import { MessageBody, ParameterMissingBody } from "../wire/errors.js";

/*
 * Response specs shared by the Drop Ship operations, for the OpenAPI document and response
 * validation. Every operation may answer the gateway-level failures (bad request, auth, rate
 * limit, server error) in the `{"message"}` envelope.
 */

function messageSpec(description: string): OperationResponseSpec {
  return { description, schema: MessageBody };
}

/** Failures any authenticated Drop Ship operation may answer. */
export const COMMON_ERRORS: Readonly<Record<number, OperationResponseSpec>> = {
  400: {
    description: "Bad Request: a missing query parameter (Rails' ParameterMissing body), an invalid parameter or header, or a body that is not JSON",
    schema: z.union([ParameterMissingBody, MessageBody]),
  },
  401: messageSpec("Not Authorized: missing, unknown, expired or revoked access token"),
  403: messageSpec("Forbidden: the client is not a buyer"),
  429: messageSpec("Too many requests"),
  500: messageSpec("Internal Server Error"),
};

/** Failures of operations that take a JSON body. */
export const BODY_ERRORS: Readonly<Record<number, OperationResponseSpec>> = {
  413: messageSpec("Request too large"),
  415: messageSpec("Unsupported media type: send application/json"),
};

/** A `{"message"}` answer with its own description. */
export function messageResponse(description: string): OperationResponseSpec {
  return messageSpec(description);
}

/** The `record_count` header of list answers (total records in the set). */
export const RECORD_COUNT_HEADER = {
  record_count: {
    description: "The total number of records in the set",
    schema: z.int().min(0),
  },
} as const;
