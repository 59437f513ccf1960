import type { z } from "zod";
import { type CataloguePageBody, CataloguePageBody as CatalogueSchema } from "../wire/catalogue.js";
import { type CarriersBody, CarriersBody as CarriersSchema } from "../wire/carriers.js";
import { ErrorBody } from "../wire/errors.js";
import { type OrderStatusBody, OrderStatusBody as OrderStatusSchema } from "../wire/order-status.js";
import { type ReservationBody, ReservationBody as ReservationSchema, type ReserveRequestInput } from "../wire/reservation.js";
import type { SendOrderRequestInput } from "../wire/send-order.js";
import {
  carriersXml,
  catalogueXml,
  errorXml,
  orderStatusXml,
  reservationXml,
  reserveRequestXml,
  sendOrderRequestXml,
  type XmlDocument,
} from "../xml/documents.js";
import { buildXml, parseXml } from "../xml/xml-codec.js";
import type { Format } from "../operations/media-types.js";
import { GhostApiError } from "./api-error.js";
import { CarriersXmlAnswer, CatalogueXmlAnswer, OrderStatusXmlAnswer, ReservationXmlAnswer } from "./xml-answers.js";

export interface GhostClientOptions {
  /** Up to and including `/restful`, e.g. `http://127.0.0.1:8080/rewix/restful` or `https://www.brandsdistribution.com/restful`. */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly password: string;
  /** What the client sends and asks for; XML unless told. */
  readonly format?: Format;
  readonly fetch?: typeof fetch;
}

interface Answer<T> {
  readonly json: z.ZodType<T>;
  readonly xml: z.ZodType<T>;
  readonly document: XmlDocument<T>;
}

const reservation: Answer<ReservationBody> = { json: ReservationSchema, xml: ReservationXmlAnswer, document: reservationXml };
const orderStatus: Answer<OrderStatusBody> = { json: OrderStatusSchema, xml: OrderStatusXmlAnswer as unknown as z.ZodType<OrderStatusBody>, document: orderStatusXml };
const carriers: Answer<CarriersBody> = { json: CarriersSchema, xml: CarriersXmlAnswer, document: carriersXml };
const catalogue: Answer<CataloguePageBody> = { json: CatalogueSchema, xml: CatalogueXmlAnswer as unknown as z.ZodType<CataloguePageBody>, document: catalogueXml };

/** A typed client for the Rewix ghost dropshipping API, speaking XML or JSON as the caller chooses. */
export class GhostClient {
  readonly #base: string;
  readonly #authorization: string;
  readonly #format: Format;
  readonly #fetch: typeof fetch;

  constructor(options: GhostClientOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, "");
    this.#authorization = `Basic ${Buffer.from(`${options.apiKey}:${options.password}`).toString("base64")}`;
    this.#format = options.format ?? "xml";
    this.#fetch = options.fetch ?? fetch;
  }

  /** One catalogue page (`products.json` or `products.xml`, following the client's format). */
  products(query: { page?: number; pageSize?: number; since?: string } = {}): Promise<CataloguePageBody> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
    const search = params.size === 0 ? "" : `?${params}`;
    return this.#call("GET", `/export/api/products.${this.#format}${search}`, catalogue);
  }

  /** Every carrier. */
  carriers(): Promise<CarriersBody> {
    return this.#call("GET", "/export/carriers", carriers);
  }

  /** Reserve: lock, unlock and set operations in one request; answers the whole reservation. */
  reserve(body: ReserveRequestInput): Promise<ReservationBody> {
    return this.#call("POST", "/ghost/orders/sold", reservation, { body, document: reserveRequestXml });
  }

  /** The whole reservation. */
  reservation(): Promise<ReservationBody> {
    return this.#call("GET", "/ghost/orders/dropshipping/locked", reservation);
  }

  /** Send order (dropshipping): the remaining reservation and the new order's `order_id`. */
  sendOrder(body: SendOrderRequestInput): Promise<ReservationBody> {
    return this.#call("POST", "/ghost/orders/0/dropshipping", reservation, { body, document: sendOrderRequestXml });
  }

  /** An order's status by the key it was sent with. */
  orderStatusByKey(key: string): Promise<OrderStatusBody> {
    return this.#call("GET", `/ghost/clientorders/clientkey/${encodeURIComponent(key)}`, orderStatus);
  }

  /** An order's status by its order id. */
  orderStatusById(orderId: number): Promise<OrderStatusBody> {
    return this.#call("GET", `/ghost/clientorders/serverkey/${orderId}`, orderStatus);
  }

  async #call<T, B>(method: string, path: string, answer: Answer<T>, send?: { body: B; document: XmlDocument<B> }): Promise<T> {
    const type = this.#format === "xml" ? "application/xml" : "application/json";
    const headers: Record<string, string> = { authorization: this.#authorization, accept: type };
    let body: string | undefined;
    if (send !== undefined) {
      headers["content-type"] = type;
      body = this.#format === "xml" ? buildXml(send.document.rootName, send.document.toXml(send.body)) : JSON.stringify(send.body);
    }
    const response = await this.#fetch(`${this.#base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
    const text = await response.text();
    const xml = (response.headers.get("content-type") ?? "").includes("xml");
    if (!response.ok) {
      const decoded = xml ? this.#fromXml(text, errorXml) : safeJson(text);
      const error = ErrorBody.safeParse(decoded);
      throw new GhostApiError(response.status, error.success ? error.data.message : text, error.success ? error.data.field : undefined, text);
    }
    const parsed = xml ? answer.xml.safeParse(this.#fromXml(text, answer.document)) : answer.json.safeParse(safeJson(text));
    if (!parsed.success) throw new GhostApiError(response.status, `unexpected answer: ${parsed.error.issues[0]?.message ?? ""}`, undefined, text);
    return parsed.data;
  }

  #fromXml<T>(text: string, document: XmlDocument<T>): unknown {
    const parsed = parseXml(text, { arrays: document.arrays });
    return parsed.ok ? document.fromXml(parsed.root) : undefined;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
