import type { RequestProblem } from "@dropgate/dialect-kit";

/*
 * Text that cannot be stored faithfully is refused at the door, in every dialect, before any
 * codec result reaches a schema or a use case. Two ways a body carries it:
 * - bytes that are not UTF-8: Fastify (or a lenient decoder) would turn them into U+FFFD without
 *   a word, and the buyer would later find its identifier changed;
 * - a lone UTF-16 surrogate written as a JSON escape (`"P-\ud800"`): valid JSON, but SQLite stores
 *   it as ill-formed UTF-8 and every later URL naming it is unreadable, so an order placed with
 *   it could never be paid or cancelled.
 * The problem names the first field (or key) at fault, as a dotted path, in the dialect's own
 * renderer (a `bad_request`, 400).
 */

// In unicode mode a well-formed pair is one code point, so `\p{Cs}` matches only a lone surrogate
// (what String#isWellFormed, not in this project's TypeScript lib yet, tests).
const LONE_SURROGATE = /\p{Cs}/u;

const strict = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

/** A request body's text; `utf8` is false when its bytes are not UTF-8 (the text then holds U+FFFD). */
export interface BodyText {
  readonly text: string;
  readonly utf8: boolean;
}

/** Decodes a body's bytes, remembering whether they were UTF-8. A leading BOM is dropped as TextDecoder does. */
export function bodyText(bytes: Uint8Array): BodyText {
  try {
    return { text: strict.decode(bytes), utf8: true };
  } catch {
    return { text: lenient.decode(bytes), utf8: false };
  }
}

/** The dotted path of the first string (value or key) for which `bad` holds, depth first in document order. */
function findString(value: unknown, bad: (text: string) => boolean, path: readonly string[] = []): string[] | undefined {
  if (typeof value === "string") return bad(value) ? [...path] : undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findString(item, bad, [...path, String(index)]);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (bad(key)) return [...path, key];
      const found = findString(item, bad, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}

function problemAt(path: readonly string[] | undefined, what: string): RequestProblem {
  const field = path?.join(".") ?? "";
  const message = field === "" ? `Invalid body: ${what}` : `Invalid body field "${field}": ${what}`;
  return { kind: "bad_request", status: 400, message, location: "body", detail: message, ...(field === "" ? {} : { field }) };
}

/**
 * The problem with a decoded body's text, if any: bytes that were not UTF-8 (named by the first
 * field holding the replacement they became) or a lone surrogate in a string or key.
 */
export function unreadableText(decoded: unknown, body: BodyText): RequestProblem | undefined {
  if (!body.utf8) {
    const at = findString(decoded, (text) => text.includes("\uFFFD"));
    return problemAt(at, "the body is not valid UTF-8 (send text as UTF-8)");
  }
  const at = findString(decoded, (text) => LONE_SURROGATE.test(text));
  return at === undefined ? undefined : problemAt(at, "holds a lone UTF-16 surrogate, which is not text");
}
