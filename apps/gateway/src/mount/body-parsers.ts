import type { FastifyInstance } from "fastify";

/*
 * Fastify hands every body over as its raw text, whatever its Content-Type: the operation's
 * dialect decodes it with the codec of that media type (JSON, XML, forms, …), so which types a
 * route reads is data in the dialect, and a refused type is answered in the dialect's envelope.
 * An empty body is "no body": the operation's body schema decides whether one was required.
 */

/** Registers the one catch-all parser: the body as a string (undefined when empty). */
export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => {
    done(null, body === "" ? undefined : body);
  });
}
