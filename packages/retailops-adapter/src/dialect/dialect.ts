import type { Client, UseCaseContext } from "@dropgate/core-domain";
import { dialectKit, type DialectDefinition, type Operation } from "@dropgate/dialect-kit";
import { z } from "zod";
import type { RetailOpsAction, VendorClient } from "../actions/action.js";
import { RETAILOPS_ACTIONS } from "../actions/table.js";
import { RETAILOPS_ERROR_CODES } from "../errors/codes.js";
import { ErrorEnvelope } from "../wire/envelope.js";
import { authenticateVendor } from "./authenticate.js";
import { renderRetailOpsProblem } from "./render-problem.js";

const { defineOperation, defineDialect } = dialectKit<UseCaseContext, Client>();

/** Where the gateway mounts the dialect (api.retailops.com). */
export const RETAILOPS_PREFIX = "/retailops";

/** The route of an action: its dotted name as lower-case segments (the kit adds `~N` and `.json`). */
function routeOf(action: RetailOpsAction): string {
  return `/${action.name.toLowerCase().split(".").join("/")}`;
}

function operationOf(action: RetailOpsAction): Operation<UseCaseContext, Client> {
  return defineOperation({
    id: action.name.replace(/\./g, "_"),
    method: "POST",
    path: routeOf(action),
    version: action.version,
    summary: `${action.name} v${action.version}: ${action.summary}`,
    description: `${action.description}\n\nAs the guide writes it: \`POST ${action.documentedPath}\`. Paths are not case-sensitive; \`~N\` picks the version (none: version 1, or the only one); \`.json\` is optional.`,
    tags: [action.name.split(".")[0]!],
    auth: "client",
    request: { body: action.request },
    ...(action.example === undefined ? {} : { requestExamples: { guide: { summary: "The guide's sample", value: action.example } } }),
    responses: {
      200: { description: "`success: 1` with the records, or the error envelope (RetailOps answers errors with HTTP 200)", schema: z.union([action.response, ErrorEnvelope]) },
    },
    handler: ({ body, client }, ctx) => action.handle(body, client as VendorClient, ctx),
  });
}

const codes = Object.entries(RETAILOPS_ERROR_CODES)
  .map(([code, cause]) => `- \`${code}\`: ${cause}`)
  .join("\n");

/** The RetailOps vendor (drop-ship) API as a Dropgate dialect, mounted at `/retailops`. */
export function createRetailOpsDialect(): DialectDefinition<UseCaseContext, Client> {
  return defineDialect({
    name: "retailops",
    prefix: RETAILOPS_PREFIX,
    title: "RetailOps Vendor",
    version: "1",
    description:
      "RetailOps' drop-ship vendor API (Interaction Guide for Dropship Integrations). Every call is POST with a JSON body to " +
      "`/<namespace>/<object>/<action>[~N].json` in any case; authenticate with the `apikey` header or `?apikey=`. Success is " +
      '`{"success":1,"records":[…]}`, errors `{"success":0,"ERROR":…,"ERRORCODE":…}` with HTTP 200 (401 for a bad apikey). ' +
      `Error codes:\n${codes}`,
    operations: RETAILOPS_ACTIONS.map(operationOf),
    routing: { caseInsensitive: true, versionSuffix: true, formatSuffixes: { json: "application/json" } },
    security: { type: "api-key", in: "header", name: "apikey", description: "The vendor's apikey (also accepted as ?apikey=)" },
    problemSchema: ErrorEnvelope,
    authenticate: authenticateVendor,
    renderProblem: (problem) => renderRetailOpsProblem(problem),
  });
}
