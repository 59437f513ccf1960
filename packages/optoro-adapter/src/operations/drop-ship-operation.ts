import type {
  Client,
  HttpMethod,
  Operation,
  OperationInput,
  OperationResponse,
  OperationResponseSpec,
  UseCaseContext,
} from "@dropgate/core-domain";
import type { z } from "zod";
import { message } from "../errors/respond.js";
import { VersionHeaders } from "../wire/requests.js";
import { documentedObject, documentedValue } from "./documented-schema.js";

/** What a Drop Ship handler receives: checked parts and the authenticated buyer. */
export interface DropShipRequest<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly client: Client;
}

/** A body checked against `schema`; `invalid` answers in the operation's own words. */
export interface CheckedBody<B> {
  readonly schema: z.ZodType<B>;
  readonly invalid: (error: z.ZodError) => OperationResponse;
}

/** A body handed to the handler as it came (it answers per item, e.g. a batch), documented as `documentedAs`. */
export interface RawBody {
  readonly documentedAs: z.ZodType;
  readonly description: string;
}

export interface DropShipOperationSpec<P, Q, B> {
  readonly id: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly summary: string;
  readonly description: string;
  readonly tag: "Listings" | "Orders" | "Shipments";
  readonly params?: z.ZodType<P>;
  readonly query?: z.ZodObject & z.ZodType<Q>;
  readonly body?: CheckedBody<B> | RawBody;
  readonly responses: Readonly<Record<number, OperationResponseSpec>>;
  readonly handle: (request: DropShipRequest<P, Q, B>, ctx: UseCaseContext) => OperationResponse;
}

/** The first issue's message: query and header schemas carry Optoro's texts (requests.ts). */
function firstMessage(error: z.ZodError, fallback: string): string {
  return error.issues[0]?.message ?? fallback;
}

/**
 * Builds one Drop Ship operation. Its handler checks, in this order, the version header (400),
 * the query (400) and the body (the operation's answer) against the strict schemas, then runs
 * `handle` with typed parts. The table hands the gateway schemas that document the strict ones.
 */
export function dropShipOperation<P = unknown, Q = unknown, B = unknown>(spec: DropShipOperationSpec<P, Q, B>): Operation<UseCaseContext> {
  const body = spec.body;
  const raw = body !== undefined && "documentedAs" in body;
  return {
    id: spec.id,
    method: spec.method,
    path: spec.path,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    auth: "client",
    request: {
      ...(spec.params === undefined ? {} : { params: spec.params }),
      ...(spec.query === undefined ? {} : { query: documentedObject(spec.query) }),
      headers: documentedObject(VersionHeaders),
      ...(body === undefined ? {} : { body: raw ? documentedValue(body.documentedAs, body.description) : documentedValue(body.schema) }),
    },
    responses: spec.responses,
    handler: (input: OperationInput, ctx: UseCaseContext) => {
      // The gateway authenticates `auth: "client"` operations before the handler runs.
      if (input.client === null) return message(401, "Not Authorized");
      const headers = VersionHeaders.safeParse(input.headers);
      if (!headers.success) return message(400, firstMessage(headers.error, "Invalid headers"));
      let query: unknown = input.query;
      if (spec.query !== undefined) {
        const parsed = spec.query.safeParse(input.query ?? {});
        if (!parsed.success) return message(400, firstMessage(parsed.error, "Invalid query"));
        query = parsed.data;
      }
      let checkedBody: unknown = input.body;
      if (body !== undefined && !("documentedAs" in body)) {
        const parsed = body.schema.safeParse(input.body, { reportInput: true });
        if (!parsed.success) return body.invalid(parsed.error);
        checkedBody = parsed.data;
      }
      return spec.handle(
        { params: input.params as P, query: query as Q, body: checkedBody as B, client: input.client },
        ctx,
      );
    },
  };
}
