import { CodecError, type MediaCodec } from "@dropgate/dialect-kit";
import type { XmlDocument } from "./documents.js";
import { buildXml, parseXml } from "./xml-codec.js";

/*
 * The dialect's XML codec for the gateway: an operation's codec hints name the XmlDocument of its
 * body (decode) and of its answer (encode). Decoding parses safely and shapes the root like the
 * JSON body, which the gateway then validates with the operation's one body schema.
 */

function documentOf(hints: unknown): XmlDocument<unknown> {
  if (hints === null || typeof hints !== "object" || !("rootName" in hints)) throw new Error("the XML codec needs an XmlDocument hint");
  return hints as XmlDocument<unknown>;
}

/** `application/xml` (and `text/xml`) through the safe codec. */
export const xmlMediaCodec: MediaCodec = {
  mediaType: "application/xml",
  aliases: ["text/xml"],
  decode(text, hints) {
    const document = documentOf(hints);
    const parsed = parseXml(text, { arrays: document.arrays });
    if (!parsed.ok) throw new CodecError(parsed.message);
    if (parsed.rootName !== document.rootName) throw new CodecError(`The XML root element must be <${document.rootName}>`);
    return document.fromXml(parsed.root);
  },
  encode(body, hints) {
    const document = documentOf(hints);
    return buildXml(document.rootName, document.toXml(body));
  },
};
