import type { Client, UseCaseContext } from "@dropgate/core-domain";
import type { HttpMethod, InputOf, OperationExamples, OperationResponse, OperationResponseSpec, RequestProblem } from "@dropgate/dialect-kit";
import type { z } from "zod";
import { VersionHeaders } from "../wire/requests.js";
import { defineOperation, type OptoroOperation } from "./optoro-kit.js";

type Part = z.ZodType | undefined;

/** What a Drop Ship handler receives: checked parts and the authenticated buyer. */
export type DropShipRequest<PS extends Part, QS extends Part, BS extends Part> = InputOf<PS, QS, typeof VersionHeaders, BS, "client", Client>;

export interface DropShipOperationSpec<PS extends Part, QS extends Part, BS extends Part> {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tag: "Listings" | "Orders" | "Shipments";
  readonly params?: PS;
  readonly query?: QS;
  readonly body?: BS;
  /**
   * Answers a body that does not fit `body` in this operation's words (Optoro's 422 "Order not
   * created", "Payment status is not valid", …). Without it the dialect answers 422 with the
   * first issue's message.
   */
  readonly invalidBody?: (problem: RequestProblem) => OperationResponse;
  /** Rate-limit tokens a request costs (e.g. its order lines); default 1. */
  readonly cost?: (request: DropShipRequest<PS, QS, BS>) => number;
  readonly requestExamples?: OperationExamples;
  readonly responses: Readonly<Record<number, OperationResponseSpec>>;
  readonly handle: (request: DropShipRequest<PS, QS, BS>, ctx: UseCaseContext) => OperationResponse;
}

/**
 * Builds one Drop Ship operation on `defineOperation`, adding the version header. The gateway
 * checks its parts against the strict schemas — the version header first, then path, query and
 * body — and answers a failure in Optoro's words: query, path and header schemas carry Optoro's
 * texts (requests.ts), which the dialect's `renderDropShipProblem` answers as 400; a body
 * failure goes to `invalidBody`.
 */
export function dropShipOperation<PS extends Part = undefined, QS extends Part = undefined, BS extends Part = undefined>(
  spec: DropShipOperationSpec<PS, QS, BS>,
): OptoroOperation {
  const { invalidBody, cost } = spec;
  return defineOperation({
    id: spec.id,
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    auth: "client",
    // An absent part stays absent: `undefined` is "no schema" to the gateway.
    request: { headers: VersionHeaders, params: spec.params as PS, query: spec.query as QS, body: spec.body as BS },
    responses: spec.responses,
    ...(spec.requestExamples === undefined ? {} : { requestExamples: spec.requestExamples }),
    ...(cost === undefined ? {} : { cost }),
    ...(invalidBody === undefined
      ? {}
      : { renderInvalid: (problem: RequestProblem) => (problem.location === "body" ? invalidBody(problem) : undefined) }),
    handler: (input, ctx) => spec.handle(input, ctx),
  });
}
