import {
  Carrier,
  CreateClientInput,
  CreateUnitInput,
  ListingCondition,
  Product,
  SetStockInput,
  ShipClass,
  WebhookAuth,
  WebhookEventType,
} from "@dropgate/core-domain";
import { z } from "zod";

/** A webhook subscription in a world file; the client is named, not numbered. */
export const WorldSubscription = z.object({
  client: z.string().min(1),
  url: z.url(),
  auth: WebhookAuth.default({ kind: "none" }),
  eventTypes: z.array(WebhookEventType).min(1).default(["disposition_update"]),
});

/**
 * A world file: everything needed to bring a database to a known state. Loading is idempotent
 * by name, sku, license plate and subscription URL, so loading the same file twice changes nothing.
 */
export const WorldFile = z
  .object({
    /** Partners; `ecreditCents` and `autoConfirm` are a buyer's settings. */
    clients: z.array(CreateClientInput).default([]),
    products: z.array(Product).default([]),
    /** Absolute on-hand quantities; a lot is `kind: "lot"` with `onHand` 0 or 1 and its `lot` details. */
    stock: z.array(SetStockInput).default([]),
    /** Operator-held units; each one in a listing condition adds one to its position. */
    units: z.array(CreateUnitInput).default([]),
    shipClasses: z.array(ShipClass).default([]),
    carriers: z.array(Carrier).default([]),
    subscriptions: z.array(WorldSubscription).default([]),
  })
  .superRefine((world, ctx) => {
    for (const name of duplicates(world.clients.map((c) => c.name))) {
      ctx.addIssue({ code: "custom", path: ["clients"], message: `client ${name} is listed twice` });
    }
    for (const lp of duplicates(world.units.map((u) => u.lp))) {
      ctx.addIssue({ code: "custom", path: ["units"], message: `unit ${lp} is listed twice` });
    }
    // Stock rows are absolute and units add one each: feeding one position from both would make
    // a second load reset what the units added, so a world must pick one for each position.
    const stocked = new Set(world.stock.map((s) => positionKey(s.sku, s.condition, s.channel)));
    for (const [index, unit] of world.units.entries()) {
      const condition = ListingCondition.safeParse(unit.condition);
      if (condition.success && stocked.has(positionKey(unit.sku, condition.data, unit.disposition))) {
        ctx.addIssue({
          code: "custom",
          path: ["units", index],
          message: `unit ${unit.lp} feeds a position that a stock row also sets; list that position in one of them`,
        });
      }
    }
  });
export type WorldFile = z.infer<typeof WorldFile>;
export type WorldFileInput = z.input<typeof WorldFile>;

function positionKey(sku: string, condition: string, channel: string): string {
  return `${sku}\u0000${condition}\u0000${channel}`;
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) twice.add(value);
    seen.add(value);
  }
  return [...twice];
}
