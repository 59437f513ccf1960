import {
  DEFAULT_CHANNEL,
  type DialectDefinition,
  type Operation,
  type OperationResponse,
  type RequestProblem,
  type UseCaseContext,
} from "@dropgate/core-domain";
import { z } from "zod";
import { REQUEST_ERROR } from "./errors/problem.js";
import { catalogueOperations } from "./operations/catalogue-operations.js";
import { encodeProblem, type AnyGhostOperation, runGhostCall } from "./operations/ghost-operation.js";
import { MEDIA_TYPES } from "./operations/negotiate.js";
import type { GhostOptions } from "./operations/options.js";
import { orderOperations } from "./operations/order-operations.js";
import { reservationOperations } from "./operations/reservation-operations.js";
import { ErrorBody } from "./wire/errors.js";

/** Where the Rewix dialect is mounted; a Rewix client's base URL is `<gateway>/rewix/restful`. */
export const REWIX_PREFIX = "/rewix";
export const RESTFUL = "/restful";

const BOTH_TYPES = [MEDIA_TYPES.xml, "text/xml", MEDIA_TYPES.json];

/** A zod schema's JSON Schema, for documents that describe what `runGhostCall` checks itself. */
function described(schema: z.ZodType, io: "input" | "output"): z.ZodType {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  return z.unknown().meta(json);
}

/** A query schema whose parameters are documented but checked by `runGhostCall`. */
function describedQuery(schema: z.ZodType | undefined): z.ZodType | undefined {
  if (!(schema instanceof z.ZodObject)) return undefined;
  return z.object(
    Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => [name, described(field, "input").optional()])),
  );
}

function toResponse(answer: ReturnType<typeof runGhostCall>): OperationResponse {
  return { status: answer.status, body: answer.body, contentType: answer.contentType, ...(answer.headers ? { headers: answer.headers } : {}) };
}

/**
 * One Rewix operation for the gateway. The pipeline (negotiation, Basic authentication, XML or
 * JSON decoding into one schema, errors in the negotiated format) runs in `runGhostCall`; the
 * gateway passes the request through and documents the schemas in both media types.
 */
function mount(spec: AnyGhostOperation): Operation<UseCaseContext> {
  const answerTypes = spec.format === undefined ? BOTH_TYPES : [MEDIA_TYPES[spec.format]];
  const query = describedQuery(spec.query);
  return {
    id: spec.id,
    method: spec.method,
    path: `${RESTFUL}${spec.path}`,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    auth: "none",
    request: {
      ...(query === undefined ? {} : { query }),
      ...(spec.body === undefined ? {} : { body: described(spec.body.schema, "input"), contentTypes: BOTH_TYPES }),
    },
    responses: {
      200: { description: spec.answer.description, schema: described(spec.answer.schema, "output"), contentTypes: answerTypes },
      401: { description: "Missing or wrong API key or password.", schema: ErrorBody, contentTypes: answerTypes },
      406: { description: "Accept allows neither XML nor JSON.", schema: ErrorBody, contentTypes: [MEDIA_TYPES.xml] },
      429: { description: "The request has an error (the message names the field), or too many requests.", schema: ErrorBody, contentTypes: answerTypes },
    },
    handler: (input, ctx) =>
      toResponse(
        runGhostCall(
          spec,
          { headers: input.headers as Record<string, string>, query: input.query, params: input.params as Record<string, string>, body: input.body },
          ctx,
        ),
      ),
  };
}

/** Gateway-detected problems (limits, bad JSON, unknown paths) in the Rewix envelope, as XML (Rewix's default). */
export function renderGhostProblem(found: RequestProblem): OperationResponse {
  const status = found.kind === "internal" || found.status >= 500 ? found.status : found.status === 400 || found.status === 415 || found.status === 422 ? REQUEST_ERROR : found.status;
  return toResponse(encodeProblem("xml", { status, message: found.message, ...(found.field === undefined ? {} : { field: found.field }) }));
}

/** Every Rewix operation spec, for the typed client and tests. */
export function ghostOperations(options: GhostOptions): AnyGhostOperation[] {
  return [...catalogueOperations(options), ...reservationOperations(options), ...orderOperations(options)];
}

/** The Rewix ghost dropshipping dialect, ready for the gateway to mount at `/rewix`. */
export function createGhostDialect(options: Partial<GhostOptions> = {}): DialectDefinition<UseCaseContext> {
  const resolved: GhostOptions = { channel: options.channel ?? DEFAULT_CHANNEL, currency: options.currency ?? "USD" };
  return {
    name: "rewix",
    prefix: REWIX_PREFIX,
    title: "Rewix ghost",
    version: "1.0.0",
    description:
      "The Rewix ghost dropshipping API (/restful/...) in XML and JSON: catalogue, carriers, reservations, send order and order status. HTTP Basic with the API key and password; answers follow Accept (XML when absent).",
    security: { type: "http-basic", description: "User name: the API key; password: the secret issued by the Dropgate operator." },
    problemSchema: ErrorBody,
    operations: ghostOperations(resolved).map(mount),
    authenticate: () => ({ ok: false, problem: { kind: "unauthorized", status: 401, message: "Rewix operations authenticate themselves" } }),
    renderProblem: renderGhostProblem,
  };
}
