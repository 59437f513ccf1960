import { type Order, Order as OrderSchema, type Shipment, Shipment as ShipmentSchema } from "@dropgate/core-domain";
import {
  DropShipmentCancellation,
  DropShipmentConfirmation,
  DropShipmentPartialCancellation,
  toDropShipmentCancellation,
  toDropShipmentConfirmation,
  toDropShipmentPartialCancellation,
} from "@dropgate/optoro-adapter";
import { describe, expect, it } from "vitest";

const at = "2026-11-22T12:00:00.000Z";
const address = {
  name: "James Carter",
  company: "Carter Industries",
  telephoneNumber: "(206) 555-1208",
  street: "121 Vine Street",
  street2: "Suite 1200",
  city: "Seattle",
  state: "WA",
  zipCode: "98121",
  country: "US",
  loadingDock: true,
};

const order: Order = OrderSchema.parse({
  id: 7,
  clientId: 3,
  clientIdentifier: "3fda4c37-6830-469f-b343-9d1a482a97fd",
  channel: "rts_drop_ship",
  status: "cancelled",
  paymentRequired: false,
  billingAddress: { ...address, name: "Lacy Macejkovic", loadingDock: null },
  shippingAddress: address,
  brand: "acme",
  shippingMethod: "STANDARD",
  carrierId: null,
  priceCents: 10000,
  processingFeeCents: 0,
  taxCents: 1000,
  shippingCostCents: 500,
  shippingTaxCents: 0,
  comments: null,
  expectedDeliveryDate: null,
  signatureRequired: true,
  packingSlipIdentifier: "1497064",
  shortages: [],
  rejectReason: null,
  attributes: {},
  items: [
    {
      id: 70,
      orderId: 7,
      clientIdentifier: "296f0b98-7bc5-4750-8cb9-2e36db1ff766",
      positionId: 1,
      sku: "PTBQ121308",
      condition: "N",
      brand: "test_brand",
      vendorId: null,
      quantity: { ordered: 2, allocated: 0, acknowledged: 0, shipped: 0, cancelled: 2 },
      priceCents: 10000,
      taxCents: 1000,
      shippingCostCents: 500,
      shippingTaxCents: 0,
      comments: null,
      status: "cancelled",
      createdAt: at,
      updatedAt: at,
    },
  ],
  createdAt: at,
  updatedAt: at,
});

const shipment: Shipment = ShipmentSchema.parse({
  id: 11,
  orderId: 7,
  purchaseOrderId: null,
  trackingNumber: "1Z2E07A20302245707",
  carrier: "UPS",
  shipClassId: null,
  shippingMethod: "UPS Ground",
  billedWeight: 10,
  shippingCostCents: 1000,
  items: [{ id: 110, orderItemId: 70, quantity: 2 }],
  shippedAt: at,
  createdAt: at,
  updatedAt: at,
});

/** The value of a successful result; fails the test with the error otherwise. */
function must<T>(result: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) expect.fail(result.error.message);
  return result.value;
}

describe("drop shipment confirmation body", () => {
  it("is the shipment as the read API maps it, without sku on its items", () => {
    const body = must(toDropShipmentConfirmation(shipment, order));
    expect(body).toEqual({
      shipment: {
        id: 11,
        client_identifier: "3fda4c37-6830-469f-b343-9d1a482a97fd",
        channel: "rts_drop_ship",
        carrier: "UPS",
        shipping_method: "UPS Ground",
        tracking_number: "1Z2E07A20302245707",
        billed_weight: 10,
        shipping_cost_cents: 1000,
        packing_slip_identifier: "1497064",
        shipment_items: [{ id: 110, client_identifier: "296f0b98-7bc5-4750-8cb9-2e36db1ff766", quantity: 2, created_at: at, updated_at: at }],
        created_at: at,
        updated_at: at,
      },
    });
    expect(DropShipmentConfirmation.safeParse(body).success).toBe(true);
  });

  it("is refused, naming the fields, when the shipment lacks what the webhook requires", () => {
    const bare = { ...shipment, carrier: null, billedWeight: null };
    const result = toDropShipmentConfirmation(bare, order);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("VALIDATION");
    expect(result.error.message).toContain("Shipment 11");
    expect(result.error.message).toContain("shipment.carrier");
    expect(result.error.message).toContain("shipment.billed_weight");
  });

  it("is refused when a shipped line has no client identifier", () => {
    const anonymous = { ...order, items: order.items.map((item) => ({ ...item, clientIdentifier: null })) };
    const result = toDropShipmentConfirmation(shipment, anonymous);
    expect(result.ok ? "" : result.error.message).toContain("shipment.shipment_items.0.client_identifier");
  });
});

describe("drop shipment cancellation body", () => {
  it("is the order as the read API maps it, cut to the webhook schema's fields", () => {
    const body = must(toDropShipmentCancellation(order));
    const shipping = {
      name: "James Carter",
      company: "Carter Industries",
      telephone_number: "(206) 555-1208",
      street: "121 Vine Street",
      street2: "Suite 1200",
      city: "Seattle",
      state: "WA",
      zip_code: "98121",
      country: "US",
    };
    expect(body).toEqual({
      order: {
        id: 7,
        client_identifier: "3fda4c37-6830-469f-b343-9d1a482a97fd",
        billing_address: { ...shipping, name: "Lacy Macejkovic" },
        shipping_address: shipping,
        brand: "acme",
        shipping_method: "STANDARD",
        status: "cancelled",
        price_cents: 10000,
        processing_fee_cents: 0,
        tax_cents: 1000,
        shipping_cost_cents: 500,
        shipping_tax_cents: 0,
        signature_required: true,
        packing_slip_identifier: "1497064",
        reject_reason: "",
        order_items: [
          {
            id: 70,
            client_identifier: "296f0b98-7bc5-4750-8cb9-2e36db1ff766",
            sku: "PTBQ121308",
            brand: "test_brand",
            condition: "N",
            quantity: 2,
            price_cents: 10000,
            tax_cents: 1000,
            shipping_cost_cents: 500,
            shipping_tax_cents: 0,
            status: "cancelled",
          },
        ],
        created_at: at,
        updated_at: at,
      },
    });
    expect(DropShipmentCancellation.safeParse(body).success).toBe(true);
  });

  it("is refused, naming the fields, when the order lacks what the webhook requires", () => {
    const result = toDropShipmentCancellation({ ...order, brand: null, shippingAddress: null, shippingMethod: "ground" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain("Order 7");
    for (const field of ["order.brand", "order.shipping_address", "order.shipping_method"]) expect(result.error.message).toContain(field);
  });
});

describe("drop shipment partial cancellation body", () => {
  const open: Order = {
    ...order,
    status: "shipped",
    items: order.items.map((item) => ({ ...item, status: "shipped", quantity: { ordered: 3, allocated: 0, acknowledged: 1, shipped: 1, cancelled: 2 } })),
  };

  it("names the order and each cut line with its ordered and cancelled quantities", () => {
    const body = must(toDropShipmentPartialCancellation(open, [{ orderItemId: 70, cancelledQuantity: 2 }]));
    expect(body).toEqual({
      order: {
        id: 7,
        client_identifier: "3fda4c37-6830-469f-b343-9d1a482a97fd",
        status: "shipped",
        order_items: [{ id: 70, client_identifier: "296f0b98-7bc5-4750-8cb9-2e36db1ff766", status: "shipped", quantity: 3, cancelled_quantity: 2 }],
      },
    });
    expect(DropShipmentPartialCancellation.safeParse(body).success).toBe(true);
  });

  it("is refused when a cut line has no client identifier or is not the order's", () => {
    const anonymous = { ...open, items: open.items.map((item) => ({ ...item, clientIdentifier: null })) };
    expect(toDropShipmentPartialCancellation(anonymous, [{ orderItemId: 70, cancelledQuantity: 2 }]).ok).toBe(false);
    const stranger = toDropShipmentPartialCancellation(open, [{ orderItemId: 999, cancelledQuantity: 1 }]);
    expect(stranger.ok ? "" : stranger.error.message).toContain("order.order_items.0.client_identifier");
  });
});
