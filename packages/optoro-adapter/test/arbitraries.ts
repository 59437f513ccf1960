import type { Order, StockPosition } from "@dropgate/core-domain";
import type { OrderRequest } from "@dropgate/optoro-adapter";
import fc from "fast-check";

/** Text a buyer's system would send: printable, not blank. */
export const text = (max: number) => fc.stringMatching(new RegExp(`^[A-Za-z0-9][A-Za-z0-9 .,'#-]{0,${max - 1}}$`));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const cents = fc.integer({ min: 0, max: 10_000_000 });
const condition = fc.constantFrom("N" as const, "A" as const, "B" as const, "R" as const);
const timestamp = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((ms) => new Date(ms).toISOString());

/** Drops keys whose value is undefined, as JSON would. */
export function defined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export const shippingAddress = fc
  .record({
    name: text(40),
    company: optional(text(40)),
    telephone_number: text(20),
    street: text(60),
    street2: optional(text(30)),
    city: text(30),
    state: text(10),
    zip_code: text(10),
    country: optional(text(2)),
    loading_dock: optional(fc.boolean()),
  })
  .map(defined);

export const orderItem = fc
  .record({
    client_identifier: optional(text(36)),
    sku: text(20),
    brand: optional(text(20)),
    condition,
    quantity: fc.integer({ min: 1, max: 50 }),
    price_cents: optional(cents),
    tax_cents: optional(cents),
    shipping_cost_cents: optional(cents),
    shipping_tax_cents: optional(cents),
    comments: optional(text(40)),
  })
  .map(defined);

/** A valid order-2 as a buyer sends it. */
export const orderRequest: fc.Arbitrary<OrderRequest> = fc
  .record({
    client_identifier: text(36),
    channel: fc.constantFrom("rts_drop_ship", "b2b", "outlets"),
    billing_address: shippingAddress.map(({ loading_dock: _dock, ...billing }) => billing),
    shipping_address: shippingAddress,
    brand: text(20),
    shipping_method: fc.constantFrom("STANDARD" as const, "EXPRESS" as const, "OVERNIGHT" as const, "FREIGHT" as const, "PICK-UP" as const),
    price_cents: cents,
    processing_fee_cents: optional(cents),
    tax_cents: cents,
    shipping_cost_cents: cents,
    shipping_tax_cents: cents,
    comments: optional(text(40)),
    expected_delivery_date: optional(
      fc.date({ min: new Date("2024-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
    signature_required: optional(fc.boolean()),
    packing_slip_identifier: optional(text(20)),
    order_items: fc.array(orderItem, { minLength: 1, maxLength: 8 }),
  })
  .map(defined);

const manifestItem = fc.record({
  identifier: text(20),
  itemTitle: text(40),
  condition: fc.option(text(10), { nil: null }),
  manufacturer: fc.option(text(20), { nil: null }),
  upc: fc.stringMatching(/^[0-9]{12}$/),
  sku: text(20),
});

/** A stock position as storage answers it, unit or lot, with consistent buckets. */
export const stockPosition: fc.Arbitrary<StockPosition> = fc
  .record({
    id: fc.integer({ min: 1, max: 1_000_000 }),
    sku: text(20),
    condition,
    channel: fc.constantFrom("rts_drop_ship", "b2b"),
    kind: fc.constantFrom("unit" as const, "lot" as const),
    onHand: fc.integer({ min: 0, max: 500 }),
    allocatedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    reservedShare: fc.double({ min: 0, max: 1, noNaN: true }),
    priceCents: fc.option(cents, { nil: null }),
    lot: fc.record({
      warehouseName: fc.option(text(20), { nil: null }),
      templateName: text(20),
      photoUrls: fc.array(text(30), { maxLength: 3 }),
      weight: fc.double({ min: 0, max: 5000, noNaN: true }),
      manifestItems: fc.array(manifestItem, { maxLength: 4 }),
    }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .map(({ allocatedShare, reservedShare, lot, ...p }) => {
    const onHand = p.kind === "lot" ? Math.min(p.onHand, 1) : p.onHand;
    const allocated = Math.floor(onHand * allocatedShare);
    const reserved = Math.floor((onHand - allocated) * reservedShare);
    return { ...p, onHand, allocated, reserved, lot: p.kind === "lot" ? lot : null };
  });

/** A stored order as storage answers it, some optional fields null. */
export const storedOrder: fc.Arbitrary<Order> = fc
  .record({
    order: orderRequest,
    id: fc.integer({ min: 1, max: 1_000_000 }),
    status: fc.constantFrom("pending_payment" as const, "accepted" as const, "rejected" as const, "cancelled" as const, "shipped" as const),
    at: timestamp,
  })
  .map(({ order, id, status, at }) => ({
    id,
    clientId: 1,
    clientIdentifier: order.client_identifier,
    channel: order.channel,
    status,
    paymentRequired: false,
    billingAddress: {
      name: order.billing_address.name,
      company: order.billing_address.company ?? null,
      telephoneNumber: order.billing_address.telephone_number,
      street: order.billing_address.street,
      street2: null,
      city: order.billing_address.city,
      state: order.billing_address.state,
      zipCode: order.billing_address.zip_code,
      country: null,
      loadingDock: null,
    },
    shippingAddress: null,
    brand: order.brand,
    shippingMethod: order.shipping_method,
    carrierId: null,
    priceCents: order.price_cents,
    processingFeeCents: order.processing_fee_cents ?? 0,
    taxCents: order.tax_cents,
    shippingCostCents: order.shipping_cost_cents,
    shippingTaxCents: order.shipping_tax_cents,
    comments: order.comments ?? null,
    expectedDeliveryDate: order.expected_delivery_date ?? null,
    signatureRequired: order.signature_required ?? null,
    packingSlipIdentifier: order.packing_slip_identifier ?? null,
    shortages:
      status === "rejected"
        ? order.order_items.map((item, index) => ({
            itemClientIdentifier: index % 2 === 0 ? (item.client_identifier ?? null) : null,
            sku: item.sku,
            condition: item.condition,
            requested: item.quantity,
            available: 0,
          }))
        : [],
    rejectReason: null,
    attributes: {},
    items: order.order_items.map((item, index) => ({
      id: id * 1000 + index,
      orderId: id,
      clientIdentifier: item.client_identifier ?? null,
      positionId: null,
      sku: item.sku,
      condition: item.condition,
      brand: item.brand ?? null,
      vendorId: null,
      quantity: { ordered: item.quantity, allocated: 0, acknowledged: 0, shipped: 0, cancelled: 0 },
      priceCents: item.price_cents ?? 0,
      taxCents: item.tax_cents ?? 0,
      shippingCostCents: item.shipping_cost_cents ?? 0,
      shippingTaxCents: item.shipping_tax_cents ?? 0,
      comments: item.comments ?? null,
      status: "accepted" as const,
      createdAt: at,
      updatedAt: at,
    })),
    createdAt: at,
    updatedAt: at,
  }));
