import type {
  Client,
  HttpMethod,
  Operation,
  OperationInput,
  OperationResponse,
  OperationResponseSpec,
  RequestProblem,
  UseCaseContext,
} from "@dropgate/core-domain";
import type { z } from "zod";
import { message } from "../errors/respond.js";
import { VersionHeaders } from "../wire/requests.js";

/** What a Drop Ship handler receives: checked parts and the authenticated buyer. */
export interface DropShipRequest<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly client: Client;
}

export interface DropShipOperationSpec<P, Q, B> {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tag: "Listings" | "Orders" | "Shipments";
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodType<Q>;
  readonly body?: z.ZodType<B>;
  /**
   * Answers a body that does not fit `body` in this operation's words (Optoro's 422 "Order not
   * created", "Payment status is not valid", …). Without it the dialect answers 422 with the
   * first issue's message.
   */
  readonly invalidBody?: (problem: RequestProblem) => OperationResponse;
  readonly responses: Readonly<Record<number, OperationResponseSpec>>;
  readonly handle: (request: DropShipRequest<P, Q, B>, ctx: UseCaseContext) => OperationResponse;
}

/**
 * Builds one Drop Ship operation. The gateway checks its parts against the strict schemas —
 * the version header first, then path, query and body — and answers a failure in Optoro's words:
 * query, path and header schemas carry Optoro's texts (requests.ts), which the dialect's
 * `renderDropShipProblem` answers as 400; a body failure goes to `invalidBody`.
 */
export function dropShipOperation<P = unknown, Q = unknown, B = unknown>(spec: DropShipOperationSpec<P, Q, B>): Operation<UseCaseContext> {
  const { invalidBody } = spec;
  return {
    id: spec.id,
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    auth: "client",
    request: {
      headers: VersionHeaders,
      ...(spec.params === undefined ? {} : { params: spec.params }),
      ...(spec.query === undefined ? {} : { query: spec.query }),
      ...(spec.body === undefined ? {} : { body: spec.body }),
    },
    responses: spec.responses,
    ...(invalidBody === undefined
      ? {}
      : { renderInvalid: (problem: RequestProblem) => (problem.location === "body" ? invalidBody(problem) : undefined) }),
    handler: (input: OperationInput<P, Q, unknown, B>, ctx: UseCaseContext) => {
      // The gateway authenticates `auth: "client"` operations before the handler runs.
      if (input.client === null) return message(401, "Not Authorized");
      return spec.handle({ params: input.params, query: input.query, body: input.body, client: input.client }, ctx);
    },
  };
}
