import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type ClientScope,
  createClient,
  type Dialect,
  type Result,
  type SetStockInput,
  setStock,
  type StockPosition,
  type UseCaseContext,
} from "@dropgate/core-domain";
import { type OrderRequest, OptoroDropShipClient, type TokenResponse } from "@dropgate/optoro-adapter";
import { startTestGateway, type TestGateway, type TestGatewayOptions } from "../../support/harness.js";
import { ApiContract, type ContractResponse } from "../../support/openapi-validator.js";

/*
 * What the Optoro HTTP tests share: a real gateway on a fresh SQLite file, its contract (every
 * response a test receives is validated against the generated OpenAPI documents), buyers with
 * tokens fetched over HTTP, and seeding through the core-domain use cases.
 */

export const AUTH = "/optoro/auth";
export const DROP_SHIP = "/optoro/drop-ship";
export const FORWARD_ORDERS = "/optoro/orders";
export const VERSION_HEADERS = { "Optiturn-DropShip-Version": "2023-08-15" } as const;

const FIXTURES = fileURLToPath(new URL("../../fixtures/optoro/", import.meta.url));

/** A sample payload from Optoro's documentation (test/fixtures/optoro). */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(`${FIXTURES}${name}`, "utf8")) as T;
}

/** The value of a successful use-case result; throws on a failure so seeding mistakes are loud. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`use case failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** `updated_at` for list calls: an hour back, written the spec's way (no zone means UTC). */
export function anHourAgo(now = new Date()): string {
  return new Date(now.getTime() - 3_600_000).toISOString().slice(0, 19);
}

export interface CallOptions {
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  readonly body?: unknown;
  /** Extra or replacing headers; a header set to null is left out. */
  readonly headers?: Readonly<Record<string, string | null>>;
}

/** A partner credential with a token fetched over HTTP, calling Drop Ship as itself. */
export interface Buyer {
  readonly clientId: number;
  readonly key: string;
  readonly secret: string;
  readonly token: string;
  /** Calls `DROP_SHIP + path` with the bearer token and the version header; the answer is contract-checked. */
  call<B = unknown>(method: string, path: string, options?: CallOptions): Promise<ContractResponse<B>>;
  /** The typed client for this buyer, its answers contract-checked too. */
  client(): OptoroDropShipClient;
}

export interface OptoroWorld {
  readonly gateway: TestGateway;
  readonly api: ApiContract;
  readonly ctx: UseCaseContext;
  /** Creates a client (an Optoro buyer unless told) and fetches its token. */
  buyer(name: string, options?: { dialect?: Dialect; scope?: ClientScope; vendorId?: string }): Promise<Buyer>;
  /** Sets the absolute on-hand of a position through `setStock`. */
  stock(input: SetStockInput): StockPosition;
  close(): Promise<void>;
}

/** `fetch` that validates every answer against the gateway's OpenAPI documents. */
export function contractFetch(api: ApiContract): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await fetch(input, init);
    const text = await response.clone().text();
    const type = response.headers.get("content-type") ?? "";
    const body = text === "" ? undefined : type.includes("json") ? JSON.parse(text) : text;
    const url = new URL(String(input instanceof Request ? input.url : input));
    api.expectMatchesContract(init?.method ?? "GET", `${url.pathname}${url.search}`, response.status, response.headers, body);
    return response;
  }) as typeof fetch;
}

/** Starts a gateway with the real dialects and loads (and validates) the Optoro documents. */
export async function startOptoro(options: TestGatewayOptions = {}): Promise<OptoroWorld> {
  const gateway = await startTestGateway(options);
  try {
    const api = await ApiContract.load(gateway.baseUrl, [AUTH, DROP_SHIP, FORWARD_ORDERS]);
    const ctx = gateway.ctx;
    return {
      gateway,
      api,
      ctx,
      async buyer(name, clientOptions = {}) {
        const issued = unwrap(
          createClient(ctx, {
            name,
            dialect: clientOptions.dialect ?? "optoro",
            scope: clientOptions.scope ?? "buyer",
            ...(clientOptions.vendorId === undefined ? {} : { vendorId: clientOptions.vendorId }),
          }),
        );
        const tokenAnswer = await api.fetchJson<TokenResponse>(`${AUTH}/oauth/token`, {
          method: "POST",
          body: { grant_type: "client_credentials", client_id: issued.key, client_secret: issued.secret },
        });
        const token = tokenAnswer.status === 200 ? tokenAnswer.body.access_token : "";
        return {
          clientId: issued.client.id,
          key: issued.key,
          secret: issued.secret,
          token,
          call: (method, path, callOptions = {}) => {
            const url = new URL(`${DROP_SHIP}${path}`, "http://x");
            for (const [name, value] of Object.entries(callOptions.query ?? {})) {
              if (value !== undefined) url.searchParams.set(name, String(value));
            }
            const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...VERSION_HEADERS };
            for (const [header, value] of Object.entries(callOptions.headers ?? {})) {
              for (const existing of Object.keys(headers)) if (existing.toLowerCase() === header.toLowerCase()) delete headers[existing];
              if (value !== null) headers[header] = value;
            }
            return api.fetchJson(`${url.pathname}${url.search}`, {
              method,
              headers,
              ...(callOptions.body === undefined ? {} : { body: callOptions.body }),
            });
          },
          client: () =>
            new OptoroDropShipClient({
              baseUrl: `${gateway.baseUrl}${DROP_SHIP}`,
              clientId: issued.key,
              clientSecret: issued.secret,
              fetch: contractFetch(api),
              validateResponses: true,
            }),
        };
      },
      stock: (input) => unwrap(setStock(ctx, input)),
      close: () => gateway.close(),
    };
  } catch (error) {
    await gateway.close();
    throw error;
  }
}

/** The spec's sample order (fixture), with a fresh client identifier and the given lines. */
export function sampleOrder(
  clientIdentifier: string,
  items?: readonly { sku: string; quantity: number; condition?: "N" | "A" | "B" | "R"; client_identifier?: string }[],
  channel = "rts_drop_ship",
): OrderRequest {
  const { order } = fixture<{ order: OrderRequest }>("create-order.request.json");
  const template = order.order_items[0]!;
  return {
    ...order,
    client_identifier: clientIdentifier,
    channel,
    order_items:
      items === undefined
        ? order.order_items
        : items.map((item, index) => ({
            ...template,
            client_identifier: item.client_identifier ?? `${clientIdentifier}-${index + 1}`,
            sku: item.sku,
            condition: item.condition ?? "N",
            quantity: item.quantity,
          })),
  };
}

/** A one-pallet lot on rts_drop_ship, as an operator records it (quantity 1, a one-item manifest). */
export function lotStock(world: OptoroWorld, sku: string): StockPosition {
  return world.stock({
    sku,
    condition: "N",
    channel: "rts_drop_ship",
    onHand: 1,
    kind: "lot",
    lot: { templateName: "pallet", weight: 410.5, manifestItems: [{ identifier: "LP1", itemTitle: "Kettle", upc: "0123456789012", sku: "K-1" }] },
  });
}

/** Rails' ParameterMissing body Optoro's 6.0 document shows for a missing query parameter (with our `message`). */
export function parameterMissing(name: string) {
  const text = `param is missing or the value is empty: ${name}`;
  return { status: 400, error: "Bad Request", exception: `#<ActionController::ParameterMissing: ${text}>`, message: text };
}

/** The body a list's bad query gets: Rails' for a missing parameter (issue 9), else `{"message"}`. */
export function queryErrorBody(message: string) {
  const missing = /^param is missing or the value is empty: (.+)$/.exec(message);
  return missing?.[1] === undefined ? { message } : parameterMissing(missing[1]);
}
