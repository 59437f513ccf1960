import { createClient, placeOrder, type PurchaseOrder, type UseCaseContext } from "@dropgate/core-domain";
import { unwrap } from "./retailops-world.js";

let sequence = 0;
const address = { name: "Jane Doe", telephoneNumber: "555-0100", street: "1 Main St", city: "Arlington", state: "VA", zipCode: "22201", country: "US" };

/** A buyer (Optoro) for seeding orders through the use case. */
export function seedBuyer(ctx: UseCaseContext, name = "buyer"): number {
  return unwrap(createClient(ctx, { name, dialect: "optoro", scope: "buyer" })).client.id;
}

/** An accepted order of vendor-managed lines; answers the PO raised for `vendorId`. */
export function orderWithPo(ctx: UseCaseContext, buyerId: number, lines: [sku: string, quantity: number][], vendorId = "27"): PurchaseOrder {
  sequence += 1;
  const outcome = unwrap(
    placeOrder(ctx, {
      clientId: buyerId,
      clientIdentifier: `ORDER-${sequence}`,
      channel: "rts_drop_ship",
      fill: "all_or_nothing",
      payment: "none",
      brand: "acme",
      shippingMethod: "STANDARD",
      billingAddress: address,
      shippingAddress: address,
      items: lines.map(([sku, quantity], i) => ({ ref: { sku, condition: "N" as const }, quantity, clientIdentifier: `L${i + 1}`, priceCents: 2_000 * quantity })),
    }),
  );
  const po = ctx.store.read((r) => r.listPurchaseOrders({ orderId: outcome.order.id, vendorId, limit: 1 })).rows[0];
  if (po === undefined) throw new Error("no PO was raised");
  return po;
}
