import type { UseCaseContext } from "@dropgate/core-domain";
import {
  CodecError,
  mediaTypeEssence,
  negotiateMediaType,
  type Operation,
  type OperationInput,
  type RequestProblem,
} from "@dropgate/dialect-kit";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { DialectRuntime } from "./dialect-runtime.js";
import { bodyText, unreadableText } from "./body-text.js";
import { renderInvalid, renderProblem } from "./render-problem.js";
import { routeHintsOf } from "./route-rewrite.js";
import { validatePart } from "./validate.js";
import { writeResponse } from "./write-response.js";

/** What every mounted operation shares. */
export interface OperationDeps {
  readonly ctx: UseCaseContext;
}

type GatewayOperation = Operation<UseCaseContext, unknown>;

/*
 * The order of checks matters. The answer's media type is negotiated first (406 when nothing
 * fits), so every later problem is rendered in it; then the body's Content-Type is checked and
 * the body decoded by its codec (415, 400). The client is authenticated next so the rate limit
 * can be kept per client (a failed authentication is charged to the caller's address, which
 * also slows down credential guessing); then every request part is validated before the
 * handler runs, so bad input is answered with a 4xx and never reaches a use case half-checked.
 * Headers go first: a dialect's version header decides how the rest of the request reads
 * (Optoro answers a missing version before a bad query). An operation that costs more than one
 * token, or keys its limit by its input, is charged the rest once its input is known.
 */

/** The Fastify handler of the operations at one method and path (one per action version). */
export function operationHandler(
  runtime: DialectRuntime,
  versions: ReadonlyMap<number, GatewayOperation>,
  deps: OperationDeps,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  const { dialect } = runtime;
  const known = [...versions.keys()].sort((a, b) => a - b);
  const [first] = versions.values();
  if (first === undefined) throw new Error(`dialect ${dialect.name}: a route without operations`);

  return async (request, reply) => {
    // Storage commits in groups, and a read may see another request's uncommitted write: every
    // answer waits for the commit holding what this request touched, from this mark on. A failed
    // commit rejects that wait, and the answer becomes the 500 below (nothing of it stayed).
    const mark = deps.ctx.store.commitMark();
    const hints = routeHintsOf(request.raw);
    const accept = request.headers.accept;
    let problemType = runtime.problemMediaType(accept, hints.mediaType);
    let operation: GatewayOperation = first;
    let decoded: unknown;
    const writeProblem = (found: RequestProblem, headers?: Record<string, string>): FastifyReply => {
      const rendered = renderProblem(dialect, found, problemType);
      const response = headers === undefined ? rendered : { ...rendered, headers: { ...rendered.headers, ...headers } };
      return writeResponse(reply, response, { runtime, mediaType: problemType });
    };
    const problem = async (found: RequestProblem, headers?: Record<string, string>): Promise<FastifyReply> => {
      await deps.ctx.store.durable(mark);
      return writeProblem(found, headers);
    };
    try {
      const version = hints.version ?? (known.length === 1 ? (known[0] as number) : 1);
      const chosen = versions.get(version);
      if (chosen === undefined) {
        return problem({
          kind: "not_found",
          status: 404,
          message: `${first.path} has no version ${version}; it exists in version${known.length > 1 ? "s" : ""} ${known.join(", ")}`,
        });
      }
      operation = chosen;

      const produces = operation.produces ?? [runtime.defaultMediaType];
      const mediaType = hints.mediaType ?? negotiateMediaType(accept, produces, produces[0] ?? runtime.defaultMediaType);
      if (mediaType === undefined || !produces.includes(mediaType)) {
        problemType = runtime.defaultMediaType;
        return problem({
          kind: "not_acceptable",
          status: 406,
          message: `Cannot answer ${hints.mediaType ?? accept ?? ""} here; this operation answers ${produces.join(" or ")}`,
          location: "headers",
          field: "accept",
        });
      }
      if (runtime.problemMediaTypes.includes(mediaType)) problemType = mediaType;

      let requestMediaType: string | undefined;
      const raw = request.body;
      if (raw instanceof Uint8Array) {
        const consumes = operation.consumes ?? [runtime.defaultMediaType];
        const sent = mediaTypeEssence(request.headers["content-type"]);
        const codec = sent === undefined ? undefined : runtime.codecFor(sent);
        if (codec === undefined || !consumes.includes(codec.mediaType)) {
          return problem({
            kind: "unsupported_media_type",
            status: 415,
            message: `Content-Type ${sent ?? "(none)"} is not accepted here; send ${consumes.join(" or ")}`,
            location: "headers",
            field: "content-type",
          });
        }
        requestMediaType = codec.mediaType;
        const text = bodyText(raw);
        try {
          decoded = codec.decode(text.text, operation.codecHints?.[codec.mediaType]?.decode);
        } catch (error) {
          if (!(error instanceof CodecError)) throw error;
          // Bytes that are not UTF-8 are the first thing wrong with such a body.
          if (!text.utf8) return problem(unreadableText(undefined, text)!);
          return problem({
            kind: "bad_request",
            status: 400,
            message: error.message,
            location: "body",
            detail: error.message,
            ...(error.position === undefined ? {} : { position: error.position }),
          });
        }
        const unreadable = unreadableText(decoded, text);
        if (unreadable !== undefined) return problem(unreadable);
      }

      let client: unknown = null;
      let authProblem: RequestProblem | undefined;
      if (operation.auth === "client") {
        const outcome = await dialect.authenticate(
          {
            method: request.method,
            path: (request.originalUrl ?? request.url).split("?", 1)[0] ?? "",
            headers: request.headers,
            query: (request.query ?? {}) as Record<string, string | string[] | undefined>,
            ip: request.ip,
          },
          deps.ctx,
        );
        if (outcome.ok) client = outcome.client;
        else authProblem = outcome.problem;
      }

      const baseKey = client === null ? `ip:${request.ip}` : `client:${runtime.principalKey(client)}`;
      const keyed = operation.rateLimitKey !== undefined;
      const limited = (retryAfterSeconds: number) =>
        problem(
          { kind: "rate_limited", status: 429, message: `Too many requests; retry in ${retryAfterSeconds} s` },
          { "retry-after": String(retryAfterSeconds) },
        );
      // An operation keyed by its input is charged once its input is known (or, when invalid, to the caller).
      if (!keyed) {
        const verdict = runtime.limiter.take(baseKey);
        if (!verdict.allowed) return limited(verdict.retryAfterSeconds);
      }
      if (authProblem !== undefined) return problem(authProblem);

      const invalid = async (found: RequestProblem): Promise<FastifyReply> => {
        if (keyed) runtime.limiter.take(baseKey);
        await deps.ctx.store.durable(mark);
        return writeResponse(reply, renderInvalid(dialect, operation, found, problemType), { runtime, mediaType: problemType });
      };
      const { request: schemas } = operation;
      const headers = validatePart(schemas.headers, request.headers, "headers");
      if (!headers.ok) return invalid(headers.problem);
      const params = validatePart(schemas.params, request.params ?? {}, "params");
      if (!params.ok) return invalid(params.problem);
      const query = validatePart(schemas.query, request.query ?? {}, "query");
      if (!query.ok) return invalid(query.problem);
      const body = validatePart(schemas.body, schemas.body === undefined ? undefined : decoded, "body");
      if (!body.ok) return invalid(body.problem);

      const input: OperationInput<unknown, unknown, unknown, unknown, unknown> = {
        params: params.value,
        query: query.value,
        headers: headers.value,
        body: body.value,
        client,
        mediaType,
        requestMediaType,
        version,
        requestId: request.id,
        ip: request.ip,
      };
      if (keyed || operation.cost !== undefined) {
        const extra = operation.rateLimitKey?.(input);
        const cost = operation.cost?.(input) ?? 1;
        const key = extra === undefined ? baseKey : `${baseKey}|${extra}`;
        // Not keyed: one token was taken before validation; the rest is charged now.
        const verdict = keyed
          ? runtime.limiter.take(key, cost)
          : runtime.limiter.take(key, cost - 1, Math.min(cost, runtime.rateLimit.burst) - 1);
        if (!verdict.allowed) return limited(verdict.retryAfterSeconds);
      }

      const response = await operation.handler(input, deps.ctx);
      await deps.ctx.store.durable(mark);
      return writeResponse(reply, response, { runtime, mediaType, ...(operation.codecHints === undefined ? {} : { hints: operation.codecHints }) });
    } catch (error) {
      // The decoded body, so the logger's redaction sees its keys.
      request.log.error({ err: error, operation: operation.id, body: decoded ?? request.body }, "operation failed");
      return writeProblem({ kind: "internal", status: 500, message: `Internal error; request id ${request.id}` });
    }
  };
}
