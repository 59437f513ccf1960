import { STATUS_CODES } from "node:http";
import type { Socket } from "node:net";

/*
 * A request Node cannot even parse (bad framing, oversized headers, header timeout) never
 * reaches routing, so no dialect owns it: it gets the plain `{ "message": … }` body instead of
 * Fastify's default one, and the connection is closed as Node itself would.
 */

/** Answers an unparseable HTTP request on its socket and closes it. */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const [status, message] =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? [408, "The request took too long to arrive"]
      : error.code === "HPE_HEADER_OVERFLOW"
        ? [431, "Request headers are too large"]
        : [400, "Malformed HTTP request"];
  const body = JSON.stringify({ message });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
