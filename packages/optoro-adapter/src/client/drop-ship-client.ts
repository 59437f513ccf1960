import type { z } from "zod";
import { DROP_SHIP_VERSION, VERSION_HEADER } from "../version.js";
import { type ListingQuantityUpdate, ListingEnvelope, ListingsPage, ListingUpdatedBody, type WireListing } from "../wire/listing.js";
import type { NextPage } from "../wire/next-page.js";
import { OrderEnvelope, OrdersPage, type WireOrder } from "../wire/order.js";
import { BatchOrdersAnswer, type CreateOrderAnswer, OrderAcceptedBody, OrderRejectedBody } from "../wire/order-answers.js";
import type { OrderRequest } from "../wire/order-request.js";
import type { ListingShowQuery, ListingsQuery, OrdersQuery, ShipmentShowQuery, ShipmentsQuery } from "../wire/requests.js";
import { ShipmentsEnvelope, ShipmentsPage, type WireShipment } from "../wire/shipment.js";
import { OptoroApiError } from "./api-error.js";
import { readJson, TokenSource } from "./token-source.js";

export interface OptoroDropShipClientOptions {
  /** Root of the Drop Ship API, e.g. `https://drop-ship.optiturn.com` or `<gateway>/optoro/drop-ship`. */
  readonly baseUrl: string;
  /** Root of the auth service; defaults to `<origin of baseUrl>/optoro/auth` (Dropgate's layout). */
  readonly authUrl?: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly fetch?: typeof fetch;
  /** Check every answer against the wire schemas (off by default: a tolerant reader of the real service). */
  readonly validateResponses?: boolean;
  /** Renew the token this many seconds before it expires; default 60. */
  readonly renewBeforeSeconds?: number;
  /** Clock in epoch milliseconds, for tests. */
  readonly now?: () => number;
}

/** Filters of a list call, as the caller writes them (numbers as numbers). */
type ListQuery<Q extends z.ZodType> = Omit<z.input<Q>, "per_page" | "offset"> & { per_page?: number; offset?: string };
export type ListingsFilter = ListQuery<typeof ListingsQuery>;
export type OrdersFilter = ListQuery<typeof OrdersQuery>;
export type ShipmentsFilter = ListQuery<typeof ShipmentsQuery>;

/** One page of a list with the `record_count` header. */
export type ListAnswer<Body> = Body & { readonly record_count: number };

type Query = Readonly<Record<string, string | number | undefined>>;

interface Call {
  readonly method: "GET" | "POST" | "PUT" | "DELETE";
  readonly path: string;
  readonly query?: Query;
  readonly body?: unknown;
}

interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

/**
 * A typed client for Optoro Drop Ship 2023-08-15, usable against Dropgate or Optoro itself:
 * fetches and renews its OAuth token, sends the version header, pages with async iterators and
 * throws `OptoroApiError` for any answer that is not a success.
 */
export class OptoroDropShipClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly tokens: TokenSource;
  private readonly validate: boolean;

  constructor(options: OptoroDropShipClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, "");
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.validate = options.validateResponses ?? false;
    this.tokens = new TokenSource({
      authUrl: options.authUrl ?? `${new URL(this.baseUrl).origin}/optoro/auth`,
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      fetch: this.fetchImpl,
      renewBeforeSeconds: options.renewBeforeSeconds ?? 60,
      now: options.now ?? Date.now,
    });
  }

  /** GET /listings: one page. */
  async listListings(filter: ListingsFilter): Promise<ListAnswer<ListingsPage>> {
    return this.page("/listings", filter, ListingsPage);
  }

  /** GET /listings/{id}. */
  async getListing(identifier: string, query: z.input<typeof ListingShowQuery>): Promise<WireListing> {
    const answer = await this.call({ method: "GET", path: `/listings/${encodeURIComponent(identifier)}`, query });
    return this.checked(ListingEnvelope, answer.body).listing;
  }

  /** PUT /listings/{id}: gives back stock; `quantity` is the new available quantity. */
  async updateListingQuantity(identifier: string, update: ListingQuantityUpdate): Promise<ListingUpdatedBody> {
    const answer = await this.call({ method: "PUT", path: `/listings/${encodeURIComponent(identifier)}`, body: update });
    return this.checked(ListingUpdatedBody, answer.body);
  }

  /** GET /orders: one page. */
  async listOrders(filter: OrdersFilter): Promise<ListAnswer<OrdersPage>> {
    return this.page("/orders", filter, OrdersPage);
  }

  /** POST /orders: accepted (201) or rejected (200); a 422 "Order not created" throws. */
  async createOrder(order: z.input<typeof OrderRequest>): Promise<CreateOrderAnswer> {
    const answer = await this.call({ method: "POST", path: "/orders", body: { order } });
    return answer.status === 201 ? this.checked(OrderAcceptedBody, answer.body) : this.checked(OrderRejectedBody, answer.body);
  }

  /** POST /batch/orders: one result per order. */
  async createOrders(orders: readonly z.input<typeof OrderRequest>[]): Promise<BatchOrdersAnswer> {
    const answer = await this.call({ method: "POST", path: "/batch/orders", body: { orders } });
    return this.checked(BatchOrdersAnswer, answer.body);
  }

  /** GET /orders/{id}. */
  async getOrder(clientIdentifier: string): Promise<WireOrder> {
    const answer = await this.call({ method: "GET", path: `/orders/${encodeURIComponent(clientIdentifier)}` });
    return this.checked(OrderEnvelope, answer.body).order;
  }

  /** PUT /orders/{id}: a lot order's payment is complete. */
  async completePayment(clientIdentifier: string): Promise<void> {
    await this.call({
      method: "PUT",
      path: `/orders/${encodeURIComponent(clientIdentifier)}`,
      body: { order: { payment_status: "complete" } },
    });
  }

  /** DELETE /orders/{id}: cancels a lot order waiting for payment. */
  async cancelOrder(clientIdentifier: string): Promise<void> {
    await this.call({ method: "DELETE", path: `/orders/${encodeURIComponent(clientIdentifier)}` });
  }

  /** GET /shipments: one page. */
  async listShipments(filter: ShipmentsFilter): Promise<ListAnswer<ShipmentsPage>> {
    return this.page("/shipments", filter, ShipmentsPage);
  }

  /** GET /shipments/{tracking number}. */
  async shipmentsByTrackingNumber(trackingNumber: string, query: z.input<typeof ShipmentShowQuery> = {}): Promise<WireShipment[]> {
    const answer = await this.call({ method: "GET", path: `/shipments/${encodeURIComponent(trackingNumber)}`, query });
    return this.checked(ShipmentsEnvelope, answer.body).shipments;
  }

  /** GET /shipments/identifier/{order client identifier}. */
  async shipmentsForOrder(clientIdentifier: string): Promise<WireShipment[]> {
    const answer = await this.call({ method: "GET", path: `/shipments/identifier/${encodeURIComponent(clientIdentifier)}` });
    return this.checked(ShipmentsEnvelope, answer.body).shipments;
  }

  /** Every listing matching `filter`, following `next_page.offset`. */
  listings(filter: ListingsFilter): AsyncIterable<WireListing> {
    return this.walk(filter, (f) => this.listListings(f), (p) => p.listings);
  }

  /** Every order matching `filter`, following `next_page.offset`. */
  orders(filter: OrdersFilter): AsyncIterable<WireOrder> {
    return this.walk(filter, (f) => this.listOrders(f), (p) => p.orders);
  }

  /** Every shipment matching `filter`, following `next_page.offset`. */
  shipments(filter: ShipmentsFilter): AsyncIterable<WireShipment> {
    return this.walk(filter, (f) => this.listShipments(f), (p) => p.shipments);
  }

  private async *walk<F extends { offset?: string }, P extends { next_page: NextPage }, Row>(
    filter: F,
    fetchPage: (filter: F) => Promise<P>,
    rowsOf: (page: P) => readonly Row[],
  ): AsyncGenerator<Row> {
    let current = filter;
    for (;;) {
      const page = await fetchPage(current);
      yield* rowsOf(page);
      // Tolerate `{}` or an absent next_page on the last page from other implementations.
      const offset = page.next_page?.offset;
      if (!offset) return;
      current = { ...current, offset };
    }
  }

  private async page<S extends z.ZodType>(path: string, filter: Query, schema: S): Promise<ListAnswer<z.infer<S>>> {
    const answer = await this.call({ method: "GET", path, query: filter });
    const body = this.checked(schema, answer.body);
    const recordCount = Number(answer.headers.get("record_count") ?? Number.NaN);
    return { ...(body as object), record_count: recordCount } as ListAnswer<z.infer<S>>;
  }

  private checked<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
    return this.validate ? schema.parse(body) : (body as z.infer<S>);
  }

  /** Sends one call with a fresh token; renews the token once when the API answers 401. */
  private async call(call: Call): Promise<Answer> {
    const token = await this.tokens.get();
    const first = await this.send(call, token);
    if (first.status !== 401) return this.succeeded(call, first);
    this.tokens.invalidate(token);
    return this.succeeded(call, await this.send(call, await this.tokens.get()));
  }

  private succeeded(call: Call, answer: Answer & { readonly url: string }): Answer {
    if (answer.status >= 200 && answer.status < 300) return answer;
    throw new OptoroApiError(answer.status, answer.body, call.method, answer.url);
  }

  private async send(call: Call, token: string): Promise<Answer & { readonly url: string }> {
    const url = new URL(`${this.baseUrl}${call.path}`);
    for (const [name, value] of Object.entries(call.query ?? {})) {
      if (value !== undefined) url.searchParams.set(name, String(value));
    }
    const headers: Record<string, string> = {
      authorization: `Bearer ${token}`,
      accept: "application/json",
      [VERSION_HEADER]: DROP_SHIP_VERSION,
    };
    if (call.body !== undefined) headers["content-type"] = "application/json";
    const response = await this.fetchImpl(url, {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    return { status: response.status, body: await readJson(response), headers: response.headers, url: url.toString() };
  }
}
