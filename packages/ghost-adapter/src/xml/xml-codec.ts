import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/*
 * XML through fast-xml-parser (anchors §3.5), with what makes it safe for bodies from the
 * internet: a document type declaration is refused outright, so no entity can be declared (no
 * external entities, no billion laughs) and only XML's five predefined entities are decoded;
 * size is checked before any parsing and nesting is capped; the text is validated first, because
 * the parser alone accepts mismatched tags. `parseTagValue: false` keeps every value the text it
 * was (`<zip>07302</zip>` stays "07302"); elements that may repeat are arrays at the paths the
 * document names, even when they appear once. Answers are built by XMLBuilder, which escapes
 * every value; nothing is concatenated into markup.
 */

/** Largest XML document accepted, in bytes. */
export const MAX_XML_BYTES = 1024 * 1024;
/** Deepest element nesting accepted (Rewix documents nest six deep). */
export const MAX_XML_DEPTH = 16;

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** Attribute names carry this prefix in objects handed to the builder. */
export const ATTR = "@_";

export type XmlParseOutcome =
  | { readonly ok: true; readonly rootName: string; readonly root: Record<string, unknown> }
  | { readonly ok: false; readonly message: string };

export interface XmlParseOptions {
  /** Dotted element paths from the root element's name (`root.order_list.order`) that are always arrays. */
  readonly arrays: readonly string[];
  readonly maxBytes?: number;
  readonly maxDepth?: number;
}

const DOCTYPE = /<!\s*(DOCTYPE|ENTITY)/i;

const parsers = new Map<string, XMLParser>();
function parserFor(arrays: readonly string[], maxDepth: number): XMLParser {
  const key = `${maxDepth}|${arrays.join(",")}`;
  let parser = parsers.get(key);
  if (parser === undefined) {
    const arrayPaths = new Set(arrays);
    parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: "",
      parseTagValue: false,
      parseAttributeValue: false,
      trimValues: true,
      ignoreDeclaration: true,
      ignorePiTags: true,
      // The DOCTYPE check above means only the predefined entities (&amp; &lt; …) can occur.
      processEntities: true,
      htmlEntities: false,
      maxNestedTags: maxDepth,
      isArray: (_name, jPath, _leaf, isAttribute) => !isAttribute && arrayPaths.has(String(jPath)),
    });
    parsers.set(key, parser);
  }
  return parser;
}

/** Parses one XML document safely into plain objects (attributes as plain keys, values as text). */
export function parseXml(text: string, options: XmlParseOptions): XmlParseOutcome {
  const maxBytes = options.maxBytes ?? MAX_XML_BYTES;
  if (text.length > maxBytes || Buffer.byteLength(text, "utf8") > maxBytes) {
    return { ok: false, message: `XML document larger than ${maxBytes} bytes` };
  }
  if (DOCTYPE.test(text)) return { ok: false, message: "XML document type declarations and entities are not accepted" };
  if (text.trim() === "") return { ok: false, message: "XML body is empty" };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, message: `Malformed XML at line ${valid.err.line}: ${valid.err.msg}` };
  let parsed: unknown;
  try {
    parsed = parserFor(options.arrays, options.maxDepth ?? MAX_XML_DEPTH).parse(text);
  } catch (error) {
    return { ok: false, message: `Malformed XML: ${error instanceof Error ? error.message : String(error)}` };
  }
  const entries = Object.entries(parsed as Record<string, unknown>);
  if (entries.length !== 1) return { ok: false, message: "XML document must have exactly one root element" };
  const [rootName, root] = entries[0] as [string, unknown];
  return { ok: true, rootName, root: root !== null && typeof root === "object" ? (root as Record<string, unknown>) : {} };
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: ATTR,
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
  format: false,
});

/** Builds an XML document with the declaration Rewix sends; attribute keys start with `@_`. */
export function buildXml(rootName: string, content: Record<string, unknown>): string {
  return `${XML_DECLARATION}${builder.build({ [rootName]: content })}`;
}

/** An element that may be missing, empty, one object or many, as a list of objects. */
export function elements(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (item !== null && typeof item === "object" ? (item as Record<string, unknown>) : {}));
}

/** A child element that holds more elements (`<address>…</address>`), or undefined. */
export function child(parent: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
  const value = parent[name];
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
