import type { z } from "zod";
import type { CataloguePageBody } from "../wire/catalogue.js";
import type { CarriersBody } from "../wire/carriers.js";
import type { ErrorBody } from "../wire/errors.js";
import type { OrderStatusBody } from "../wire/order-status.js";
import type { ReservationBody, ReserveRequestInput } from "../wire/reservation.js";
import type { SendOrderRequestInput } from "../wire/send-order.js";
import { ATTR, child, elements } from "./xml-codec.js";

/*
 * How each Rewix document looks in XML against the JSON body it stands for. Requests come in
 * through `fromXml` (the parsed root → the JSON body's shape, then the same zod schema), answers
 * go out through `toXml` (the JSON answer → the element tree for XMLBuilder). The typed client
 * uses the other direction of each. Element and attribute names are Rewix's (reference B4–B9).
 */

/** One document's XML form: its root, its repeating paths, and both directions of the mapping. */
export interface XmlDocument<B> {
  readonly rootName: string;
  readonly arrays: readonly string[];
  /** The parsed root element as the JSON body would carry it (values still text). */
  readonly fromXml: (root: Record<string, unknown>) => unknown;
  /** The JSON-shaped body as the element tree under the root. */
  readonly toXml: (body: B) => Record<string, unknown>;
}

/** An element's value as the body carries it: an empty element is absent. */
function text(value: unknown): unknown {
  return value === "" ? undefined : value;
}

/** A structured child, or undefined when it is empty or missing. */
function structured(value: unknown): unknown {
  return value === "" || value === undefined ? undefined : value;
}

/** Reserve: `<root><operation type><model stock_id quantity/>…</operation>…</root>`. */
export const reserveRequestXml: XmlDocument<ReserveRequestInput> = {
  rootName: "root",
  arrays: ["root.operation", "root.operation.model"],
  fromXml: (root) => ({
    operations: elements(root.operation).map((op) => ({ type: op.type, models: elements(op.model) })),
  }),
  toXml: (body) => ({
    operation: body.operations.map((op) => ({
      [`${ATTR}type`]: op.type,
      model: (op.models ?? []).map((m) => ({ [`${ATTR}stock_id`]: m.stock_id, [`${ATTR}quantity`]: m.quantity })),
    })),
  }),
};

function recipientFromXml(value: unknown): unknown {
  if (value === null || typeof value !== "object") return structured(value);
  const details = value as Record<string, unknown>;
  return { ...details, address: structured(details.address), phone: structured(details.phone) };
}

/** Send order: `<root><order_list><order>…<item_list><item>…</item></item_list></order></order_list></root>`. */
export const sendOrderRequestXml: XmlDocument<SendOrderRequestInput> = {
  rootName: "root",
  arrays: ["root.order_list.order", "root.order_list.order.item_list.item"],
  fromXml: (root) => {
    const list = child(root, "order_list");
    return {
      order_list: elements(list?.order).map((order) => ({
        ...order,
        carrierId: text(order.carrierId),
        autoConfirm: text(order.autoConfirm),
        recipient_details: recipientFromXml(order.recipient_details),
        item_list: elements(child(order, "item_list")?.item),
      })),
    };
  },
  toXml: (body) => ({
    order_list: {
      order: body.order_list.map((order) => ({
        ...order,
        item_list: { item: order.item_list },
      })),
    },
  }),
};

/** The reservation (Reserve, ReservationStatus, SendOrder answers): everything in attributes. */
export const reservationXml: XmlDocument<ReservationBody> = {
  rootName: "root",
  arrays: ["root.model"],
  fromXml: (root) => ({
    order_id: root.order_id,
    models: elements(root.model).map((m) => ({ stock_id: m.stock_id, locked: m.locked, available: m.available })),
  }),
  toXml: (body) => ({
    [`${ATTR}order_id`]: body.order_id,
    model: body.models.map((m) => ({
      [`${ATTR}stock_id`]: m.stock_id,
      [`${ATTR}locked`]: m.locked,
      [`${ATTR}available`]: m.available,
    })),
  }),
};

const STATUS_FIELDS = ["order_id", "ext_ref", "status", "substatus", "last_update", "parsedDate", "tracking_code", "tracking_url", "carrier_name"] as const;

/** Order status: `<root><order_list><order><order_id/>…</order></order_list></root>`. */
export const orderStatusXml: XmlDocument<OrderStatusBody> = {
  rootName: "root",
  arrays: ["root.order_list.order"],
  fromXml: (root) => ({
    orders: elements(child(root, "order_list")?.order).map((o) =>
      Object.fromEntries(STATUS_FIELDS.map((name) => [name, o[name] === undefined || o[name] === "" ? null : o[name]])),
    ),
  }),
  toXml: (body) => ({
    order_list: {
      order: body.orders.map((o) => ({ ...o, parsedDate: typeof o.parsedDate === "number" ? new Date(o.parsedDate).toISOString() : o.parsedDate })),
    },
  }),
};

/** Carriers: `<collection><carrier id name cost/>…</collection>`. */
export const carriersXml: XmlDocument<CarriersBody> = {
  rootName: "collection",
  arrays: ["collection.carrier"],
  fromXml: (root) => elements(root.carrier).map((c) => ({ id: c.id, name: c.name, cost: c.cost })),
  toXml: (body) => ({
    carrier: body.map((c) => ({ [`${ATTR}id`]: c.id, [`${ATTR}name`]: c.name, [`${ATTR}cost`]: c.cost.toFixed(2) })),
  }),
};

/** Catalogue page: `<page lastUpdate currentPage pageSize totalNumberOfElements totalPages><items><item>…`. */
export const catalogueXml: XmlDocument<CataloguePageBody> = {
  rootName: "page",
  arrays: ["page.items.item", "page.items.item.models.model"],
  fromXml: (root) => ({
    lastUpdate: text(root.lastUpdate) ?? null,
    currentPage: root.currentPage,
    pageSize: root.pageSize,
    totalItems: root.totalNumberOfElements,
    totalPages: root.totalPages,
    pageItems: elements(child(root, "items")?.item).map((item) => ({ ...item, models: elements(child(item, "models")?.model) })),
  }),
  toXml: (body) => ({
    ...(body.lastUpdate === null ? {} : { [`${ATTR}lastUpdate`]: body.lastUpdate }),
    [`${ATTR}currentPage`]: body.currentPage,
    [`${ATTR}pageSize`]: body.pageSize,
    [`${ATTR}totalNumberOfElements`]: body.totalItems,
    [`${ATTR}totalPages`]: body.totalPages,
    items: { item: body.pageItems.map((p) => ({ ...p, models: { model: p.models } })) },
  }),
};

/** Errors: `<error><message>…</message><field>…</field></error>`. */
export const errorXml: XmlDocument<ErrorBody> = {
  rootName: "error",
  arrays: [],
  fromXml: (root) => ({ message: root.message ?? "", ...(root.field === undefined ? {} : { field: root.field }) }),
  toXml: (body) => ({ ...body }),
};

/** The schema a document's JSON form is validated with, next to its XML form. */
export interface DocumentCodec<S extends z.ZodType> {
  readonly schema: S;
  readonly xml: XmlDocument<z.input<S>>;
}
