import { CodecError, type MediaCodec } from "@dropgate/dialect-kit";
import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";

/*
 * A test-only XML codec over fast-xml-parser (entities off: no expansion attacks, no external
 * entities), the way a real XML dialect would bring its own. Hints map the document onto the
 * JSON structure of the operation's one schema: `root` is the document element, and `lists`
 * names the wrapped lists (`{ "tags": "tag" }`: `<tags><tag>a</tag></tags>` is `tags: ["a"]`).
 */

/** What the XML codec needs to know about one document. */
export interface XmlHints {
  readonly root: string;
  /** Wrapped lists by dotted path below the root, and the name of their items. */
  readonly lists?: Readonly<Record<string, string>>;
}

function hintsOf(hints: unknown): XmlHints {
  if (hints !== null && typeof hints === "object" && typeof (hints as { root?: unknown }).root === "string") return hints as XmlHints;
  return { root: "document" };
}

type Tree = Record<string, unknown>;

function unwrap(value: unknown, path: string, lists: Readonly<Record<string, string>>): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const item = lists[path];
  if (item !== undefined) {
    const inner = (value as Tree)[item];
    return inner === undefined ? [] : (inner as unknown[]).map((entry) => unwrap(entry, `${path}.${item}`, lists));
  }
  return Object.fromEntries(
    Object.entries(value as Tree).map(([key, inner]) => [key, unwrap(inner, path === "" ? key : `${path}.${key}`, lists)]),
  );
}

function wrap(value: unknown, path: string, lists: Readonly<Record<string, string>>): unknown {
  const item = lists[path];
  if (item !== undefined && Array.isArray(value)) return { [item]: value.map((entry) => wrap(entry, `${path}.${item}`, lists)) };
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Tree)
      .filter(([, inner]) => inner !== undefined && inner !== null)
      .map(([key, inner]) => [key, wrap(inner, path === "" ? key : `${path}.${key}`, lists)]),
  );
}

/** `application/xml` (alias `text/xml`). */
export const xmlCodec: MediaCodec = {
  mediaType: "application/xml",
  aliases: ["text/xml"],
  decode(text, hints) {
    const { root, lists = {} } = hintsOf(hints);
    const checked = XMLValidator.validate(text);
    if (checked !== true) {
      throw new CodecError(`Request body is not well-formed XML: ${checked.err.msg}`, { line: checked.err.line, column: checked.err.col });
    }
    const arrays = new Set(Object.entries(lists).map(([path, item]) => `${root}.${path}.${item}`));
    const parser = new XMLParser({
      processEntities: false,
      ignoreDeclaration: true,
      parseTagValue: false,
      isArray: (_name, jpath) => arrays.has(String(jpath)),
    });
    const document = parser.parse(text) as Tree;
    if (!(root in document)) throw new CodecError(`The document element must be <${root}>`, { line: 1 });
    const content = document[root];
    return unwrap(content === "" ? {} : content, "", lists);
  },
  encode(body, hints) {
    const { root, lists = {} } = hintsOf(hints);
    const builder = new XMLBuilder({ processEntities: true, suppressEmptyNode: true });
    return `<?xml version="1.0" encoding="UTF-8"?>${builder.build({ [root]: wrap(body, "", lists) })}`;
  },
};
