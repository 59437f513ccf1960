import { Order } from "@dropgate/core-domain";
import Database from "better-sqlite3";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AT, minutesAfter, orderInput, seedClient, seedPosition } from "./seed.js";

let storage: TestStorage;
beforeEach(async () => {
  storage = await createTestStorage();
});
afterEach(() => storage.cleanup());

const unique = expect.objectContaining({ code: "SQLITE_CONSTRAINT_UNIQUE" });
const count = (table: string) => storage.db.prepare(`select count(*) from ${table}`).pluck().get();

describe("orders", () => {
  it("answers from insertOrder exactly what getOrder, findOrder and listOrders read back", () => {
    const order = storage.transaction((tx) => {
      const client = seedClient(tx, "acme");
      const positions = [seedPosition(tx, "SKU-1", 5), seedPosition(tx, "SKU-2", 5)];
      return tx.insertOrder(orderInput(client.id, "PO-1001", positions, { quantity: 2 }));
    });
    expect(Order.parse(order)).toEqual(order);
    expect(order.items).toHaveLength(2);
    expect(storage.read((r) => r.getOrder(order.id))).toEqual(order);
    expect(storage.read((r) => r.findOrder(order.clientId, "PO-1001"))).toEqual(order);
    expect(storage.read((r) => r.listOrders({ clientId: order.clientId, limit: 10 })).rows).toEqual([order]);
  });

  it("refuses a second order with the same client identifier for the same client, but not for another", () => {
    const { acme, globex, position } = storage.transaction((tx) => ({
      acme: seedClient(tx, "acme"),
      globex: seedClient(tx, "globex"),
      position: seedPosition(tx, "SKU-1", 5),
    }));
    storage.transaction((tx) => tx.insertOrder(orderInput(acme.id, "PO-1", [position])));
    const movementsBefore = count("ledger_movements");

    // The duplicate throws inside the transaction, so the movement written before it rolls back too.
    expect(() =>
      storage.transaction((tx) => {
        tx.applyMovement({ positionId: position.id, kind: "allocation", cause: { type: "order", ref: "dup" }, onHand: 0, allocated: 1, reserved: 0, at: AT });
        return tx.insertOrder(orderInput(acme.id, "PO-1", [position]));
      }),
    ).toThrow(unique);
    expect(count("orders")).toBe(1);
    expect(count("ledger_movements")).toBe(movementsBefore);
    expect(storage.read((r) => r.getPositionById(position.id))?.allocated).toBe(0);

    const other = storage.transaction((tx) => tx.insertOrder(orderInput(globex.id, "PO-1", [position])));
    expect(other.clientIdentifier).toBe("PO-1");
    expect(count("orders")).toBe(2);
  });

  it("moves the order's updatedAt when the order or one of its items changes", () => {
    const order = storage.transaction((tx) =>
      tx.insertOrder(orderInput(seedClient(tx, "acme").id, "PO-1", [seedPosition(tx, "SKU-1", 5)])),
    );
    const item = order.items[0];
    if (item === undefined) throw new Error("no item");
    storage.transaction((tx) =>
      tx.updateOrderItem(item.id, { quantity: { ...item.quantity, shipped: 1 }, status: "shipped" }, minutesAfter(10)),
    );
    const afterItem = storage.read((r) => r.getOrder(order.id));
    expect(afterItem?.updatedAt).toBe(minutesAfter(10));
    expect(afterItem?.items[0]).toMatchObject({ status: "shipped", updatedAt: minutesAfter(10), quantity: { shipped: 1 } });

    storage.transaction((tx) => tx.updateOrder(order.id, { status: "shipped" }, minutesAfter(20)));
    expect(storage.read((r) => r.getOrder(order.id))).toMatchObject({ status: "shipped", updatedAt: minutesAfter(20), createdAt: AT });
  });

  it("throws when an update names a row that does not exist", () => {
    expect(() => storage.transaction((tx) => tx.updateOrder(42, { status: "shipped" }, AT))).toThrow(/order 42 not found/);
  });
});

describe("other unique keys", () => {
  it("refuses duplicate client keys and names, positions, vendor product codes and license plates", () => {
    storage.transaction((tx) => {
      seedClient(tx, "acme");
      seedPosition(tx, "SKU-1", 0);
      tx.upsertProduct({ sku: "SKU-1", upc: null, brand: null, title: null, vendorId: "V1", vpc: "VPC-1" }, AT);
    });
    expect(() => storage.transaction((tx) => seedClient(tx, "acme"))).toThrow(unique);
    expect(() => storage.transaction((tx) => seedPosition(tx, "SKU-1", 0))).toThrow(unique);
    expect(() =>
      storage.transaction((tx) =>
        tx.upsertProduct({ sku: "SKU-2", upc: null, brand: null, title: null, vendorId: "V1", vpc: "VPC-1" }, AT),
      ),
    ).toThrow(unique);
    // Products without a vendor may share a null vpc; another vendor may reuse the code.
    storage.transaction((tx) => {
      tx.upsertProduct({ sku: "SKU-3", upc: null, brand: null, title: null, vendorId: null, vpc: null }, AT);
      tx.upsertProduct({ sku: "SKU-4", upc: null, brand: null, title: null, vendorId: null, vpc: null }, AT);
      tx.upsertProduct({ sku: "SKU-5", upc: null, brand: null, title: null, vendorId: "V2", vpc: "VPC-1" }, AT);
    });
    expect(storage.read((r) => r.findProductByVpc("V2", "VPC-1"))?.sku).toBe("SKU-5");

    const unit = {
      lp: "LP-1",
      sku: "SKU-1",
      upc: "0001",
      condition: "N" as const,
      disposition: "rts_drop_ship",
      warehouse: "EAST",
      location: "A-1",
      program: "returns",
      referenceUnitIdentifier: null,
      storeIdentifier: null,
      at: AT,
    };
    storage.transaction((tx) => tx.insertUnit(unit));
    expect(() => storage.transaction((tx) => tx.insertUnit(unit))).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_PRIMARYKEY" }),
    );
  });
});

describe("transaction()", () => {
  it("runs a nested transaction inline as a savepoint: an inner failure caught outside undoes only the inner writes", async () => {
    const names = storage.transaction((tx) => {
      seedClient(tx, "outer-before");
      expect(() =>
        storage.transaction((inner) => {
          seedClient(inner, "inner");
          throw new Error("inner fails");
        }),
      ).toThrow("inner fails");
      storage.transaction((inner) => seedClient(inner, "inner-ok"));
      seedClient(tx, "outer-after");
      return tx.listClients().map((c) => c.name);
    });
    expect(names).toEqual(["outer-before", "inner-ok", "outer-after"]);
    expect(storage.read((r) => r.listClients()).map((c) => c.name)).toEqual(names);
    await storage.durable();
    expect(storage.db.inTransaction).toBe(false);
  });

  it("refuses a body that returns a promise and rolls its writes back", () => {
    expect(() =>
      storage.transaction(async (tx) => {
        seedClient(tx, "async");
      }),
    ).toThrow(/cannot return a promise/);
    expect(count("clients")).toBe(0);
  });

  it("gives read() a deferred transaction and transaction() an immediate one, held until the batch commits", async () => {
    expect(storage.read(() => storage.db.inTransaction)).toBe(true);
    // BEGIN IMMEDIATE holds the write lock from the start: a second connection cannot write meanwhile,
    // nor after the use case returned, while its group commit is still open.
    const other = new Database(storage.path, { timeout: 0 });
    try {
      storage.transaction(() => {
        expect(() => other.exec("begin immediate")).toThrow(/locked|busy/);
      });
      expect(() => other.exec("begin immediate")).toThrow(/locked|busy/);
      await storage.durable();
      storage.read(() => {
        other.exec("begin immediate; rollback");
      });
    } finally {
      other.close();
    }
  });
});
