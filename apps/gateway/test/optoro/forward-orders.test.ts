import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Buyer, FORWARD_ORDERS, fixture, type OptoroWorld, startOptoro } from "./support/optoro-world.js";

/*
 * Forward Orders 1.0.0 over HTTP, as a retailer's feed built from Optoro's documents sends it:
 * a bearer token from the Optoro OAuth endpoint issued to a forward-order sender, the spec's
 * sample payload, every answer checked against the generated OpenAPI document.
 */

type Batch = { orders: Record<string, unknown>[] };

let world: OptoroWorld;
let sender: Buyer;
beforeEach(async () => {
  world = await startOptoro();
  sender = await world.buyer("retailer", { scope: "forward_order_sender" });
});
afterEach(async () => {
  await world.close();
});

/** POSTs a batch as `who` (the sender unless told); the answer is contract-checked. */
function post(body: unknown, who: { token: string } | null = sender) {
  return world.api.fetchJson(`${FORWARD_ORDERS}/forward_orders`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(who === null ? {} : { authorization: `Bearer ${who.token}` }) },
    body,
  });
}

const stored = (identifier: string) => world.gateway.store.read((r) => r.getForwardOrder(sender.clientId, identifier));
const storedCount = () => world.gateway.store.read((r) => r.listForwardOrders({ limit: 1 }).total);
const sample = () => fixture<Batch>("forward-orders.request.json");

describe("POST /optoro/orders/forward_orders", () => {
  it("stores the spec's sample order and answers 200 Success", async () => {
    const answer = await post(sample());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ message: "Success" });
    expect(stored("1193Z93LL")).toMatchObject({
      clientId: sender.clientId,
      concept: "Best Brand",
      postalCode: "55127",
      orderedAt: "2023-09-11T00:00:00.000Z",
      items: [
        {
          identifier: "f34d97a7-f175-4a52-9e94-405631adbb3e4",
          upc: "848709033673",
          sku: "0123445667A",
          quantity: 2,
          trackingNumber: "1Z999AA10123456784",
          reverseTrackingNumber: "2396343519220426000",
          dropshipIdentifier: "1872",
          shippedDate: "2023-08-20T04:00:00.000Z",
          returnPolicyEndDate: "2023-08-15T04:00:00.000Z",
          labels: [{ type: "barcode", name: "title", value: "10231030023" }],
        },
      ],
    });
  });

  it("updates by identifier: changed fields change, a new item is added, nothing is deleted", async () => {
    expect((await post(sample())).status).toBe(200);
    const update = {
      orders: [
        {
          identifier: "1193Z93LL",
          postal_code: "55128",
          // The spec's zone-less form is UTC.
          created_at: "2023-09-12T08:30:00",
          items: [{ identifier: "item-2", upc: "012345678905", sku: "ACME-ABC123", quantity: 1, tracking_number: "1Z999AA10123456785" }],
        },
      ],
    };
    expect((await post(update)).status).toBe(200);
    const order = stored("1193Z93LL");
    expect(order).toMatchObject({ concept: "Best Brand", postalCode: "55128", orderedAt: "2023-09-12T08:30:00.000Z" });
    expect(order?.items.map((i) => [i.identifier, i.sku, i.quantity, i.trackingNumber])).toEqual([
      ["f34d97a7-f175-4a52-9e94-405631adbb3e4", "0123445667A", 2, "1Z999AA10123456784"],
      ["item-2", "ACME-ABC123", 1, "1Z999AA10123456785"],
    ]);
    expect(storedCount()).toBe(1);
  });

  it("answers 422 listing the errors of two orders of the batch, with their paths, and stores nothing", async () => {
    const good = sample().orders[0]!;
    const batch = {
      orders: [
        { ...good, identifier: "OK-1" },
        {
          identifier: "BAD-1",
          items: [{ identifier: "i1", upc: "848709033673", quantity: 1 }, { identifier: "i2", upc: 848709033673, sku: "S", quantity: 0 }],
        },
        { identifier: "BAD-2", created_at: "last tuesday", items: [{ identifier: "i1", upc: "1", sku: "S", quantity: 1, labels: [{ type: "qr", name: "n", value: "v" }] }] },
      ],
    };
    const answer = await post(batch);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      message: "Validation Failed",
      errors: [
        { field: "orders/1/items/0/sku", code: "missing_field" },
        { field: "orders/1/items/1/upc", code: "invalid_type" },
        { field: "orders/1/items/1/quantity", code: "invalid" },
        { field: "orders/2/created_at", code: "invalid_format" },
        { field: "orders/2/items/0/labels/0/type", code: "invalid" },
      ],
    });
    // One transaction: the valid order of the batch is not stored either.
    expect(storedCount()).toBe(0);
  });

  it("refuses an item identifier repeated within an order, storing nothing of the batch", async () => {
    const order = sample().orders[0] as { identifier: string; items: Record<string, unknown>[] };
    const item = order.items[0] as Record<string, unknown>;
    const batch = {
      orders: [{ ...order, identifier: "FO-2" }, { ...order, items: [item, { ...item, sku: "OTHER-SKU" }] }],
    };
    const answer = await post(batch);
    expect(answer.status).toBe(422);
    expect(answer.body).toEqual({
      message: "Validation Failed",
      errors: [{ field: "orders/1/items/1/identifier", code: "invalid" }],
    });
    expect(storedCount()).toBe(0);
  });

  it("answers 401 with an empty body for a missing, unknown or foreign token", async () => {
    const buyer = await world.buyer("a-buyer");
    for (const who of [null, { token: "not-a-token" }, buyer]) {
      const answer = await post(sample(), who);
      expect(answer.status).toBe(401);
      expect(answer.text).toBe("");
      expect(answer.headers.get("content-type")).toBeNull();
    }
    expect(storedCount()).toBe(0);
  });

  it("answers 401 with an empty body once the token has expired", async () => {
    let now = new Date();
    await world.close();
    world = await startOptoro({ now: () => now });
    sender = await world.buyer("retailer", { scope: "forward_order_sender" });
    expect((await post(sample())).status).toBe(200);
    now = new Date(now.getTime() + 90_001_000);
    const answer = await post(sample());
    expect(answer.status).toBe(401);
    expect(answer.text).toBe("");
  });

  it("answers 400 for a body that is not JSON or has no orders array; 413 over 256 KiB", async () => {
    for (const body of ["{not json", JSON.stringify({ order: [] }), JSON.stringify({ orders: {} }), JSON.stringify([1])]) {
      const answer = await post(body, sender);
      expect(answer.status, body).toBe(400);
      expect(answer.body).toMatchObject({ message: expect.any(String) });
    }
    const huge = { orders: [{ ...sample().orders[0], concept: "x".repeat(256 * 1024) }] };
    const tooLarge = await post(huge);
    expect(tooLarge.status).toBe(413);
    expect(storedCount()).toBe(0);
  });
});
