import type {
  Client,
  DialectDefinition,
  Operation,
  OperationResponse,
  RequestProblem,
  UseCaseContext,
} from "@dropgate/core-domain";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { RateLimiter } from "../limits/token-bucket.js";
import { mediaType } from "./body-parsers.js";
import { renderInvalid, renderProblem } from "./render-problem.js";
import { validatePart } from "./validate.js";
import { writeResponse } from "./write-response.js";

/** What every mounted operation shares. */
export interface OperationDeps {
  readonly ctx: UseCaseContext;
  readonly limiter: RateLimiter;
}

const DEFAULT_CONTENT_TYPES = ["application/json"];

/*
 * The order of checks matters: the client is authenticated first so the rate limit can be kept
 * per client (a failed authentication is charged to the caller's address, which also slows down
 * credential guessing); then every request part is validated before the handler runs, so bad
 * input is answered with a 4xx and never reaches a use case half-checked. Headers go first: a
 * dialect's version header decides how the rest of the request reads (Optoro answers a missing
 * version before a bad query). The operation may word a validation failure itself
 * (`renderInvalid`); otherwise the dialect renders it like any other problem.
 */

/** The Fastify handler of one operation: authenticate, rate-limit, validate, run, answer. */
export function operationHandler(
  dialect: DialectDefinition<UseCaseContext>,
  operation: Operation<UseCaseContext>,
  deps: OperationDeps,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  const accepted = new Set((operation.request.contentTypes ?? DEFAULT_CONTENT_TYPES).map((type) => type.toLowerCase()));
  const problem = (reply: FastifyReply, found: RequestProblem, headers?: Record<string, string>): FastifyReply => {
    const response = renderProblem(dialect, found);
    return writeResponse(reply, headers === undefined ? response : withHeaders(response, headers));
  };
  const invalid = (reply: FastifyReply, found: RequestProblem): FastifyReply =>
    writeResponse(reply, renderInvalid(dialect, operation, found));

  return async (request, reply) => {
    try {
      const sentType = mediaType(request.headers["content-type"]);
      if (operation.request.body !== undefined && request.body !== undefined && sentType !== undefined && !accepted.has(sentType)) {
        return problem(reply, {
          kind: "unsupported_media_type",
          status: 415,
          message: `Content-Type ${sentType} is not accepted here; send ${[...accepted].join(" or ")}`,
          location: "headers",
          field: "content-type",
        });
      }

      let client: Client | null = null;
      let authProblem: RequestProblem | undefined;
      if (operation.auth === "client") {
        const outcome = await dialect.authenticate(request.headers, deps.ctx);
        if (outcome.ok) client = outcome.client;
        else authProblem = outcome.problem;
      }

      const verdict = deps.limiter.take(client === null ? `ip:${request.ip}` : `client:${client.id}`);
      if (!verdict.allowed) {
        return problem(
          reply,
          { kind: "rate_limited", status: 429, message: `Too many requests; retry in ${verdict.retryAfterSeconds} s` },
          { "retry-after": String(verdict.retryAfterSeconds) },
        );
      }
      if (authProblem !== undefined) return problem(reply, authProblem);

      const { request: schemas } = operation;
      const headers = validatePart(schemas.headers, request.headers, "headers");
      if (!headers.ok) return invalid(reply, headers.problem);
      const params = validatePart(schemas.params, request.params ?? {}, "params");
      if (!params.ok) return invalid(reply, params.problem);
      const query = validatePart(schemas.query, request.query ?? {}, "query");
      if (!query.ok) return invalid(reply, query.problem);
      const body = validatePart(schemas.body, schemas.body === undefined ? undefined : request.body, "body");
      if (!body.ok) return invalid(reply, body.problem);

      const response = await operation.handler(
        {
          params: params.value,
          query: query.value,
          headers: headers.value,
          body: body.value,
          client,
          accept: request.headers.accept,
          requestId: request.id,
        },
        deps.ctx,
      );
      return writeResponse(reply, response);
    } catch (error) {
      request.log.error({ err: error, operation: operation.id, body: request.body }, "operation failed");
      return problem(reply, { kind: "internal", status: 500, message: `Internal error; request id ${request.id}` });
    }
  };
}

function withHeaders(response: OperationResponse, headers: Record<string, string>): OperationResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}
