import { Address, availableOf, PlaceOrderInput, type Shortage } from "@dropgate/core-domain";
import {
  insufficientQuantityReason,
  listingQuantity,
  OrderRejectedBody,
  OrderRequest,
  toOrderAnswer,
  toPlaceOrderInput,
  toWireListing,
  toWireOrder,
  WireListing,
  WireOrder,
} from "@dropgate/optoro-adapter";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { orderRequest, stockPosition, storedOrder } from "./arbitraries.js";

describe("order-2 → PlaceOrderInput", () => {
  it("maps every valid order-2 to a valid spine input, all or nothing, lots pay later", () => {
    fc.assert(
      fc.property(orderRequest, fc.integer({ min: 1, max: 10_000 }), (raw, clientId) => {
        const parsed = OrderRequest.safeParse(raw);
        expect(parsed.success).toBe(true);
        const order = parsed.data!;
        const input = toPlaceOrderInput(clientId, order);
        const checked = PlaceOrderInput.safeParse(input);
        expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
        expect(input).toMatchObject({ clientId, clientIdentifier: order.client_identifier, channel: order.channel, fill: "all_or_nothing", payment: "lots" });
        expect(input.items.map((i) => [i.ref, i.quantity, i.clientIdentifier ?? undefined])).toEqual(
          order.order_items.map((i) => [{ sku: i.sku, condition: i.condition }, i.quantity, i.client_identifier]),
        );
      }),
    );
  });

  it("keeps every address field through the spine's Address and back", () => {
    fc.assert(
      fc.property(orderRequest, storedOrder, (raw, stored) => {
        // Required address texts are trimmed on the way in, so compare with what the schema kept.
        const order = OrderRequest.parse(raw);
        const input = toPlaceOrderInput(1, order);
        const shipping = Address.parse(input.shippingAddress);
        const billing = Address.parse(input.billingAddress);
        const wire = toWireOrder({ ...stored, shippingAddress: shipping, billingAddress: billing });
        expect(wire.shipping_address).toEqual(order.shipping_address);
        expect(wire.billing_address).toEqual(order.billing_address);
      }),
    );
  });
});

describe("order → wire", () => {
  it("always fits Optoro's order schema, leaving out nulls and answering reject_reason as text", () => {
    fc.assert(
      fc.property(storedOrder, (order) => {
        const wire = toWireOrder(order);
        expect(WireOrder.safeParse(wire).success).toBe(true);
        expect(JSON.stringify(wire)).not.toContain("null");
        // The stored order's reason is the same sentence POST /orders answered (one wording).
        expect(wire.reject_reason).toBe(order.shortages.length > 0 ? insufficientQuantityReason(order.shortages) : "");
        expect(wire.order_items.map((i) => i.quantity)).toEqual(order.items.map((i) => i.quantity.ordered));
      }),
    );
  });
});

describe("stock position → listing", () => {
  it("fits Optoro's listing schema; quantity is what is available, a lot shows 1 or 0; lot only for lots", () => {
    fc.assert(
      fc.property(stockPosition, (position) => {
        const listing = toWireListing(position);
        expect(WireListing.safeParse(listing).success).toBe(true);
        expect(listing.identifier).toBe(position.sku);
        const available = availableOf(position);
        expect(listing.quantity).toBe(position.kind === "lot" ? Math.min(available, 1) : available);
        expect(listingQuantity(position)).toBe(listing.quantity);
        expect(listing.lot !== undefined).toBe(position.kind === "lot");
        if (listing.lot) expect(listing.lot.manifest_items).toHaveLength(position.lot!.manifestItems.length);
      }),
    );
  });
});

describe("place order outcome → answer", () => {
  const order = fc.sample(storedOrder, 1)[0]!;

  it("answers 201 accepted, or pending_payment for a lot order", () => {
    expect(toOrderAnswer({ kind: "accepted", order: { ...order, status: "accepted" }, shortages: [] })).toEqual({
      status: 201,
      body: { message: "accepted", reason: "Order accepted" },
    });
    expect(toOrderAnswer({ kind: "accepted", order: { ...order, status: "pending_payment" }, shortages: [] }).body).toEqual({
      message: "pending_payment",
      reason: "Order accepted",
    });
  });

  it("answers 200 rejected naming only the short lines, Optoro's way", () => {
    const shortages: Shortage[] = [
      { itemClientIdentifier: "296f0b98", sku: "PTBQ121308", condition: "N", requested: 3, available: 1 },
      { itemClientIdentifier: null, sku: "UNKNOWN", condition: "A", requested: 1, available: 0 },
    ];
    const answer = toOrderAnswer({ kind: "rejected", order: { ...order, status: "rejected" }, shortages });
    expect(answer.status).toBe(200);
    expect(OrderRejectedBody.parse(answer.body)).toEqual({
      message: "rejected",
      reason: "Insufficient Quantity for: 296f0b98 - PTBQ121308(N), UNKNOWN(A)",
      order: {
        client_identifier: order.clientIdentifier,
        order_items: [
          { client_identifier: "296f0b98", sku: "PTBQ121308", condition: "N", quantity: 3, available_quantity: 1 },
          { sku: "UNKNOWN", condition: "A", quantity: 1, available_quantity: 0 },
        ],
      },
    });
    expect(insufficientQuantityReason(shortages.slice(0, 1))).toBe("Insufficient Quantity for: 296f0b98 - PTBQ121308(N)");
  });

  it("answers 422 Order not created for a duplicate, naming the existing order's status", () => {
    expect(toOrderAnswer({ kind: "duplicate", order: { ...order, clientIdentifier: "123", status: "accepted" } })).toEqual({
      status: 422,
      body: { message: "Order not created", reason: "Order with identifier 123 already exists. Order is in status 'accepted'" },
    });
  });
});
