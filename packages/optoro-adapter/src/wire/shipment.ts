import { z } from "zod";
import { NextPage } from "./next-page.js";
import { WireTimestamp } from "./primitives.js";

/** shipment_items[] entry: `client_identifier` is the order item's (optoro.md §2.5). */
export const WireShipmentItem = z.strictObject({
  id: z.int().min(1),
  client_identifier: z.string().optional(),
  sku: z.string(),
  quantity: z.int().min(1),
  created_at: WireTimestamp,
  updated_at: WireTimestamp,
});
export type WireShipmentItem = z.infer<typeof WireShipmentItem>;

/** shipment: `client_identifier`, `channel`, `packing_slip_identifier` come from its order. */
export const WireShipment = z.strictObject({
  id: z.int().min(1),
  client_identifier: z.string(),
  channel: z.string(),
  carrier: z.string().optional(),
  shipping_method: z.string().optional(),
  tracking_number: z.string(),
  billed_weight: z.number().min(0).optional(),
  shipping_cost_cents: z.int().min(0).optional(),
  packing_slip_identifier: z.string().optional(),
  shipment_items: z.array(WireShipmentItem),
  created_at: WireTimestamp,
  updated_at: WireTimestamp,
});
export type WireShipment = z.infer<typeof WireShipment>;

/** GET /shipments 200 body. */
export const ShipmentsPage = z.strictObject({ shipments: z.array(WireShipment), next_page: NextPage });
export type ShipmentsPage = z.infer<typeof ShipmentsPage>;

/** GET /shipments/{id} and /shipments/identifier/{id} 200 body: always a list. */
export const ShipmentsEnvelope = z.strictObject({ shipments: z.array(WireShipment) });
export type ShipmentsEnvelope = z.infer<typeof ShipmentsEnvelope>;
