import type { ReservationModel } from "@dropgate/core-domain";
import type { ReservationBody } from "../wire/reservation.js";

/**
 * The reservation as Rewix answers it. Rewix's `order_id` is the id of its "growing" virtual
 * order; Dropgate keeps reservations as locks, not as an order, so a reserve or status answer
 * carries 0 (as the spec's own JSON example does) and a send-order answer the new order's id.
 */
export function toReservationBody(models: readonly ReservationModel[], orderId = 0): ReservationBody {
  return {
    models: models.map((m) => ({ stock_id: m.positionId, locked: m.locked, available: m.available })),
    order_id: orderId,
  };
}
