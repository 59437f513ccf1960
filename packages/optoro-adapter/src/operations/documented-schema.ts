import { z } from "zod";

/*
 * Drop Ship answers bad input in Optoro's own words ("Invalid per_page", "Invalid updated_at
 * date", 422 "Order not created" with a reason, one `invalid` entry per batch order), so its
 * operations check their headers, query and body themselves (drop-ship-operation.ts). The
 * gateway still documents the real schemas: the schemas below let any value through at run time
 * but carry the JSON Schema of the strict one as metadata, which zod merges into its JSON Schema.
 */

type JsonSchema = Record<string, unknown>;

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...documented } = z.toJSONSchema(schema, { io: "input", target: "draft-2020-12" });
  return documented;
}

/** A schema accepting any value, documented as `schema`. */
export function documentedValue(schema: z.ZodType, description?: string): z.ZodType {
  const documented = jsonSchemaOf(schema);
  return z.unknown().meta(description === undefined ? documented : { ...documented, description });
}

/**
 * An object schema accepting any value per key, documented as `schema` key by key (so the
 * gateway can list query and header parameters with their own types and required flags).
 */
export function documentedObject(schema: z.ZodObject): z.ZodType {
  const documented = jsonSchemaOf(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  const shape = Object.fromEntries(
    Object.keys(schema.shape).map((key) => [key, z.unknown().optional().meta(documented.properties?.[key] ?? {})]),
  );
  return z.object(shape).meta({ required: documented.required ?? [] });
}
