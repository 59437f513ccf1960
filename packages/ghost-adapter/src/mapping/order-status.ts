import type { Order, PurchaseOrder, Shipment } from "@dropgate/core-domain";
import { type OrderStatusEntry, RewixStatus } from "../wire/order-status.js";
import { toRewixDate } from "./rewix-date.js";

/*
 * Dropgate's order states in Rewix codes (README lists the table):
 * pending_payment → 5 BOOKED; accepted → 2 TO DISPATCH, or 3001 WORKING ON once a vendor has
 * picked up a PO; partially_shipped → 3001 WORKING ON; shipped → 3 DISPATCHED;
 * cancelled and rejected → 2000 CANCELLED. Dropgate has no substatus: always null.
 */

/** The Rewix status code of an order, given its POs. */
export function rewixStatusOf(order: Pick<Order, "status">, purchaseOrders: readonly Pick<PurchaseOrder, "status">[]): number {
  switch (order.status) {
    case "pending_payment":
      return RewixStatus.BOOKED;
    case "accepted":
      return purchaseOrders.some((po) => po.status === "submitted" || po.status === "accepted" || po.status === "complete")
        ? RewixStatus.WORKING_ON
        : RewixStatus.TO_DISPATCH;
    case "partially_shipped":
      return RewixStatus.WORKING_ON;
    case "shipped":
      return RewixStatus.DISPATCHED;
    case "cancelled":
    case "rejected":
      return RewixStatus.CANCELLED;
  }
}

const TRACKING_URLS: Readonly<Record<string, string>> = {
  ups: "https://www.ups.com/track?tracknum=",
  fedex: "https://www.fedex.com/fedextrack/?trknbr=",
  usps: "https://tools.usps.com/go/TrackConfirmAction?tLabels=",
  dhl: "https://www.dhl.com/en/express/tracking.html?AWB=",
  gls: "https://gls-group.com/track/",
};

/** The public tracking page of a package when its carrier is one Dropgate knows, else null. */
export function trackingUrlOf(carrier: string | null, trackingNumber: string): string | null {
  const base = carrier === null ? undefined : TRACKING_URLS[carrier.trim().toLowerCase()];
  return base === undefined ? null : `${base}${encodeURIComponent(trackingNumber)}`;
}

/** One order in Rewix's order-status shape; the first package's tracking when it has shipped any. */
export function toOrderStatusEntry(
  order: Order,
  purchaseOrders: readonly PurchaseOrder[],
  shipments: readonly Shipment[],
  carrierName: string | null,
): OrderStatusEntry {
  const first = shipments[0];
  const carrier = first?.carrier ?? carrierName;
  return {
    order_id: order.id,
    ext_ref: order.clientIdentifier,
    status: rewixStatusOf(order, purchaseOrders),
    substatus: null,
    last_update: toRewixDate(order.updatedAt),
    parsedDate: Date.parse(order.updatedAt),
    tracking_code: first?.trackingNumber ?? null,
    tracking_url: first === undefined ? null : trackingUrlOf(carrier, first.trackingNumber),
    carrier_name: carrier,
  };
}
