import { JSON_MEDIA_TYPE, type OperationResponse } from "@dropgate/dialect-kit";
import type { FastifyReply } from "fastify";
import type { DialectRuntime } from "./dialect-runtime.js";

/** Encoding context of a response: the dialect's codecs, the negotiated type, the operation's hints. */
export interface EncodeContext {
  readonly runtime: DialectRuntime | undefined;
  readonly mediaType: string;
  readonly hints?: Readonly<Record<string, { readonly encode?: unknown }>>;
}

/**
 * Writes a response: status, headers, and the body encoded by the codec of its media type
 * (the response's own, else the negotiated one). A media type without a codec sends a string
 * or bytes as they are; anything else is a bug in the dialect and throws.
 */
export function writeResponse(reply: FastifyReply, response: OperationResponse, context: EncodeContext): FastifyReply {
  reply.code(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  if (response.body === undefined) return reply.send();
  const mediaType = (response.mediaType ?? context.mediaType).toLowerCase();
  const codec = context.runtime === undefined ? undefined : context.runtime.codecFor(mediaType);
  const { body } = response;
  if (codec !== undefined) {
    const hints = response.encodeHints ?? context.hints?.[codec.mediaType]?.encode;
    return reply.type(`${mediaType}; charset=utf-8`).send(codec.encode(body, hints));
  }
  if (mediaType === JSON_MEDIA_TYPE) return reply.type(`${mediaType}; charset=utf-8`).send(JSON.stringify(body));
  if (typeof body === "string") return reply.type(`${mediaType}; charset=utf-8`).send(body);
  if (body instanceof Uint8Array) return reply.type(mediaType).send(body);
  throw new Error(`no codec encodes ${mediaType} and the body is neither a string nor bytes`);
}
