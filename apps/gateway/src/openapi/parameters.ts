import type { z } from "zod";
import type { JsonSchema, SchemaCollector } from "./json-schema.js";

export type ParameterLocation = "path" | "query" | "header";

/** One OpenAPI Parameter Object. */
export interface ParameterObject {
  readonly name: string;
  readonly in: ParameterLocation;
  readonly required: boolean;
  readonly schema: JsonSchema;
  readonly description?: string;
}

// OpenAPI 3.1 §4.8.12: header parameters with these names SHALL be ignored; content negotiation
// and the security scheme describe them instead.
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/** Splits an object schema of one request part into OpenAPI parameters, one per property. */
export function parametersOf(
  schema: z.ZodType | undefined,
  location: ParameterLocation,
  collector: SchemaCollector,
): ParameterObject[] {
  if (schema === undefined) return [];
  const objectSchema = collector.resolve(collector.convert(schema, "input"));
  const properties = objectSchema.properties as Record<string, JsonSchema> | undefined;
  if (properties === undefined) return [];
  const required = new Set((objectSchema.required as string[] | undefined) ?? []);
  return Object.entries(properties)
    .filter(([name]) => location !== "header" || !IGNORED_HEADERS.has(name.toLowerCase()))
    .map(([name, propertySchema]) => ({
      name,
      in: location,
      // Path parameters are always required (OpenAPI 3.1 §4.8.12.1).
      required: location === "path" || required.has(name),
      schema: propertySchema,
      ...(typeof propertySchema.description === "string" ? { description: propertySchema.description } : {}),
    }));
}

/** Path parameters a template names but no schema declares, described as plain strings. */
export function undeclaredPathParameters(
  path: string,
  declared: readonly ParameterObject[],
): ParameterObject[] {
  const names = [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1] as string);
  return names
    .filter((name) => !declared.some((parameter) => parameter.in === "path" && parameter.name === name))
    .map((name) => ({ name, in: "path", required: true, schema: { type: "string" } }));
}

/** `/listings/:id` → `/listings/{id}`. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
}
