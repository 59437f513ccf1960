import { type Format, GhostApiError, GhostClient } from "@dropgate/ghost-adapter";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { RESTFUL, type RewixWorld, startRewix } from "./support/rewix-world.js";

let world: RewixWorld;
beforeEach(async () => {
  world = await startRewix();
  world.carriers();
});
afterEach(() => world.close());

describe.each(["xml", "json"] as Format[])("the typed client in %s", (format) => {
  it("walks a reseller's day: catalogue, carriers, reserve, send order, status", async () => {
    const a = world.stock({ sku: "CLIENT-A", onHand: 8, priceCents: 1_999 });
    const reseller = world.reseller("typed", { autoConfirm: true });
    const client = new GhostClient({ baseUrl: `${world.gateway.baseUrl}${RESTFUL}`, apiKey: reseller.key, password: reseller.secret, format });

    const page = await client.products({ pageSize: 10 });
    expect(page.pageItems[0]).toMatchObject({ code: "CLIENT-A", taxable: 19.99, models: [{ id: a.id, availability: 8, barcode: null }] });
    expect(await client.carriers()).toEqual([{ id: 10, name: "DHL", cost: 14.9 }, { id: 20, name: "UPS", cost: 9.9 }]);

    const reserved = await client.reserve({ operations: [{ type: "lock", models: [{ stock_id: a.id, quantity: 3 }] }, { type: "unlock", models: [] }] });
    expect(reserved).toEqual({ order_id: 0, models: [{ stock_id: a.id, locked: 3, available: 5 }] });
    expect(await client.reservation()).toEqual(reserved);

    const sent = await client.sendOrder({
      order_list: [
        {
          key: `typed-${format}`,
          date: "2026/11/30 10:00:00 +0000",
          carrierId: 20,
          recipient_details: { recipient: "ACME srl", address: { street_name: "Roma", address_number: "1", zip: "10100", city: "TORINO", countrycode: "IT" }, phone: { prefix: "+39", number: "011" } },
          item_list: [{ stock_id: a.id, quantity: 2 }],
          autoConfirm: true,
        },
      ],
    });
    expect(sent.models).toEqual([{ stock_id: a.id, locked: 1, available: 5 }]);
    const byKey = await client.orderStatusByKey(`typed-${format}`);
    expect(byKey.orders[0]).toMatchObject({ order_id: sent.order_id, ext_ref: `typed-${format}`, status: 2, carrier_name: "UPS" });
    expect((await client.orderStatusById(sent.order_id)).orders[0]?.order_id).toBe(sent.order_id);

    const missing = await client.orderStatusByKey("nope").catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(GhostApiError);
    expect(missing).toMatchObject({ status: 404 });
    const bad = await client.reserve({ operations: [{ type: "lock", models: [{ stock_id: 999_999, quantity: 1 }] }] }).catch((error: unknown) => error);
    expect(bad).toMatchObject({ status: 429, field: "operations.0.models.0.stock_id" });
  });
});
