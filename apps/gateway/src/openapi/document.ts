import { type DialectDefinition, JSON_MEDIA_TYPE, type Operation, type OperationExamples, type OperationResponseSpec } from "@dropgate/dialect-kit";
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

const PROBLEM_COMPONENT = "Problem";

const requestIdHeader = {
  description: "The request id: the caller's `x-request-id` when sane, else a generated one.",
  required: true,
  schema: { type: "string", minLength: 1, maxLength: 128 },
};

/** Builds the OpenAPI 3.1 document of one dialect from its operation table. */
export function buildOpenApiDocument<Ctx, Principal>(dialect: DialectDefinition<Ctx, Principal>): OpenApiDocument {
  const defaultMediaType = dialect.defaultMediaType ?? JSON_MEDIA_TYPE;
  const problemTypes = dialect.problemMediaTypes ?? [defaultMediaType];
  const collector = new SchemaCollector();
  const problem = collector.define(
    PROBLEM_COMPONENT,
    dialect.problemSchema === undefined ? {} : collector.convert(dialect.problemSchema, "output"),
  );
  const security = dialect.security === undefined ? undefined : securitySchemeOf(dialect.security);

  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of dialect.operations) {
    // A later action version is its own path: `/po/fetch~2`.
    const version = operation.version ?? 1;
    const path = openApiPath(version === 1 ? operation.path : `${operation.path}~${version}`);
    paths[path] ??= {};
    paths[path][operation.method.toLowerCase()] = operationObject(operation, collector, {
      problem,
      problemTypes,
      defaultMediaType,
      securityName: security?.name,
    });
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

interface DocumentContext {
  readonly problem: JsonSchema;
  readonly problemTypes: readonly string[];
  readonly defaultMediaType: string;
  readonly securityName: string | undefined;
}

function operationObject<Ctx, Principal>(
  operation: Operation<Ctx, Principal>,
  collector: SchemaCollector,
  context: DocumentContext,
): Record<string, unknown> {
  const { problem, securityName } = context;
  const { request } = operation;
  const produces = operation.produces ?? [context.defaultMediaType];
  const consumes = operation.consumes ?? [context.defaultMediaType];
  const problemContent = Object.fromEntries(context.problemTypes.map((type) => [type, { schema: problem }]));
  const declared: ParameterObject[] = [
    ...parametersOf(request.params, "path", collector),
    ...parametersOf(request.query, "query", collector),
    ...parametersOf(request.headers, "header", collector),
  ];
  const parameters = [...declared, ...undeclaredPathParameters(operation.path, declared)];

  const responses: Record<string, unknown> = {};
  for (const [status, spec] of Object.entries(operation.responses)) {
    responses[status] = responseObject(spec, produces, collector);
  }
  responses["429"] ??= {
    description: "Too many requests from this client; retry after the given number of seconds.",
    headers: {
      [REQUEST_ID_HEADER]: requestIdHeader,
      "retry-after": { description: "Seconds to wait.", required: true, schema: { type: "integer", minimum: 1 } },
    },
    content: problemContent,
  };
  responses["406"] ??= {
    description: `None of the media types this operation answers (${produces.join(", ")}) is acceptable.`,
    headers: { [REQUEST_ID_HEADER]: requestIdHeader },
    content: { [context.defaultMediaType]: { schema: problem } },
  };
  responses.default ??= {
    description: "An error, in the dialect's envelope.",
    headers: { [REQUEST_ID_HEADER]: requestIdHeader },
    content: problemContent,
  };

  return {
    operationId: operation.id,
    summary: operation.summary,
    ...(operation.description === undefined ? {} : { description: operation.description }),
    ...(operation.tags === undefined ? {} : { tags: [...operation.tags] }),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(request.body === undefined ? {} : { requestBody: requestBodyObject(request.body, consumes, operation.requestExamples, collector) }),
    responses,
    ...(operation.auth === "client" && securityName !== undefined ? { security: [{ [securityName]: [] }] } : {}),
  };
}

/*
 * Every media type of a body is described by the same schema: a codec maps its document onto
 * that one structure (XML elements to properties), so the structure is what a client must send.
 * Examples are given as that structure too, and validate against the schema.
 */
function mediaTypeObject(schema: JsonSchema, examples: OperationExamples | undefined): Record<string, unknown> {
  if (examples === undefined) return { schema };
  return { schema, examples: Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, { ...example }])) };
}

function requestBodyObject(
  body: z.ZodType,
  consumes: readonly string[],
  examples: OperationExamples | undefined,
  collector: SchemaCollector,
): Record<string, unknown> {
  const schema = collector.convert(body, "input");
  const content = Object.fromEntries(consumes.map((type) => [type, mediaTypeObject(schema, examples)]));
  return { required: !body.safeParse(undefined).success, content };
}

function responseObject(spec: OperationResponseSpec, produces: readonly string[], collector: SchemaCollector): Record<string, unknown> {
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
          (spec.mediaTypes ?? produces).map((type) => [
            type,
            mediaTypeObject(collector.convert(spec.schema as z.ZodType, "output"), spec.examples),
          ]),
        );
  return { description: spec.description, headers, ...(content === undefined ? {} : { content }) };
}
