import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { apiKeyOf, createClient, type Result, setStock, upsertProduct, upsertShipClass, type UseCaseContext } from "@dropgate/core-domain";
import { RetailOpsClient } from "@dropgate/retailops-adapter";
import { startTestGateway, type TestGateway, type TestGatewayOptions } from "../../support/harness.js";

/*
 * What the RetailOps HTTP tests share: a real gateway on a fresh SQLite file, vendor clients
 * with their apikeys, vendor-managed products seeded through the core-domain use cases, and the
 * spec's sample bodies (test/fixtures/retailops).
 */

export const RETAILOPS = "/retailops";
const FIXTURES = fileURLToPath(new URL("../../fixtures/retailops/", import.meta.url));

/** A sample body from the RetailOps guide, parsed (or raw text for `.txt`). */
export function fixture<T = Record<string, unknown>>(name: string): T {
  const text = readFileSync(`${FIXTURES}${name}`, "utf8");
  return (name.endsWith(".txt") ? text : JSON.parse(text)) as T;
}

/** The value of a successful use-case result; throws on a failure so seeding mistakes are loud. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`use case failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export interface Answer<B = Record<string, unknown>> {
  readonly status: number;
  readonly contentType: string;
  readonly body: B;
}

/** A RetailOps envelope as the tests read it. */
export type Envelope = {
  success: 0 | 1;
  records?: Record<string, unknown>[];
  total?: number;
  ERROR?: string;
  ERRORCODE?: string;
};

export interface CallOptions {
  readonly apikey?: string | null;
  /** Send the apikey as `?apikey=` instead of the header. */
  readonly inQuery?: boolean;
  readonly method?: string;
  /** A raw string is sent as is. */
  readonly raw?: string;
  readonly contentType?: string;
}

export interface Vendor {
  readonly clientId: number;
  readonly vendorId: string;
  readonly apikey: string;
  /** POSTs `body` to `RETAILOPS + path` with this vendor's apikey. */
  call<B = Envelope>(path: string, body?: unknown, options?: CallOptions): Promise<Answer<B>>;
  client(): RetailOpsClient;
}

export interface RetailOpsWorld {
  readonly gateway: TestGateway;
  readonly ctx: UseCaseContext;
  /** A RetailOps vendor client (name, vendor id, vendor name). */
  vendor(name: string, vendorId: string, vendorName?: string): Vendor;
  /** A vendor-managed product with on-hand stock in rts_drop_ship. */
  product(vendorId: string, sku: string, vpc: string, onHand: number, title?: string): void;
  /** POSTs with any apikey (or none). */
  call<B = Envelope>(path: string, body?: unknown, options?: CallOptions): Promise<Answer<B>>;
  close(): Promise<void>;
}

/** Starts a gateway with the real dialects and the carrier classes the tests name. */
export async function startRetailOps(options: TestGatewayOptions = {}): Promise<RetailOpsWorld> {
  const gateway = await startTestGateway(options);
  const ctx = gateway.ctx;
  unwrap(upsertShipClass(ctx, { id: 7, name: "FedEx Ground", carrier: "FedEx" }));
  unwrap(upsertShipClass(ctx, { id: 62, name: "UPS Ground", carrier: "UPS", defaultWeight: 2, defaultCostCents: 995 }));

  const call = callerOf(gateway);
  return {
    gateway,
    ctx,
    vendor: (name, vendorId, vendorName) => createVendor(gateway, name, vendorId, vendorName),
    product(vendorId, sku, vpc, onHand, title) {
      unwrap(upsertProduct(ctx, { sku, vendorId, vpc, ...(title ? { title } : {}) }));
      unwrap(setStock(ctx, { sku, condition: "N", channel: "rts_drop_ship", onHand, priceCents: 2_500 }));
    },
    call,
    close: () => gateway.close(),
  };
}

/** POSTs to the gateway's RetailOps prefix. */
export function callerOf(gateway: TestGateway) {
  return async <B = Envelope>(path: string, body?: unknown, opts: CallOptions = {}): Promise<Answer<B>> => {
    const url = new URL(`${gateway.baseUrl}${RETAILOPS}${path}`);
    const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/json" };
    if (opts.apikey != null) {
      if (opts.inQuery) url.searchParams.set("apikey", opts.apikey);
      else headers.apikey = opts.apikey;
    }
    const method = opts.method ?? "POST";
    const payload = opts.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    const response = await fetch(url, { method, headers, ...(payload === undefined || method === "GET" ? {} : { body: payload }) });
    const text = await response.text();
    return { status: response.status, contentType: response.headers.get("content-type") ?? "", body: (text === "" ? undefined : JSON.parse(text)) as B };
  };
}

/** A RetailOps vendor client on `gateway`, with its apikey. */
export function createVendor(gateway: TestGateway, name: string, vendorId: string, vendorName?: string): Vendor {
  const issued = unwrap(createClient(gateway.ctx, { name, dialect: "retailops", scope: "vendor", vendorId, ...(vendorName ? { vendorName } : {}) }));
  const apikey = apiKeyOf(issued.key, issued.secret);
  const call = callerOf(gateway);
  return {
    clientId: issued.client.id,
    vendorId,
    apikey,
    call: (path, body, opts = {}) => call(path, body, { apikey, ...opts }),
    client: () => new RetailOpsClient({ baseUrl: `${gateway.baseUrl}${RETAILOPS}`, apikey, validateResponses: true }),
  };
}
