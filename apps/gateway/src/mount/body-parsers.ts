import type { FastifyInstance } from "fastify";

/** Content types whose bodies reach the operation as the raw string, for the dialect to parse. */
export const XML_TYPES = ["application/xml", "text/xml"] as const;
export const FORM_TYPE = "application/x-www-form-urlencoded";

/*
 * Fastify's JSON parser refuses an empty body under `Content-Type: application/json`, which some
 * partner clients send on body-less POSTs; here it parses as "no body" and the operation's body
 * schema decides whether a body was required. Malformed JSON still fails with the
 * FST_ERR_CTP_INVALID_JSON_BODY error (prototype-poisoning protection included).
 */

/** Registers the gateway's body parsers: JSON (empty allowed), XML as raw text, and forms. */
export function registerBodyParsers(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "string" }, (request, body, done) => {
    if (body === "") {
      done(null, undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
  app.addContentTypeParser([...XML_TYPES], { parseAs: "string" }, (_request, body, done) => {
    done(null, body);
  });
  // OAuth 2 clients commonly post token requests form-encoded (RFC 6749 §4.4.2).
  app.addContentTypeParser(FORM_TYPE, { parseAs: "string" }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
}

/** The media type of a Content-Type header, lower case and without parameters. */
export function mediaType(header: string | undefined): string | undefined {
  const essence = header?.split(";", 1)[0]?.trim().toLowerCase();
  return essence === "" ? undefined : essence;
}
