import type { FastifyInstance } from "fastify";

/*
 * Fastify hands every body over as its raw bytes, whatever its Content-Type: the operation
 * handler decodes them as UTF-8 (refusing bytes that are not, body-text.ts) and the dialect
 * decodes the text with the codec of its media type (JSON, XML, forms, …), so which types a
 * route reads is data in the dialect, and a refused type is answered in the dialect's envelope.
 * An empty body is "no body": the operation's body schema decides whether one was required.
 */

/** Registers the one catch-all parser: the body as bytes (undefined when empty). */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => {
    done(null, body.length === 0 ? undefined : body);
  });
}
