import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Address } from "../model/address.js";
import type { Order } from "../model/order.js";
import { Channel, Id, PositiveQuantity } from "../model/primitives.js";
import type { Carrier } from "../model/shipping.js";
import { err, ok, type Result } from "../result.js";
import { acceptOrderIn } from "./orders.js";
import { placeOrderIn } from "./place-order.js";
import { type ReservationModel, reservationModelsIn } from "./reservations.js";
import { runInTransaction } from "./transaction.js";

export const DropshipOrderInput = z.object({
  clientId: Id,
  /** The buyer's own order id (Rewix `key`): one order per key and client. */
  key: z.string().min(1).max(128),
  /** What the request asked for, condensed: the same key with another fingerprint is another order. */
  fingerprint: z.string().min(1).max(256),
  channel: Channel,
  items: z.array(z.object({ positionId: Id, quantity: PositiveQuantity })).min(1),
  /** The carrier asked for; null or unknown falls back to the default carrier. */
  carrierId: z.int().nullish(),
  /** false keeps the order booked even when it could confirm by itself. */
  autoConfirm: z.boolean(),
  shippingAddress: Address,
  /** Dialect words kept verbatim on the order. */
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type DropshipOrderInput = z.input<typeof DropshipOrderInput>;

/** How a confirmed drop-ship order was paid for: its cost taken from ecredit, or trusted by setting. */
export type DropshipPayment = "ecredit" | "auto_confirm_setting";

export interface DropshipOrderOutcome {
  /** placed: created now; duplicate: the key's first order, answered as it was the first time. */
  readonly kind: "placed" | "duplicate";
  readonly order: Order;
  /** The buyer's reservation right after the order was placed. */
  readonly models: readonly ReservationModel[];
}

/** Where a drop-ship order keeps what its first answer needs, inside the order's attributes. */
const FIRST_ANSWER = "dropship";
interface FirstAnswer {
  readonly fingerprint: string;
  readonly models: readonly ReservationModel[];
  readonly paidBy: DropshipPayment | null;
  readonly costCents: number;
}

/** The stored first answer of a drop-ship order, or undefined for orders placed another way. */
export function dropshipAnswerOf(order: Order): FirstAnswer | undefined {
  const stored = order.attributes[FIRST_ANSWER];
  return stored !== null && typeof stored === "object" ? (stored as FirstAnswer) : undefined;
}

/** The carrier an order travels with: the one asked for when it exists, else the default. */
function resolveCarrier(carriers: readonly Carrier[], asked: number | null | undefined): Carrier | undefined {
  return carriers.find((c) => c.id === asked) ?? carriers.find((c) => c.isDefault);
}

/**
 * Rewix SendOrderDropshipping in one transaction. Lines come from the buyer's reservation first,
 * then from available stock, capped silently at what there is; an unknown position (or one
 * outside the channel) aborts the order with nothing written. The order is placed booked
 * (pending_payment, its stock held) and confirmed at once when autoConfirm is not false and
 * (the buyer's ecredit covers its cost, or the buyer has auto-confirmation on) and a carrier
 * (the one asked for, or the default) exists. Ecredit pays when it covers the cost. The same key
 * with the same fingerprint answers the first order; with another, CONFLICT.
 */
export function placeDropshipOrder(ctx: UseCaseContext, raw: DropshipOrderInput): Result<DropshipOrderOutcome> {
  const parsed = DropshipOrderInput.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") ?? "";
    return err("VALIDATION", `${field}: ${issue?.message ?? "invalid"}`, { field });
  }
  const input = parsed.data;
  return runInTransaction<DropshipOrderOutcome>(ctx, (tx, at) => {
    const existing = tx.findOrder(input.clientId, input.key);
    if (existing) {
      const first = dropshipAnswerOf(existing);
      if (!first || first.fingerprint !== input.fingerprint) {
        return err("CONFLICT", `key ${input.key} was already used for a different order`, { field: "key" });
      }
      return ok({ kind: "duplicate", order: existing, models: first.models });
    }
    for (const [index, item] of input.items.entries()) {
      const position = tx.getPositionById(item.positionId);
      if (!position || position.channel !== input.channel) {
        return err("NOT_FOUND", `stock_id ${item.positionId} does not exist`, { field: `items.${index}.positionId` });
      }
    }
    const carrier = resolveCarrier(tx.listCarriers(), input.carrierId);
    const client = tx.getClient(input.clientId)!;
    const prices = new Map(input.items.map((item) => [item.positionId, tx.getPositionById(item.positionId)?.priceCents ?? 0]));
    // Most orders can be judged before they are placed: no carrier or autoConfirm false never
    // confirms; the auto-confirm setting, or ecredit covering even the uncapped cost, always does.
    // Those are placed accepted at once (POs raised inside placeOrderIn); the rest are placed
    // booked and judged on their capped cost.
    const shippingCents = carrier?.costCents ?? 0;
    const uncappedCents = input.items.reduce((sum, item) => sum + (prices.get(item.positionId) ?? 0) * item.quantity, 0) + shippingCents;
    const mayConfirm = input.autoConfirm && carrier !== undefined;
    const confirmsNow = mayConfirm && (client.autoConfirm || client.ecreditCents >= uncappedCents);
    const placed = placeOrderIn(
      tx,
      {
        clientId: input.clientId,
        clientIdentifier: input.key,
        channel: input.channel,
        fill: "available",
        payment: confirmsNow ? "none" : "required",
        items: input.items.map((item) => ({ ref: { positionId: item.positionId }, quantity: item.quantity, priceCents: prices.get(item.positionId) ?? 0 })),
        shippingAddress: input.shippingAddress,
        carrierId: carrier?.id ?? null,
        shippingMethod: carrier?.name ?? null,
        attributes: input.attributes ?? {},
      },
      at,
    );
    if (!placed.ok) return placed;
    if (placed.value.kind !== "accepted") {
      return err("INSUFFICIENT_STOCK", "None of the requested models is available", { field: "items" });
    }
    const order = placed.value.order;
    const goodsCents = order.items.reduce((sum, item) => sum + item.priceCents * item.quantity.ordered, 0);
    const costCents = goodsCents + shippingCents;
    const ecreditCovers = client.ecreditCents >= costCents;
    const confirms = confirmsNow || (mayConfirm && ecreditCovers);
    const paidBy: DropshipPayment | null = !confirms ? null : ecreditCovers ? "ecredit" : "auto_confirm_setting";
    if (paidBy === "ecredit") tx.updateClient(client.id, { ecreditCents: client.ecreditCents - costCents }, at);
    const models = reservationModelsIn(tx, input.clientId, new Set());
    const first: FirstAnswer = { fingerprint: input.fingerprint, models, paidBy, costCents };
    const attributes = { ...order.attributes, [FIRST_ANSWER]: first };
    tx.updateOrder(order.id, { priceCents: goodsCents, shippingCostCents: shippingCents, attributes }, at);
    const stored: Order = { ...order, priceCents: goodsCents, shippingCostCents: shippingCents, attributes };
    if (confirmsNow || !confirms) return ok({ kind: "placed", order: stored, models });
    const accepted = acceptOrderIn(tx, stored, at);
    return accepted.ok ? ok({ kind: "placed", order: accepted.value, models }) : accepted;
  });
}

