import type { Client, UseCaseContext } from "@dropgate/core-domain";
import { type DialectDefinition, type DialectLimits, dialectKit, type RequestProblem } from "@dropgate/dialect-kit";
import { z } from "zod";
import { type XmlHints, xmlCodec } from "./xml-codec.js";

/*
 * A test-only dialect that reads and writes JSON and XML, with every routing option on
 * (case-insensitive paths, `~N` versions, `.json`/`.xml` suffixes), an API key in the query,
 * its own limits, and a problem envelope in both media types: the contract tests prove the
 * gateway's negotiation, decoding and problem rendering with it.
 */

const { defineOperation, defineDialect } = dialectKit<UseCaseContext, Client>();

export const CATALOG_PREFIX = "/catalog";
export const CATALOG_API_KEY = "catalog-key-alice";

const JSON_TYPE = "application/json";
const XML_TYPE = "application/xml";
const BOTH = [JSON_TYPE, XML_TYPE];

const ItemHints: XmlHints = { root: "item", lists: { tags: "tag" } };
const ProblemHints: XmlHints = { root: "error" };

/** The error envelope, the same structure in JSON and in XML (`<error><kind>…`). */
export const CatalogProblem = z.object({ kind: z.string(), message: z.string(), field: z.string().optional() }).strict();

/** One catalog item: the one body schema, whatever the Content-Type. */
export const CatalogItem = z
  .object({
    sku: z.string().min(1),
    name: z.string().min(1),
    // XML carries text: the schema reads a number from either.
    quantity: z.coerce.number().int().min(1),
    tags: z.array(z.string()).default([]),
  })
  .strict();

const StoredItem = CatalogItem.extend({ received_as: z.string() });
const ItemV1 = z.object({ sku: z.string(), name: z.string(), tags: z.array(z.string()) }).strict();
const ItemV2 = ItemV1.extend({ revision: z.literal(2) });

const alice: Client = {
  id: 41,
  name: "alice",
  dialect: "internal",
  scope: "buyer",
  vendorId: null,
  vendorName: null,
  key: "catalog-alice",
  disabled: false,
  ecreditCents: 0,
  autoConfirm: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

const itemCodecs = { [XML_TYPE]: { decode: ItemHints, encode: ItemHints } };
const mugExample = { mug: { summary: "A mug", value: { sku: "MUG-1", name: "Mug", quantity: 2, tags: ["kitchen"] } } };

/** The catalog dialect, mounted at `/catalog`; `limits` overrides the gateway's. */
export function createCatalogDialect(limits?: DialectLimits): DialectDefinition<UseCaseContext, Client> {
  return defineDialect({
    name: "catalog",
    prefix: CATALOG_PREFIX,
    title: "Catalog (JSON and XML)",
    version: "1.0.0",
    codecs: [xmlCodec],
    defaultMediaType: JSON_TYPE,
    problemMediaTypes: BOTH,
    problemSchema: CatalogProblem,
    routing: { caseInsensitive: true, versionSuffix: true, formatSuffixes: { json: JSON_TYPE, xml: XML_TYPE } },
    ...(limits === undefined ? {} : { limits }),
    security: { type: "api-key", in: "query", name: "apikey", description: "The catalog key of the client." },
    authenticate({ query }) {
      if (query.apikey === CATALOG_API_KEY) return { ok: true, client: alice };
      return { ok: false, problem: { kind: "unauthorized", status: 401, message: "Send ?apikey=<your key>" } };
    },
    renderProblem(problem: RequestProblem, mediaType) {
      return {
        status: problem.status,
        mediaType,
        ...(mediaType === XML_TYPE ? { encodeHints: ProblemHints } : {}),
        body: { kind: problem.kind, message: problem.message, ...(problem.field === undefined ? {} : { field: problem.field }) },
      };
    },
    operations: [
      defineOperation({
        id: "itemShow",
        method: "GET",
        path: "/items/:sku",
        summary: "One item",
        auth: "client",
        produces: BOTH,
        codecHints: itemCodecs,
        request: { params: z.object({ sku: z.string() }) },
        responses: { 200: { description: "The item", schema: ItemV1, examples: { mug: { value: { sku: "MUG-1", name: "Mug", tags: [] } } } } },
        handler: ({ params }) => ({ status: 200, body: { sku: params.sku, name: `item ${params.sku}`, tags: ["a", "b"] } }),
      }),
      defineOperation({
        id: "itemShowV2",
        method: "GET",
        path: "/items/:sku",
        version: 2,
        summary: "One item, with its revision",
        auth: "client",
        produces: BOTH,
        codecHints: itemCodecs,
        request: { params: z.object({ sku: z.string() }) },
        responses: { 200: { description: "The item", schema: ItemV2 } },
        handler: ({ params, version }) => ({
          status: 200,
          body: { sku: params.sku, name: `item ${params.sku}`, tags: [], revision: version },
        }),
      }),
      defineOperation({
        id: "itemCreate",
        method: "POST",
        path: "/items",
        summary: "Create an item from JSON or XML",
        auth: "client",
        consumes: BOTH,
        produces: BOTH,
        codecHints: itemCodecs,
        request: { body: CatalogItem },
        // Work, not requests: an item of quantity 10 costs 10 tokens.
        cost: ({ body }) => body.quantity,
        requestExamples: mugExample,
        responses: {
          201: { description: "Created", schema: StoredItem, examples: { mug: { value: { ...mugExample.mug.value, received_as: JSON_TYPE } } } },
        },
        handler: ({ body, requestMediaType }) => ({ status: 201, body: { ...body, received_as: requestMediaType ?? "none" } }),
      }),
      defineOperation({
        id: "explode",
        method: "POST",
        path: "/explode",
        summary: "Always fails",
        auth: "none",
        produces: BOTH,
        request: {},
        responses: { 200: { description: "Never" } },
        handler: () => {
          throw new Error("the catalog exploded");
        },
      }),
    ],
  });
}
