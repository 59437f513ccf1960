import type { OperationResponse } from "@dropgate/core-domain";
import type { FastifyReply } from "fastify";

const DEFAULT_TYPE = "application/json; charset=utf-8";

/** Writes a dialect's response: status, headers, content type, and the body (JSON unless told). */
export function writeResponse(reply: FastifyReply, response: OperationResponse): FastifyReply {
  reply.code(response.status);
  for (const [name, value] of Object.entries(response.headers ?? {})) reply.header(name, value);
  if (response.body === undefined) return reply.send();
  const type = response.contentType ?? DEFAULT_TYPE;
  reply.type(type);
  const { body } = response;
  // Serialised here rather than by Fastify so a string body stays JSON (`"text"`) under a JSON type.
  if (!isJson(type) && (typeof body === "string" || body instanceof Uint8Array)) return reply.send(body);
  return reply.send(JSON.stringify(body));
}

function isJson(type: string): boolean {
  const essence = type.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  return essence === "application/json" || essence.endsWith("+json");
}
