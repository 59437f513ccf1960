import type { DialectDefinition, Operation, OperationResponseSpec } from "@dropgate/core-domain";
import type { z } from "zod";
import { REQUEST_ID_HEADER } from "../logging/request-id.js";
import { type JsonSchema, SchemaCollector } from "./json-schema.js";
import { openApiPath, type ParameterObject, parametersOf, undeclaredPathParameters } from "./parameters.js";
import { securitySchemeOf } from "./security.js";

/*
 * One OpenAPI 3.1 document per dialect, generated from the same operation table the gateway
 * mounts, so documentation and routes cannot drift apart. Besides what each operation
 * declares, every operation documents what the gateway itself may answer: 429 with
 * Retry-After, and any other error in the dialect's envelope (`default`).
 */

export type OpenApiDocument = Record<string, unknown> & {
  readonly openapi: "3.1.0";
  readonly paths: Record<string, Record<string, unknown>>;
};

const JSON_TYPE = "application/json";
const PROBLEM_COMPONENT = "Problem";

const requestIdHeader = {
  description: "The request id: the caller's `x-request-id` when sane, else a generated one.",
  required: true,
  schema: { type: "string", minLength: 1, maxLength: 128 },
};

/** Builds the OpenAPI 3.1 document of one dialect from its operation table. */
export function buildOpenApiDocument(dialect: DialectDefinition<never>): OpenApiDocument {
  const collector = new SchemaCollector();
  const problem = collector.define(
    PROBLEM_COMPONENT,
    dialect.problemSchema === undefined ? {} : collector.convert(dialect.problemSchema, "output"),
  );
  const security = dialect.security === undefined ? undefined : securitySchemeOf(dialect.security);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of dialect.operations) {
    const path = openApiPath(operation.path);
    paths[path] ??= {};
    paths[path][operation.method.toLowerCase()] = operationObject(operation, collector, problem, security?.name);
  }

  return {
    openapi: "3.1.0",
    info: {
      title: dialect.title,
      version: dialect.version,
      ...(dialect.description === undefined ? {} : { description: dialect.description }),
    },
    servers: [{ url: dialect.prefix, description: `Dropgate gateway, ${dialect.name} dialect` }],
    paths,
    components: {
      schemas: collector.components(),
      ...(security === undefined ? {} : { securitySchemes: { [security.name]: security.scheme } }),
    },
  };
}

function operationObject(
  operation: Operation<never>,
  collector: SchemaCollector,
  problem: JsonSchema,
  securityName: string | undefined,
): Record<string, unknown> {
  const { request } = operation;
  const declared: ParameterObject[] = [
    ...parametersOf(request.params, "path", collector),
    ...parametersOf(request.query, "query", collector),
    ...parametersOf(request.headers, "header", collector),
  ];
  const parameters = [...declared, ...undeclaredPathParameters(operation.path, declared)];

  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    responses[status] = responseObject(spec, collector);
  }
  responses["429"] ??= {
    description: "Too many requests from this client; retry after the given number of seconds.",
    headers: {
      [REQUEST_ID_HEADER]: requestIdHeader,
      "retry-after": { description: "Seconds to wait.", required: true, schema: { type: "integer", minimum: 1 } },
    },
    content: { [JSON_TYPE]: { schema: problem } },
  };
  responses.default ??= {
    description: "An error, in the dialect's envelope.",
    headers: { [REQUEST_ID_HEADER]: requestIdHeader },
    content: { [JSON_TYPE]: { schema: problem } },
  };

  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description === undefined ? {} : { description: operation.description }),
    ...(operation.tags === undefined ? {} : { tags: [...operation.tags] }),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(request.body === undefined ? {} : { requestBody: requestBodyObject(request.body, request.contentTypes, collector) }),
    responses,
    ...(operation.auth === "client" && securityName !== undefined ? { security: [{ [securityName]: [] }] } : {}),
  };
}

function requestBodyObject(
  body: z.ZodType,
  contentTypes: readonly string[] | undefined,
  collector: SchemaCollector,
): Record<string, unknown> {
  const schema = collector.convert(body, "input");
  const content = Object.fromEntries((contentTypes ?? [JSON_TYPE]).map((type) => [type, { schema }]));
  return { required: !body.safeParse(undefined).success, content };
}

function responseObject(spec: OperationResponseSpec, collector: SchemaCollector): Record<string, unknown> {
  const headers: Record<string, unknown> = { [REQUEST_ID_HEADER]: requestIdHeader };
  for (const [name, header] of Object.entries(spec.headers ?? {})) {
    headers[name.toLowerCase()] = {
      description: header.description,
      required: !header.schema.safeParse(undefined).success,
      schema: collector.convert(header.schema, "output"),
    };
  }
  const content =
    spec.schema === undefined
      ? undefined
      : Object.fromEntries(
          (spec.contentTypes ?? [JSON_TYPE]).map((type) => [type, { schema: collector.convert(spec.schema as z.ZodType, "output") }]),
        );
  return { description: spec.description, headers, ...(content === undefined ? {} : { content }) };
}
