import type { OperationExamples } from "@dropgate/dialect-kit";
import {
  BATCH_ALREADY_EXISTS_RESPONSE,
  BATCH_CREATED_RESPONSE,
  BATCH_ORDERS_REQUEST,
  BATCH_TOO_LARGE_RESPONSE,
  CREATE_ORDER_REQUEST,
  FORWARD_ORDERS_REQUEST,
  FORWARD_ORDERS_SUCCESS,
  FORWARD_ORDERS_VALIDATION_FAILED,
  LISTING_UPDATED_RESPONSE,
  LISTINGS_RESPONSE,
  ORDER_ACCEPTED_RESPONSE,
  ORDER_DUPLICATE_RESPONSE,
  ORDER_NOT_FOUND_RESPONSE,
  ORDER_PENDING_PAYMENT_RESPONSE,
  ORDER_REJECTED_RESPONSE,
  TOKEN_INVALID_CLIENT,
  TOKEN_REQUEST,
  TOKEN_RESPONSE,
  UPDATE_LISTING_REQUEST,
  UPDATE_ORDER_REQUEST,
} from "../wire/spec-samples.js";
import type { OptoroOperation } from "./optoro-kit.js";

interface Samples {
  readonly request?: OperationExamples;
  readonly responses?: Readonly<Record<number, OperationExamples>>;
}

const sample = (summary: string, value: unknown) => ({ summary, value });

/** Optoro's samples by operation id, for the OpenAPI document. */
const SAMPLES: Readonly<Record<string, Samples>> = {
  oauthTokenFetch: {
    request: { spec: sample("Auth 1.0.0 request", TOKEN_REQUEST) },
    responses: {
      200: { spec: sample("Auth 1.0.0 token", TOKEN_RESPONSE) },
      401: { invalidClient: sample("Auth 1.0.0 invalid client", TOKEN_INVALID_CLIENT) },
    },
  },
  listingsIndex: { responses: { 200: { spec: sample("Drop Ship 2023-08-15 listings page", LISTINGS_RESPONSE) } } },
  listingsUpdate: {
    request: { spec: sample("Drop Ship 2023-08-15 quantity update", UPDATE_LISTING_REQUEST) },
    responses: { 200: { spec: sample("Drop Ship 6.0 answer", LISTING_UPDATED_RESPONSE) } },
  },
  ordersCreate: {
    request: { spec: sample("Drop Ship 6.0 order-2", CREATE_ORDER_REQUEST) },
    responses: {
      201: {
        accepted: sample("Accepted", ORDER_ACCEPTED_RESPONSE),
        pendingPayment: sample("Accepted, a lot waiting for payment", ORDER_PENDING_PAYMENT_RESPONSE),
      },
      200: { rejected: sample("Rejected: insufficient quantity", ORDER_REJECTED_RESPONSE) },
      422: { duplicate: sample("Duplicate client identifier", ORDER_DUPLICATE_RESPONSE) },
    },
  },
  batchOrdersCreate: {
    request: { spec: sample("The sample order, batched", BATCH_ORDERS_REQUEST) },
    responses: {
      200: {
        created: sample("Created", BATCH_CREATED_RESPONSE),
        alreadyExists: sample("The same order sent again", BATCH_ALREADY_EXISTS_RESPONSE),
      },
      413: { tooLarge: sample("More than 25 orders", BATCH_TOO_LARGE_RESPONSE) },
    },
  },
  ordersUpdate: {
    request: { spec: sample("Complete the payment", UPDATE_ORDER_REQUEST) },
    responses: { 404: { notFound: sample("Unknown order", ORDER_NOT_FOUND_RESPONSE) } },
  },
  ordersCancel: { responses: { 404: { notFound: sample("Unknown order", ORDER_NOT_FOUND_RESPONSE) } } },
  forwardOrdersUpsert: {
    request: { spec: sample("Forward Orders 1.0.0 order (the OpenAPI's property examples)", FORWARD_ORDERS_REQUEST) },
    responses: {
      200: { spec: sample("Forward Orders 1.0.0 success", FORWARD_ORDERS_SUCCESS) },
      422: { spec: sample("Forward Orders 1.0.0 validation failure", FORWARD_ORDERS_VALIDATION_FAILED) },
    },
  },
};

/** The operations with Optoro's own sample payloads attached as request and response examples. */
export function withSpecSamples(operations: readonly OptoroOperation[]): OptoroOperation[] {
  return operations.map((operation) => {
    const samples = SAMPLES[operation.id];
    if (samples === undefined) return operation;
    const responses = Object.fromEntries(
      Object.entries(operation.responses).map(([status, spec]) => {
        const examples = samples.responses?.[Number(status)];
        return [status, examples === undefined ? spec : { ...spec, examples }];
      }),
    );
    return { ...operation, ...(samples.request === undefined ? {} : { requestExamples: samples.request }), responses };
  });
}
