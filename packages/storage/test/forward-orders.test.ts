import { ForwardOrder, type ForwardOrderItem } from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AT, minutesAfter, seedClient } from "./seed.js";

let storage: TestStorage;
beforeEach(async () => {
  storage = await createTestStorage();
});
afterEach(() => storage.cleanup());

function item(identifier: string, patch: Partial<ForwardOrderItem> = {}): ForwardOrderItem {
  return {
    identifier,
    upc: `UPC-${identifier}`,
    sku: `SKU-${identifier}`,
    quantity: 1,
    trackingNumber: null,
    reverseTrackingNumber: null,
    dropshipIdentifier: null,
    shippedDate: null,
    returnPolicyEndDate: null,
    labels: [{ type: "barcode", name: "rma", value: `RMA-${identifier}` }],
    ...patch,
  };
}

describe("upsertForwardOrder", () => {
  it("keeps items an update does not name, changes the ones it names and adds new ones", () => {
    const client = storage.transaction((tx) => seedClient(tx, "retailer"));
    const created = storage.transaction((tx) =>
      tx.upsertForwardOrder({
        clientId: client.id,
        identifier: "FO-1",
        concept: "outlet",
        postalCode: "10001",
        orderedAt: AT,
        items: [item("a"), item("b")],
        at: AT,
      }),
    );
    expect(ForwardOrder.parse(created)).toEqual(created);

    const updated = storage.transaction((tx) =>
      tx.upsertForwardOrder({
        clientId: client.id,
        identifier: "FO-1",
        concept: "outlet",
        postalCode: "10002",
        orderedAt: AT,
        items: [item("b", { quantity: 3, trackingNumber: "1ZB" }), item("c")],
        at: minutesAfter(5),
      }),
    );
    expect(updated.id).toBe(created.id);
    expect(updated).toMatchObject({ postalCode: "10002", createdAt: AT, updatedAt: minutesAfter(5) });
    expect(updated.items).toEqual([item("a"), item("b", { quantity: 3, trackingNumber: "1ZB" }), item("c")]);
    expect(storage.read((r) => r.getForwardOrder(client.id, "FO-1"))).toEqual(updated);
    expect(storage.read((r) => r.listForwardOrders({ clientId: client.id, limit: 5 }))).toEqual({
      rows: [updated],
      total: 1,
      nextAfterId: null,
    });
  });

  it("keeps one identifier per client apart from another client's", () => {
    const [a, b] = storage.transaction((tx) => [seedClient(tx, "a"), seedClient(tx, "b")]);
    const input = { identifier: "FO-1", concept: null, postalCode: null, orderedAt: null, items: [item("x")], at: AT };
    const first = storage.transaction((tx) => tx.upsertForwardOrder({ ...input, clientId: a?.id ?? 0 }));
    const second = storage.transaction((tx) => tx.upsertForwardOrder({ ...input, clientId: b?.id ?? 0 }));
    expect(second.id).not.toBe(first.id);
  });
});
