import { availableOf } from "@dropgate/core-domain";
import type { BatchOrdersAnswer, OrderEnvelope, OrderRequest } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { fixture, type OptoroWorld, sampleOrder, startOptoro } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

function available(sku: string): number {
  const position = world.gateway.store.read((r) => r.getPosition({ sku, condition: "N", channel: "rts_drop_ship" }));
  return position ? availableOf(position) : 0;
}

describe("POST /batch/orders", () => {
  it("creates the spec's sample batch, then reports the same order as already existing", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 5 });
    const body = fixture<{ orders: OrderRequest[] }>("batch-orders.request.json");
    const first = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body });
    expect([first.status, first.body]).toEqual([200, fixture("batch-orders-created.response.json")]);
    const again = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body });
    expect([again.status, again.body]).toEqual([200, fixture("batch-orders-already-exists.response.json")]);
    expect(available("PTBQ121308")).toBe(4);
  });

  it("places each order on its own: created, rejected, invalid and duplicate side by side, in order", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 3 });
    const { brand: _brand, ...noBrand } = sampleOrder("B-3");
    const body = {
      orders: [
        sampleOrder("B-1", [{ sku: "PTBQ121308", quantity: 2 }]),
        sampleOrder("B-2", [{ sku: "PTBQ121308", quantity: 2 }]),
        noBrand,
        sampleOrder("B-1", [{ sku: "PTBQ121308", quantity: 1 }]),
        "not an order",
        sampleOrder("B-7", [{ sku: "PTBQ121308", quantity: 1 }]),
      ],
    };
    const answer = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { client_identifier: "B-1", status: "created", message: null },
      { client_identifier: "B-2", status: "created", message: "rejected: Insufficient Quantity for: B-2-1 - PTBQ121308(N)" },
      { client_identifier: "B-3", status: "invalid", message: "root is missing required keys: brand." },
      { client_identifier: "B-1", status: "invalid", message: "Order with identifier B-1 already exists. Order is in status 'accepted'." },
      { status: "invalid", message: "Validation failed: orders.4 must be an object." },
      { client_identifier: "B-7", status: "created", message: null },
    ]);
    expect(available("PTBQ121308")).toBe(0);
    const rejected = await buyer.call<OrderEnvelope>("GET", "/orders/B-2");
    expect(rejected.body.order.status).toBe("rejected");
    expect(world.gateway.store.read((r) => r.checkInvariants())).toEqual([]);
  });

  it("answers 413 with Optoro's message for more than 25 orders, and takes exactly 25", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 100 });
    const orders = Array.from({ length: 26 }, (_, i) => sampleOrder(`T-${i}`));
    const tooMany = await buyer.call("POST", "/batch/orders", { body: { orders } });
    expect([tooMany.status, tooMany.body]).toEqual([413, fixture("batch-orders-too-large.response.json")]);
    expect(world.gateway.store.read((r) => r.counts().orders)).toBe(0);
    const most = await buyer.call<BatchOrdersAnswer>("POST", "/batch/orders", { body: { orders: orders.slice(0, 25) } });
    expect(most.status).toBe(200);
    expect(most.body.map((r) => r.status)).toEqual(Array(25).fill("created"));
  });

  it("answers 400 naming orders when the body has no orders array", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    for (const [body, message] of [
      [{}, "param is missing or the value is empty: orders"],
      [undefined, "param is missing or the value is empty: orders"],
      [{ orders: { client_identifier: "x" } }, "Invalid orders: expected an array of orders"],
      [[sampleOrder("A")], "param is missing or the value is empty: orders"],
    ] as const) {
      const answer = await buyer.call("POST", "/batch/orders", { body });
      expect([answer.status, answer.body]).toEqual([400, { message }]);
    }
  });
});
