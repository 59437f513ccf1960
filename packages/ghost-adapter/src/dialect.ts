import { type Client, DEFAULT_CHANNEL, type UseCaseContext } from "@dropgate/core-domain";
import { type DialectDefinition, dialectKit, type RequestProblem } from "@dropgate/dialect-kit";
import { invalidRequest, problem, REQUEST_ERROR } from "./errors/problem.js";
import { authenticateReseller } from "./operations/authenticate-reseller.js";
import { catalogueOperations } from "./operations/catalogue-operations.js";
import { type AnyGhostOperation, problemResponse, toKitOperation } from "./operations/ghost-operation.js";
import { BOTH, JSON_TYPE, XML } from "./operations/media-types.js";
import type { GhostOptions } from "./operations/options.js";
import { orderOperations } from "./operations/order-operations.js";
import { reservationOperations } from "./operations/reservation-operations.js";
import { ErrorBody } from "./wire/errors.js";
import { MAX_XML_BYTES } from "./xml/xml-codec.js";
import { xmlMediaCodec } from "./xml/xml-media-codec.js";

/** Where the Rewix dialect is mounted; a Rewix client's base URL is `<gateway>/rewix/restful`. */
export const REWIX_PREFIX = "/rewix";

const { defineDialect } = dialectKit<UseCaseContext, Client>();

const ERRORS = {
  401: { description: "Missing or wrong API key or password.", schema: ErrorBody },
  429: { description: "The request has an error (the message names the field), or too many requests.", schema: ErrorBody },
};

/**
 * Problems the gateway finds (bad XML or JSON, a body type not accepted, limits, unknown paths)
 * in the Rewix envelope and the negotiated media type. Request errors are 429, as the spec says.
 */
export function renderGhostProblem(found: RequestProblem, mediaType: string) {
  const media = mediaType === JSON_TYPE ? JSON_TYPE : XML;
  switch (found.kind) {
    case "validation":
      return problemResponse(media, found.issues === undefined ? problem(REQUEST_ERROR, found.message, found.field) : invalidRequest("", found.issues));
    case "bad_request":
    case "unsupported_media_type":
      return problemResponse(media, problem(REQUEST_ERROR, found.detail ?? found.message, found.field ?? "body"));
    case "unauthorized":
    case "forbidden":
      return problemResponse(media, problem(401, found.message));
    case "not_found":
    case "method_not_allowed":
    case "not_acceptable":
    case "request_timeout":
    case "payload_too_large":
    case "rate_limited":
    case "internal":
      return problemResponse(media, problem(found.status, found.message, found.field));
  }
}

/** Every Rewix operation spec, for tests. */
export function ghostOperations(options: GhostOptions): AnyGhostOperation[] {
  return [...catalogueOperations(options), ...reservationOperations(options), ...orderOperations(options)];
}

/** The Rewix ghost dropshipping dialect, ready for the gateway to mount at `/rewix`. */
export function createGhostDialect(options: Partial<GhostOptions> = {}): DialectDefinition<UseCaseContext, Client> {
  const resolved: GhostOptions = { channel: options.channel ?? DEFAULT_CHANNEL, currency: options.currency ?? "USD" };
  const orderStatus = { ...ERRORS, 404: { description: "No such order of this reseller.", schema: ErrorBody } };
  return defineDialect({
    name: "rewix",
    prefix: REWIX_PREFIX,
    title: "Rewix ghost",
    version: "1.0.0",
    description:
      "The Rewix ghost dropshipping API (/restful/...) in XML and JSON: catalogue, carriers, reservations, send order and order status. HTTP Basic with the API key and password; answers follow Accept (XML when absent); products.json / products.xml fix the format.",
    security: { type: "http-basic", description: "User name: the API key; password: the secret issued by the Dropgate operator." },
    problemSchema: ErrorBody,
    codecs: [xmlMediaCodec],
    defaultMediaType: XML,
    problemMediaTypes: [...BOTH],
    routing: { formatSuffixes: { json: JSON_TYPE, xml: XML } },
    limits: { bodyLimitBytes: MAX_XML_BYTES },
    operations: ghostOperations(resolved).map((spec) => toKitOperation(spec, spec.path.startsWith("/ghost/clientorders") ? orderStatus : ERRORS)),
    authenticate: (request, ctx) => {
      const outcome = authenticateReseller(request.headers.authorization, ctx);
      return outcome.ok ? outcome : { ok: false, problem: { kind: "unauthorized", status: 401, message: outcome.problem.message } };
    },
    renderProblem: renderGhostProblem,
  });
}
