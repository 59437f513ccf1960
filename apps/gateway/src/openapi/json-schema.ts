import { z } from "zod";

/*
 * zod 4 converts natively to JSON Schema draft 2020-12, the dialect of OpenAPI 3.1. Shared or
 * recursive schemas come back as `$defs` with `#/$defs/...` references; inside an OpenAPI
 * document those references would resolve against the document root, so they are hoisted
 * into `components.schemas` and the references rewritten.
 */

export type JsonSchema = Record<string, unknown>;

/** Which side of a zod schema to describe: what a client sends, or what the gateway answers. */
export type SchemaDirection = "input" | "output";

const COMPONENT_REF = "#/components/schemas/";

/** Converts zod schemas for one OpenAPI document and collects the shared ones as components. */
export class SchemaCollector {
  readonly #components = new Map<string, JsonSchema>();

  /** The JSON Schema of `schema` for `io`, referencing hoisted components where zod shared one. */
  convert(schema: z.ZodType, io: SchemaDirection): JsonSchema {
    const converted = z.toJSONSchema(schema, {
      target: "draft-2020-12",
      io,
      unrepresentable: "any",
      cycles: "ref",
      reused: "inline",
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...root } = converted;
    const defs = new Map<string, JsonSchema>(Object.entries(($defs ?? {}) as Record<string, JsonSchema>));
    // A recursive root refers to itself as "#": it becomes a component like any other def.
    const selfRef = containsRef(root, "#");
    if (selfRef) defs.set("#", root);

    // Same name and same content as an existing component: reuse it. Same name, different
    // content (e.g. the input and output side of one schema): take the next free name.
    const names = new Map<string, string>();
    for (const defName of defs.keys()) {
      const base = baseName(defName);
      names.set(defName, [...names.values()].includes(base) ? this.#freshName(base, names) : base);
    }
    for (;;) {
      const renames = new Map([...names].map(([defName, name]) => [refOf(defName), name]));
      const rewritten = new Map([...defs].map(([defName, def]) => [defName, rewriteRefs(def, renames) as JsonSchema]));
      const clash = [...rewritten].find(([defName, def]) => {
        const existing = this.#components.get(names.get(defName) as string);
        return existing !== undefined && JSON.stringify(existing) !== JSON.stringify(def);
      });
      if (clash !== undefined) {
        names.set(clash[0], this.#freshName(baseName(clash[0]), names));
        continue;
      }
      for (const [defName, def] of rewritten) this.#components.set(names.get(defName) as string, def);
      if (selfRef) return { $ref: `${COMPONENT_REF}${names.get("#")}` };
      return rewriteRefs(root, renames) as JsonSchema;
    }
  }

  /** Registers a schema under a fixed component name (e.g. the dialect's error envelope). */
  define(name: string, schema: JsonSchema): JsonSchema {
    this.#components.set(name, schema);
    return { $ref: `${COMPONENT_REF}${name}` };
  }

  /** Follows a `$ref` to a collected component; other schemas are answered as they are. */
  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref === "string" && ref.startsWith(COMPONENT_REF)) {
      return this.#components.get(ref.slice(COMPONENT_REF.length)) ?? schema;
    }
    return schema;
  }

  /** Every component collected so far, for `components.schemas`. */
  components(): Record<string, JsonSchema> {
    return Object.fromEntries(this.#components);
  }

  #freshName(base: string, taken: ReadonlyMap<string, string>): string {
    const inUse = new Set(taken.values());
    for (let n = 2; ; n += 1) {
      const name = `${base}${n}`;
      if (!this.#components.has(name) && !inUse.has(name)) return name;
    }
  }
}

function refOf(defName: string): string {
  return defName === "#" ? "#" : `#/$defs/${defName}`;
}

function baseName(defName: string): string {
  // zod names anonymous shared schemas `__schema0`; a recursive root has no name at all.
  if (defName === "#" || defName.startsWith("__schema")) return "Schema";
  return sanitize(defName);
}

function sanitize(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]/g, "_");
  return cleaned.length > 0 ? cleaned : "Schema";
}

function containsRef(value: unknown, ref: string): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => containsRef(item, ref));
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$ref" && inner === ref) return true;
    if (containsRef(inner, ref)) return true;
  }
  return false;
}

function rewriteRefs(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renames));
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === "$ref" && typeof inner === "string" && renames.has(inner)) {
      copy[key] = `${COMPONENT_REF}${renames.get(inner)}`;
    } else {
      copy[key] = rewriteRefs(inner, renames);
    }
  }
  return copy;
}
