/*
 * Media types are data: a dialect lists the codecs it speaks, operations name the media types
 * they read and write, and the gateway decodes request bodies and encodes answers with the
 * codec of the media type at hand. Hints are opaque to the gateway: each codec defines what it
 * needs (an XML codec, say, which paths are arrays and the root element's name).
 */

import secureJson from "secure-json-parse";

/** Where in a body a codec gave up, when it knows. */
export interface CodecPosition {
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
}

/** Thrown by `MediaCodec.decode` for a body that is not a document of its media type. */
export class CodecError extends Error {
  override readonly name = "CodecError";
  readonly position: CodecPosition | undefined;

  constructor(message: string, position?: CodecPosition) {
    super(message);
    this.position = position;
  }
}

/** How one media type turns into values and back. */
export interface MediaCodec {
  /** Lower case essence, e.g. `application/xml`. */
  readonly mediaType: string;
  /** Other media types read and written the same way (e.g. `text/xml`); answers use `mediaType`. */
  readonly aliases?: readonly string[];
  /** Parses a request body; throws `CodecError` when it is not a document of this type. */
  decode(text: string, hints?: unknown): unknown;
  /** Serialises an answer body shaped for this media type. */
  encode(body: unknown, hints?: unknown): string;
}

/** Per-media-type hints an operation hands to the codecs (opaque to the gateway). */
export type CodecHints = Readonly<Record<string, { readonly decode?: unknown; readonly encode?: unknown }>>;

export const JSON_MEDIA_TYPE = "application/json";
export const FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";

/*
 * `__proto__` and `constructor.prototype` keys are refused as Fastify's own JSON parser refuses
 * them, so a body can never smuggle a prototype into code that merges it.
 */
function refusePoison(key: string, value: unknown): unknown {
  if (key === "__proto__") throw new CodecError('Request body holds a forbidden "__proto__" key');
  if (key === "constructor" && value !== null && typeof value === "object" && Object.hasOwn(value, "prototype")) {
    throw new CodecError('Request body holds a forbidden "constructor.prototype" key');
  }
  return value;
}

/** secure-json-parse's refusal of a `__proto__` or `constructor.prototype` key. */
const FORBIDDEN = "forbidden prototype property";

/** JSON (`application/json`), built into every dialect. */
export const jsonCodec: MediaCodec = {
  mediaType: JSON_MEDIA_TYPE,
  decode(text) {
    try {
      // Fastify's own parser: a plain JSON.parse unless the text holds a suspect key (also
      // \u-escaped), which a reviver on every body cost about 5 % of the gateway's CPU per order.
      return secureJson.parse(text, null, { protoAction: "error", constructorAction: "error" });
    } catch (error) {
      if (error instanceof CodecError) throw error;
      // Only a body that holds such a key is parsed again, to name the key in the answer.
      if (error instanceof SyntaxError && error.message.includes(FORBIDDEN)) JSON.parse(text, refusePoison);
      const reason = error instanceof Error ? error.message : String(error);
      const offset = /position (\d+)/.exec(reason)?.[1];
      throw new CodecError("Request body is not valid JSON", offset === undefined ? undefined : { offset: Number(offset) });
    }
  },
  encode(body) {
    return JSON.stringify(body);
  },
};

/** HTML forms (`application/x-www-form-urlencoded`): a flat object of strings (last value wins). */
export const formCodec: MediaCodec = {
  mediaType: FORM_MEDIA_TYPE,
  decode(text) {
    return Object.fromEntries(new URLSearchParams(text));
  },
  encode(body) {
    return new URLSearchParams(body as Record<string, string>).toString();
  },
};

/** The media type of a Content-Type or Accept entry: lower case, without parameters. */
export function mediaTypeEssence(header: string | undefined): string | undefined {
  const essence = header?.split(";", 1)[0]?.trim().toLowerCase();
  return essence === "" ? undefined : essence;
}

/** Whether a media type is JSON (`application/json` or a `+json` suffix type). */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === JSON_MEDIA_TYPE || mediaType.endsWith("+json");
}
