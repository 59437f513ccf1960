import { z } from "zod";
import type { UseCaseContext } from "../context.js";
import { Address } from "../model/address.js";
import type { Order, Shortage } from "../model/order.js";
import { Cents, Channel, Id, ListingCondition, PositiveQuantity, Sku } from "../model/primitives.js";
import { visibleQuantity } from "../model/buyer-cap.js";
import { availableOf, type StockPosition } from "../model/stock.js";
import type { NewOrderItem, StorageTx } from "../port.js";
import { err, ok, type Result } from "../result.js";
import { drawOnBuyerCap } from "./buyer-caps.js";
import { raisePurchaseOrdersIn } from "./purchase-orders.js";
import { moveStock } from "./stock-movements.js";
import { runInTransaction } from "./transaction.js";
import { validateInput } from "../validation.js";

export const ItemRef = z.union([z.object({ sku: Sku, condition: ListingCondition }), z.object({ positionId: Id })]);

export const PlaceOrderItemInput = z.object({
  ref: ItemRef,
  quantity: PositiveQuantity,
  clientIdentifier: z.string().max(128).nullish(),
  brand: z.string().nullish(),
  priceCents: Cents.optional(),
  taxCents: Cents.optional(),
  shippingCostCents: Cents.optional(),
  shippingTaxCents: Cents.optional(),
  comments: z.string().nullish(),
});

export const PlaceOrderInput = z.object({
  clientId: Id,
  clientIdentifier: z.string().min(1).max(128),
  channel: Channel,
  /** all_or_nothing: any short line rejects the order (Optoro); available: take what there is (Rewix). */
  fill: z.enum(["all_or_nothing", "available"]),
  /** lots: pending_payment when a line is a lot (Optoro); required: always; none: accepted at once. */
  payment: z.enum(["lots", "required", "none"]),
  items: z.array(PlaceOrderItemInput).min(1),
  billingAddress: Address.nullish(),
  shippingAddress: Address.nullish(),
  brand: z.string().nullish(),
  shippingMethod: z.string().nullish(),
  carrierId: z.int().nullish(),
  priceCents: Cents.optional(),
  processingFeeCents: Cents.optional(),
  taxCents: Cents.optional(),
  shippingCostCents: Cents.optional(),
  shippingTaxCents: Cents.optional(),
  comments: z.string().nullish(),
  expectedDeliveryDate: z.string().nullish(),
  signatureRequired: z.boolean().nullish(),
  packingSlipIdentifier: z.string().nullish(),
  attributes: z.record(z.string(), z.unknown()).optional(),
  /**
   * The dialect refuses the order as sent (an address it cannot ship to, a payment mode the order
   * cannot have), in its own words: the order is stored as rejected with this reason and nothing
   * is taken, so a replay finds it like any rejected order.
   */
  refusal: z.string().min(1).max(512).optional(),
  /**
   * The dialect refuses the order, in its own words, unless a line draws on a lot (Optoro's
   * `payment_status: pending` is for lot orders). Decided on the positions the order reads anyway,
   * so the dialect need not look them up first; it wins over `refusal`.
   */
  refusalWithoutLot: z.string().min(1).max(512).optional(),
});
export type PlaceOrderInput = z.input<typeof PlaceOrderInput>;
/** A `PlaceOrderInput` as its schema parsed it (addresses complete). */
export type ValidPlaceOrderInput = z.output<typeof PlaceOrderInput>;
type PlaceOrderItemInput = z.output<typeof PlaceOrderItemInput>;

export type PlaceOrderOutcome =
  | { readonly kind: "accepted"; readonly order: Order; readonly shortages: readonly Shortage[] }
  | { readonly kind: "rejected"; readonly order: Order; readonly shortages: readonly Shortage[] }
  | { readonly kind: "duplicate"; readonly order: Order };

/** One line with the position it draws on and how much comes from the buyer's own reservation. */
interface PlannedLine {
  readonly input: PlaceOrderItemInput;
  readonly position: StockPosition | undefined;
  readonly requested: number;
  readonly granted: number;
  readonly fromReservation: number;
  /** Whether the buyer has a cap on the position (read once while planning; most have none). */
  readonly capped: boolean;
}

/**
 * Places an order in one transaction: the idempotency check (client + client identifier), the
 * stock check and the stock take, the order, its ledger movements, and the POs for
 * vendor-managed lines. All or nothing: a short order is stored as rejected with nothing taken,
 * so a replay finds it and answers the same.
 */
export function placeOrder(ctx: UseCaseContext, input: PlaceOrderInput): Result<PlaceOrderOutcome> {
  const valid = validateInput(PlaceOrderInput, input);
  if (!valid.ok) return valid;
  return runInTransaction(ctx, (tx, at) => placeOrderIn(tx, valid.value, at));
}

function findPosition(tx: StorageTx, ref: PlaceOrderItemInput["ref"], channel: string): StockPosition | undefined {
  return "positionId" in ref ? tx.getPositionById(ref.positionId) : tx.getPosition({ sku: ref.sku, condition: ref.condition, channel });
}

/**
 * Decides every line against stock, counting lines that share a position and the buyer's locks.
 * What the buyer may take beyond its own locks is the available quantity under its own cap
 * (a give-back of this buyer; another buyer's cap never counts here).
 */
function planLines(tx: StorageTx, input: ValidPlaceOrderInput): PlannedLine[] {
  const left = new Map<number, { available: number; locked: number; capped: boolean }>();
  return input.items.map((item) => {
    const position = findPosition(tx, item.ref, input.channel);
    if (!position) return { input: item, position, requested: item.quantity, granted: 0, fromReservation: 0, capped: false };
    let budget = left.get(position.id);
    if (!budget) {
      const locked = tx.getReservation(input.clientId, position.id)?.locked ?? 0;
      const cap = tx.getBuyerCap(input.clientId, position.id)?.cap;
      budget = { available: visibleQuantity(availableOf(position), cap), locked, capped: cap !== undefined };
      left.set(position.id, budget);
    }
    const fromReservation = Math.min(budget.locked, item.quantity);
    const fromAvailable = Math.min(budget.available, item.quantity - fromReservation);
    budget.locked -= fromReservation;
    budget.available -= fromAvailable;
    return { input: item, position, requested: item.quantity, granted: fromReservation + fromAvailable, fromReservation, capped: budget.capped };
  });
}

function shortageOf(line: PlannedLine): Shortage {
  const ref = line.input.ref;
  return {
    itemClientIdentifier: line.input.clientIdentifier ?? null,
    sku: line.position?.sku ?? ("sku" in ref ? ref.sku : String(ref.positionId)),
    condition: line.position?.condition ?? ("condition" in ref ? ref.condition : "N"),
    requested: line.requested,
    available: line.granted,
  };
}

/** `placeOrder` inside a caller's transaction, on input its schema has parsed. */
export function placeOrderIn(tx: StorageTx, valid: ValidPlaceOrderInput, at: string): Result<PlaceOrderOutcome> {
  if (valid.items.length === 0) return err("VALIDATION", "An order needs at least one item", { field: "items" });
  const existing = tx.findOrder(valid.clientId, valid.clientIdentifier);
  if (existing) return ok({ kind: "duplicate", order: existing });

  const planned = planLines(tx, valid);
  const lotRefusal = valid.refusalWithoutLot !== undefined && !planned.some((l) => l.position?.kind === "lot") ? valid.refusalWithoutLot : undefined;
  const refusal = lotRefusal ?? valid.refusal;
  const input = refusal === valid.refusal ? valid : { ...valid, refusal };
  const unknown = planned.findIndex((l) => !l.position);
  if (input.fill === "available" && unknown >= 0 && input.refusal === undefined) {
    return err("NOT_FOUND", "Unknown stock item", { field: `items.${unknown}.ref` });
  }
  const shortages = input.refusal === undefined ? planned.filter((l) => l.granted < l.requested).map(shortageOf) : [];
  const rejected =
    input.refusal !== undefined ||
    (input.fill === "all_or_nothing" && shortages.length > 0) ||
    planned.every((l) => l.granted === 0);
  const lines = rejected ? planned : planned.filter((l) => l.granted > 0);
  const needsPayment = input.payment === "required" || (input.payment === "lots" && lines.some((l) => l.position?.kind === "lot"));
  const status = rejected ? "rejected" : needsPayment ? "pending_payment" : "accepted";

  const items: NewOrderItem[] = lines.map((line) => {
    const product = line.position ? tx.getProduct(line.position.sku) : undefined;
    const quantity = rejected ? line.requested : line.granted;
    return {
      clientIdentifier: line.input.clientIdentifier ?? null,
      positionId: line.position?.id ?? null,
      sku: shortageOf(line).sku,
      condition: shortageOf(line).condition,
      brand: line.input.brand ?? product?.brand ?? null,
      vendorId: product?.vendorId ?? null,
      quantity: { ordered: quantity, allocated: rejected ? 0 : quantity, acknowledged: 0, shipped: 0, cancelled: 0 },
      priceCents: line.input.priceCents ?? 0,
      taxCents: line.input.taxCents ?? 0,
      shippingCostCents: line.input.shippingCostCents ?? 0,
      shippingTaxCents: line.input.shippingTaxCents ?? 0,
      comments: line.input.comments ?? null,
      status: rejected ? "rejected" : needsPayment ? "pending" : "accepted",
    };
  });

  const order = tx.insertOrder({
    clientId: input.clientId,
    clientIdentifier: input.clientIdentifier,
    channel: input.channel,
    status,
    paymentRequired: needsPayment,
    billingAddress: input.billingAddress ?? null,
    shippingAddress: input.shippingAddress ?? null,
    brand: input.brand ?? null,
    shippingMethod: input.shippingMethod ?? null,
    carrierId: input.carrierId ?? null,
    priceCents: input.priceCents ?? 0,
    processingFeeCents: input.processingFeeCents ?? 0,
    taxCents: input.taxCents ?? 0,
    shippingCostCents: input.shippingCostCents ?? 0,
    shippingTaxCents: input.shippingTaxCents ?? 0,
    comments: input.comments ?? null,
    expectedDeliveryDate: input.expectedDeliveryDate ?? null,
    signatureRequired: input.signatureRequired ?? null,
    packingSlipIdentifier: input.packingSlipIdentifier ?? null,
    shortages: rejected ? shortages : [],
    rejectReason: rejected ? (input.refusal ?? null) : null,
    attributes: input.attributes ?? {},
    items,
    at,
  });
  if (rejected) return ok({ kind: "rejected", order, shortages });

  const cause = { type: "order", ref: String(order.id) };
  for (const line of lines) {
    const position = line.position!;
    if (line.fromReservation > 0) {
      const locked = tx.getReservation(input.clientId, position.id)?.locked ?? 0;
      tx.setReservation(input.clientId, position.id, locked - line.fromReservation, at);
    }
    const taken = moveStock(tx, position, { allocated: line.granted, reserved: -line.fromReservation }, "allocation", cause, at);
    if (!taken.ok) return taken;
    if (line.capped) drawOnBuyerCap(tx, input.clientId, position.id, line.granted - line.fromReservation, cause, at);
  }
  if (status === "accepted") raisePurchaseOrdersIn(tx, order, at);
  // Nothing after insertOrder changes the order row or its lines, so no re-read is needed.
  return ok({ kind: "accepted", order, shortages });
}
