import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  createClient,
  type SetStockInput,
  setStock,
  type StockPosition,
  type UseCaseContext,
  upsertCarrier,
} from "@dropgate/core-domain";
import { parseXml } from "@dropgate/ghost-adapter";
import { startTestGateway, type TestGateway, type TestGatewayOptions } from "../../support/harness.js";
import { ApiContract } from "../../support/openapi-validator.js";
import { unwrap } from "../../optoro/support/optoro-world.js";

/*
 * What the Rewix HTTP tests share: a real gateway on a fresh SQLite file with the real dialects,
 * the Rewix OpenAPI document (JSON answers are checked against it), resellers with HTTP Basic
 * credentials, and the spec's own payloads from the package's fixtures with their stock_ids
 * pointed at seeded positions.
 */

export const RESTFUL = "/rewix/restful";
const FIXTURES = fileURLToPath(new URL("../../../../../packages/ghost-adapter/test/fixtures/", import.meta.url));

/** A sample payload from the Rewix documentation, as text. */
export function fixtureText(name: string): string {
  return readFileSync(`${FIXTURES}${name}`, "utf8");
}

/**
 * Points a fixture's stock_ids at real positions: every `stock_id` value (element, attribute
 * or JSON member) found in `ids` is replaced by its mapped value; others are left alone.
 */
export function withStockIds(text: string, ids: Readonly<Record<number, number>>): string {
  const swap = (id: string) => String(ids[Number(id)] ?? id);
  return text
    .replace(/<stock_id>(\d+)<\/stock_id>/g, (_m, id: string) => `<stock_id>${swap(id)}</stock_id>`)
    .replace(/stock_id="(\d+)"/g, (_m, id: string) => `stock_id="${swap(id)}"`)
    .replace(/"stock_id":\s*"?(\d+)"?/g, (m, id: string) => m.replace(id, swap(id)));
}

export interface RewixAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  /** Parsed JSON when the answer is JSON; undefined otherwise. */
  readonly json: unknown;
  readonly type: string;
}

export interface CallInit {
  readonly body?: string;
  /** Extra or replacing headers; null leaves one out. */
  readonly headers?: Readonly<Record<string, string | null>>;
}

export interface Reseller {
  readonly clientId: number;
  readonly key: string;
  readonly secret: string;
  /** Calls `RESTFUL + path` with this reseller's Basic credentials; JSON answers are contract-checked. */
  call(method: string, path: string, init?: CallInit): Promise<RewixAnswer>;
}

export interface RewixWorld {
  readonly gateway: TestGateway;
  readonly api: ApiContract;
  readonly ctx: UseCaseContext;
  reseller(name: string, settings?: { ecreditCents?: number; autoConfirm?: boolean }): Reseller;
  /** Stock on rts_drop_ship in condition N unless told, with a price. */
  stock(input: Partial<SetStockInput> & { sku: string; onHand: number }): StockPosition;
  /** Carriers 10 (DHL, 14.90) and 20 (UPS, 9.90, the default unless told). */
  carriers(withDefault?: boolean): void;
  close(): Promise<void>;
}

/** `Authorization: Basic …` for a key and secret. */
export function basic(key: string, secret: string): string {
  return `Basic ${Buffer.from(`${key}:${secret}`).toString("base64")}`;
}

/** Starts a gateway with the real dialects and loads the Rewix document. */
export async function startRewix(options: TestGatewayOptions = {}): Promise<RewixWorld> {
  const gateway = await startTestGateway(options);
  const api = await ApiContract.load(gateway.baseUrl, ["/rewix"]);
  const ctx = gateway.ctx;
  const call = async (authorization: string | null, method: string, path: string, init: CallInit = {}): Promise<RewixAnswer> => {
    const headers: Record<string, string> = {};
    if (authorization !== null) headers.authorization = authorization;
    if (init.body !== undefined) headers["content-type"] = init.body.trimStart().startsWith("<") ? "application/xml" : "application/json";
    for (const [name, value] of Object.entries(init.headers ?? {})) {
      delete headers[name.toLowerCase()];
      if (value !== null) headers[name.toLowerCase()] = value;
    }
    const response = await fetch(`${gateway.baseUrl}${RESTFUL}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
    const text = await response.text();
    const type = response.headers.get("content-type")?.split(";", 1)[0]?.trim() ?? "";
    const json = type === "application/json" ? JSON.parse(text) : undefined;
    // The document names the catalogue once; `.json` / `.xml` are the dialect's format suffixes.
    const documented = `${RESTFUL}${path}`.replace(/\.(json|xml)(?=\?|$)/, "");
    if (json !== undefined) api.expectMatchesContract(method, documented, response.status, response.headers, json);
    return { status: response.status, headers: response.headers, text, json, type };
  };
  return {
    gateway,
    api,
    ctx,
    reseller(name, settings = {}) {
      const issued = unwrap(createClient(ctx, { name, dialect: "rewix", scope: "buyer", ...settings }));
      const authorization = basic(issued.key, issued.secret);
      return {
        clientId: issued.client.id,
        key: issued.key,
        secret: issued.secret,
        call: (method, path, init) => call(authorization, method, path, init),
      };
    },
    stock: (input) => unwrap(setStock(ctx, { condition: "N", channel: "rts_drop_ship", priceCents: 1_000, ...input })),
    carriers(withDefault = true) {
      unwrap(upsertCarrier(ctx, { id: 10, name: "DHL", costCents: 1_490, isDefault: false }));
      unwrap(upsertCarrier(ctx, { id: 20, name: "UPS", costCents: 990, isDefault: withDefault }));
    },
    close: () => gateway.close(),
  };
}

/** Calls without credentials (or with the given Authorization). */
export async function anonymous(world: RewixWorld, method: string, path: string, authorization?: string): Promise<RewixAnswer> {
  const response = await fetch(`${world.gateway.baseUrl}${RESTFUL}${path}`, {
    method,
    headers: authorization === undefined ? {} : { authorization },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: undefined, type: response.headers.get("content-type") ?? "" };
}

const ANSWER_ARRAYS = ["root.model", "root.order_list.order", "collection.carrier", "page.items.item", "page.items.item.models.model"];

/** An XML answer read with the adapter's safe parser, as `{ <root>: … }`, repeating elements as arrays. */
export function readXmlAnswer(text: string): Record<string, unknown> {
  const parsed = parseXml(text, { arrays: ANSWER_ARRAYS });
  if (!parsed.ok) throw new Error(`not XML: ${parsed.message}\n${text}`);
  return { [parsed.rootName]: parsed.root };
}
