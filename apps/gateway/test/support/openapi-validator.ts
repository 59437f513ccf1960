import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

/*
 * Contract checks for HTTP tests: every dialect's generated OpenAPI document is validated
 * against the OpenAPI 3.1 schema, and every response a test receives is validated against
 * the response the document declares for it (status, content type, headers, body), with
 * ajv 8 on JSON Schema 2020-12 — the dialect OpenAPI 3.1 uses.
 */

// ajv-formats is CommonJS with a `default` export; its shape differs between tsc and the runtime.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

type Json = Record<string, unknown>;

/** A response as a test sees it, already validated against the contract. */
export interface ContractResponse<B = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON when the response is JSON, the text otherwise; undefined when empty. */
  readonly body: B;
  readonly text: string;
  readonly requestId: string | null;
}

export interface FetchJsonInit {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON (with its content type) unless it is already a string. */
  readonly body?: unknown;
  /** Skip contract validation (for responses that are deliberately off-contract). */
  readonly unchecked?: boolean;
}

interface LoadedDialect {
  readonly prefix: string;
  readonly document: Json;
  readonly operations: readonly { readonly method: string; readonly template: string; readonly pattern: RegExp }[];
}

/** Validates a parsed OpenAPI document against the OpenAPI schema; throws listing the errors. */
export async function expectValidOpenApiDocument(document: Json): Promise<void> {
  const result = await new Validator().validate(document);
  if (!result.valid) {
    throw new Error(`OpenAPI document is not valid:\n${JSON.stringify(result.errors, null, 2)}`);
  }
}

/** The contract of a running gateway: its dialects' documents, and response validation against them. */
export class ApiContract {
  readonly #baseUrl: string;
  readonly #dialects: readonly LoadedDialect[];
  readonly #ajv: Ajv2020;
  readonly #headerAjv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();

  private constructor(baseUrl: string, dialects: readonly LoadedDialect[]) {
    this.#baseUrl = baseUrl;
    this.#dialects = [...dialects].sort((a, b) => b.prefix.length - a.prefix.length);
    // strict: false because the documents are registered whole; their non-schema parts
    // (`openapi`, `paths`…) are only containers that JSON pointers reach into.
    this.#ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    // Header values are strings on the wire; coerce them to the declared type before checking.
    this.#headerAjv = addFormats(new Ajv2020({ strict: false, allErrors: true, coerceTypes: true }));
    for (const dialect of dialects) {
      this.#ajv.addSchema(dialect.document, documentId(dialect.prefix));
      this.#headerAjv.addSchema(dialect.document, documentId(dialect.prefix));
    }
  }

  /** Loads and validates `<prefix>/openapi.json` for each prefix (default: every dialect `/` lists). */
  static async load(baseUrl: string, prefixes?: readonly string[]): Promise<ApiContract> {
    const wanted = prefixes ?? (await listPrefixes(baseUrl));
    const dialects: LoadedDialect[] = [];
    for (const prefix of wanted) {
      const response = await fetch(`${baseUrl}${prefix}/openapi.json`);
      if (response.status !== 200) throw new Error(`${prefix}/openapi.json answered ${response.status}`);
      const document = (await response.json()) as Json;
      await expectValidOpenApiDocument(document);
      dialects.push({ prefix, document, operations: operationsOf(document) });
    }
    return new ApiContract(baseUrl, dialects);
  }

  /** The loaded document of a dialect. */
  document(prefix: string): Json {
    return this.#dialect(prefix).document;
  }

  /**
   * Asserts that a response matches what the document declares for the operation at
   * `method` + `pathTemplate` (OpenAPI form, e.g. `/widgets/{id}`) and `status`: an exact
   * status, else its `NXX` range, else `default`.
   */
  expectResponseMatches(
    dialectPrefix: string,
    method: string,
    pathTemplate: string,
    status: number,
    headers: Headers,
    body: unknown,
  ): void {
    const pointer = `/paths/${escapePointer(pathTemplate)}/${method.toLowerCase()}`;
    const operation = resolvePointer(this.#dialect(dialectPrefix).document, pointer) as Json | undefined;
    if (operation === undefined) throw new Error(`${dialectPrefix}: no operation ${method} ${pathTemplate} in the document`);
    const responses = operation.responses as Record<string, Json>;
    const key = [String(status), `${String(status)[0]}XX`, "default"].find((candidate) => responses[candidate] !== undefined);
    if (key === undefined) throw new Error(`${method} ${pathTemplate}: status ${status} is not documented`);
    this.#checkResponse(dialectPrefix, `${pointer}/responses/${escapePointer(key)}`, `${method} ${pathTemplate} ${status}`, headers, body);
  }

  /** Asserts that an error response without an operation (404, 405) matches the dialect's `default`. */
  expectProblemMatches(dialectPrefix: string, status: number, headers: Headers, body: unknown): void {
    if (status < 400) throw new Error(`expected an error status, got ${status}`);
    const document = this.#dialect(dialectPrefix).document;
    const schema = resolvePointer(document, "/components/schemas/Problem");
    if (schema === undefined) throw new Error(`${dialectPrefix}: the document has no Problem schema`);
    this.#checkBody(dialectPrefix, "/components/schemas/Problem", `${dialectPrefix} problem ${status}`, body);
    if (headers.get("x-request-id") === null) throw new Error(`${dialectPrefix} problem ${status}: no x-request-id header`);
  }

  /**
   * Fetches `path` (below the base URL), parses the body, and validates the response against
   * the owning dialect's document: by its operation when the path matches one, else as a
   * problem. Paths outside every dialect (e.g. `/healthz`) are not validated.
   */
  async fetchJson<B = unknown>(path: string, init: FetchJsonInit = {}): Promise<ContractResponse<B>> {
    const method = (init.method ?? "GET").toUpperCase();
    const headers: Record<string, string> = { ...init.headers };
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
      if (typeof init.body !== "string" && !Object.keys(headers).some((name) => name.toLowerCase() === "content-type")) {
        headers["content-type"] = "application/json";
      }
    }
    const response = await fetch(`${this.#baseUrl}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const parsed = parseBody(response.headers.get("content-type"), text);
    if (!init.unchecked) this.expectMatchesContract(method, path, response.status, response.headers, parsed);
    return {
      status: response.status,
      headers: response.headers,
      body: parsed as B,
      text,
      requestId: response.headers.get("x-request-id"),
    };
  }

  /** Validates a response to `method path` against whatever part of the contract covers it. */
  expectMatchesContract(method: string, path: string, status: number, headers: Headers, body: unknown): void {
    const pathname = new URL(path, "http://x").pathname;
    const dialect = this.#dialects.find((candidate) => pathname === candidate.prefix || pathname.startsWith(`${candidate.prefix}/`));
    if (dialect === undefined) return;
    const below = pathname.slice(dialect.prefix.length) || "/";
    if (below === "/openapi.json" || below === "/docs" || below.startsWith("/docs/")) return;
    const lookup = method === "HEAD" ? "GET" : method;
    const operation = dialect.operations.find((candidate) => candidate.method === lookup && candidate.pattern.test(below));
    if (operation === undefined) {
      this.expectProblemMatches(dialect.prefix, status, headers, body);
      return;
    }
    this.expectResponseMatches(dialect.prefix, lookup, operation.template, status, headers, method === "HEAD" ? undefined : body);
  }

  #checkResponse(prefix: string, responsePointer: string, label: string, headers: Headers, body: unknown): void {
    const response = resolvePointer(this.#dialect(prefix).document, responsePointer) as Json;
    for (const [name, declared] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
      const value = headers.get(name);
      if (value === null) {
        if (declared.required === true) throw new Error(`${label}: required header ${name} is missing`);
        continue;
      }
      const validate = this.#validator(this.#headerAjv, prefix, `${responsePointer}/headers/${escapePointer(name)}/schema`);
      if (!validate(value)) throw new Error(`${label}: header ${name}=${value}: ${formatErrors(validate)}`);
    }
    const content = response.content as Record<string, Json> | undefined;
    if (content === undefined) {
      if (body !== undefined) throw new Error(`${label}: the document declares no body, got ${JSON.stringify(body)}`);
      return;
    }
    const type = headers.get("content-type")?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
    if (content[type] === undefined) {
      throw new Error(`${label}: content type "${type}" is not one of ${Object.keys(content).join(", ")}`);
    }
    this.#checkBody(prefix, `${responsePointer}/content/${escapePointer(type)}/schema`, label, body);
  }

  #checkBody(prefix: string, schemaPointer: string, label: string, body: unknown): void {
    const validate = this.#validator(this.#ajv, prefix, schemaPointer);
    if (!validate(body)) throw new Error(`${label}: body does not match the document: ${formatErrors(validate)}\n${JSON.stringify(body)}`);
  }

  #validator(ajv: Ajv2020, prefix: string, pointer: string): ValidateFunction {
    const key = `${ajv === this.#ajv ? "body" : "header"}:${prefix}#${pointer}`;
    let validate = this.#compiled.get(key);
    if (validate === undefined) {
      // A JSON pointer in a URI fragment is percent-encoded (RFC 6901 §6): `{id}` → `%7Bid%7D`.
      validate = ajv.compile({ $ref: `${documentId(prefix)}#${encodeURI(pointer)}` });
      this.#compiled.set(key, validate);
    }
    return validate;
  }

  #dialect(prefix: string): LoadedDialect {
    const dialect = this.#dialects.find((candidate) => candidate.prefix === prefix);
    if (dialect === undefined) throw new Error(`no document loaded for ${prefix}`);
    return dialect;
  }
}

async function listPrefixes(baseUrl: string): Promise<string[]> {
  const response = await fetch(`${baseUrl}/`);
  const index = (await response.json()) as { dialects: { prefix: string }[] };
  return index.dialects.map((dialect) => dialect.prefix);
}

function operationsOf(document: Json): LoadedDialect["operations"] {
  const operations: { method: string; template: string; pattern: RegExp }[] = [];
  for (const [template, item] of Object.entries(document.paths as Record<string, Json>)) {
    const pattern = new RegExp(
      `^${template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith("{") ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
        .join("")}/?$`,
    );
    for (const method of Object.keys(item)) {
      if (["get", "put", "post", "delete", "patch", "head", "options"].includes(method)) {
        operations.push({ method: method.toUpperCase(), template, pattern });
      }
    }
  }
  // Literal segments before parameters: `/widgets/new` must win over `/widgets/{id}`.
  return operations.sort((a, b) => b.template.replace(/\{[^}]+\}/g, "").length - a.template.replace(/\{[^}]+\}/g, "").length);
}

function documentId(prefix: string): string {
  return `https://dropgate.invalid${prefix}/openapi.json`;
}

function parseBody(contentType: string | null, text: string): unknown {
  if (text === "") return undefined;
  const type = contentType?.split(";", 1)[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json" || type.endsWith("+json")) return JSON.parse(text);
  return text;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

function resolvePointer(document: unknown, pointer: string): unknown {
  let current: unknown = document;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function formatErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || "(root)"} ${error.message ?? ""}`).join("; ");
}
