import { z } from "zod";
import { Id, Quantity, Timestamp } from "./primitives.js";

export const ForwardOrderLabel = z.object({
  type: z.enum(["barcode", "text"]),
  name: z.string().min(1),
  value: z.string(),
});
export type ForwardOrderLabel = z.infer<typeof ForwardOrderLabel>;

export const ForwardOrderItem = z.object({
  identifier: z.string().min(1),
  upc: z.string().min(1),
  sku: z.string().min(1),
  quantity: Quantity,
  trackingNumber: z.string().nullable().default(null),
  reverseTrackingNumber: z.string().nullable().default(null),
  dropshipIdentifier: z.string().nullable().default(null),
  shippedDate: z.string().nullable().default(null),
  returnPolicyEndDate: z.string().nullable().default(null),
  labels: z.array(ForwardOrderLabel).default([]),
});
export type ForwardOrderItem = z.infer<typeof ForwardOrderItem>;

/** A retailer's outbound order, kept so later returns can be matched; upserted, never deleted. */
export const ForwardOrder = z.object({
  id: Id,
  clientId: Id,
  identifier: z.string().min(1),
  concept: z.string().nullable().default(null),
  postalCode: z.string().nullable().default(null),
  orderedAt: z.string().nullable().default(null),
  items: z.array(ForwardOrderItem),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type ForwardOrder = z.infer<typeof ForwardOrder>;
