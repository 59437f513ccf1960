import { availableOf, StockPosition } from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AT, minutesAfter, seedPosition } from "./seed.js";

let storage: TestStorage;
beforeEach(async () => {
  storage = await createTestStorage();
});
afterEach(() => storage.cleanup());

const cause = { type: "test", ref: "1" };
const ledgerRows = () => storage.db.prepare("select count(*) from ledger_movements").pluck().get();

describe("insertPosition", () => {
  it("creates a valid position at zero whose (empty) ledger agrees", () => {
    const position = storage.transaction((tx) =>
      tx.insertPosition({ sku: "LOT-1", condition: "A", channel: "b2b", kind: "lot", priceCents: 50_000, at: AT, lot: {
        warehouseName: "East",
        templateName: "pallet",
        photoUrls: [],
        weight: 120.5,
        manifestItems: [],
      } }),
    );
    expect(StockPosition.parse(position)).toEqual(position);
    expect(position).toMatchObject({ onHand: 0, allocated: 0, reserved: 0 });
    expect(storage.read((r) => r.getPositionById(position.id))).toEqual(position);
    expect(storage.read((r) => r.checkInvariants())).toEqual([]);
  });
});

describe("applyMovement", () => {
  it("applies deltas, writes one ledger row and moves updated_at on every movement", () => {
    const position = storage.transaction((tx) => seedPosition(tx, "SKU-1", 5));
    const applied = storage.transaction((tx) =>
      tx.applyMovement({ positionId: position.id, kind: "allocation", cause, onHand: 0, allocated: 2, reserved: 1, at: minutesAfter(5) }),
    );
    expect(applied).toBe(true);
    const after = storage.read((r) => r.getPositionById(position.id));
    expect(after).toMatchObject({ onHand: 5, allocated: 2, reserved: 1, updatedAt: minutesAfter(5), createdAt: AT });
    expect(after && availableOf(after)).toBe(2);
    const movements = storage.read((r) => r.listMovements(position.id, { limit: 10 }));
    expect(movements.total).toBe(2);
    expect(movements.rows[1]).toMatchObject({ kind: "allocation", cause, onHand: 0, allocated: 2, reserved: 1, at: minutesAfter(5) });
    expect(storage.read((r) => r.checkInvariants())).toEqual([]);
  });

  it.each([
    ["more allocated than available", { onHand: 0, allocated: 6, reserved: 0 }],
    ["more reserved than available", { onHand: 0, allocated: 0, reserved: 6 }],
    ["on hand below what is committed", { onHand: -5, allocated: 0, reserved: 0 }],
    ["a negative allocated bucket", { onHand: 0, allocated: -3, reserved: 0 }],
    ["on hand below zero", { onHand: -6, allocated: 0, reserved: 0 }],
  ])("refuses %s and writes nothing", (_name, deltas) => {
    const position = storage.transaction((tx) => {
      const p = seedPosition(tx, "SKU-1", 5);
      tx.applyMovement({ positionId: p.id, kind: "allocation", cause, onHand: 0, allocated: 2, reserved: 0, at: AT });
      return p;
    });
    const before = storage.read((r) => r.getPositionById(position.id));
    const movementsBefore = ledgerRows();
    // From 5 on hand with 2 allocated: available 3.
    const applied = storage.transaction((tx) =>
      tx.applyMovement({ positionId: position.id, kind: "adjustment", cause, ...deltas, at: minutesAfter(1) }),
    );
    expect(applied).toBe(false);
    expect(storage.read((r) => r.getPositionById(position.id))).toEqual(before);
    expect(ledgerRows()).toBe(movementsBefore);
  });

  it("takes exactly the available quantity, then refuses one more", () => {
    const position = storage.transaction((tx) => seedPosition(tx, "SKU-1", 3));
    const take = (n: number) =>
      storage.transaction((tx) => tx.applyMovement({ positionId: position.id, kind: "allocation", cause, onHand: 0, allocated: n, reserved: 0, at: AT }));
    expect(take(3)).toBe(true);
    expect(take(1)).toBe(false);
  });

  it("throws for a position that does not exist (a caller bug, not a shortage)", () => {
    expect(() =>
      storage.transaction((tx) => tx.applyMovement({ positionId: 999, kind: "advice", cause, onHand: 1, allocated: 0, reserved: 0, at: AT })),
    ).toThrow(/stock position 999 not found/);
  });
});

describe("CHECK constraints, the last line of defence", () => {
  it("rejects a raw UPDATE that would make available negative, even when code skips the guard", () => {
    const position = storage.transaction((tx) => seedPosition(tx, "SKU-1", 5));
    const oversell = storage.db.prepare("update stock_positions set allocated = allocated + 6 where id = ?");
    expect(() => oversell.run(position.id)).toThrow(expect.objectContaining({ code: "SQLITE_CONSTRAINT_CHECK" }));
    expect(() => storage.db.prepare("update stock_positions set reserved = -1 where id = ?").run(position.id)).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_CHECK" }),
    );
    expect(storage.read((r) => r.getPositionById(position.id))).toMatchObject({ onHand: 5, allocated: 0, reserved: 0 });
  });

  it("rejects order lines that ship and cancel more than was ordered, and negative reservations", () => {
    const db = storage.db;
    storage.transaction((tx) => {
      const c = tx.insertClient({ name: "c", dialect: "optoro", scope: "buyer", vendorId: null, key: "k", secretHash: "h", ecreditCents: 0, autoConfirm: false, at: AT });
      const p = seedPosition(tx, "SKU-1", 5);
      tx.setReservation(c.id, p.id, 1, AT);
    });
    db.prepare(
      `insert into orders (client_id, client_identifier, channel, status, payment_required, created_at, updated_at)
       values (1, 'o-1', 'rts_drop_ship', 'accepted', 0, ?, ?)`,
    ).run(AT, AT);
    const line = db.prepare(
      `insert into order_items (order_id, sku, condition, qty_ordered, qty_shipped, qty_cancelled, status, created_at, updated_at)
       values (1, 'SKU-1', 'N', 2, ?, ?, 'accepted', ?, ?)`,
    );
    expect(() => line.run(2, 1, AT, AT)).toThrow(expect.objectContaining({ code: "SQLITE_CONSTRAINT_CHECK" }));
    expect(() => line.run(-1, 0, AT, AT)).toThrow(expect.objectContaining({ code: "SQLITE_CONSTRAINT_CHECK" }));
    expect(line.run(1, 1, AT, AT).changes).toBe(1);
    expect(() => db.prepare("update reservations set locked = -1").run()).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_CHECK" }),
    );
    expect(() => db.prepare("update stock_positions set kind = 'pallet'").run()).toThrow(
      expect.objectContaining({ code: "SQLITE_CONSTRAINT_CHECK" }),
    );
  });

  it("keeps the ledger append-only", () => {
    storage.transaction((tx) => seedPosition(tx, "SKU-1", 5));
    expect(() => storage.db.prepare("update ledger_movements set delta_on_hand = 50").run()).toThrow(/append-only/);
    expect(() => storage.db.prepare("delete from ledger_movements").run()).toThrow(/append-only/);
  });
});

describe("checkInvariants", () => {
  it("finds exactly the position tampered with raw SQL", () => {
    const [, tampered] = storage.transaction((tx) => [seedPosition(tx, "SKU-1", 5), seedPosition(tx, "SKU-2", 7)]);
    expect(storage.read((r) => r.checkInvariants())).toEqual([]);
    storage.db.prepare("update stock_positions set on_hand = on_hand + 3 where id = ?").run(tampered?.id);
    expect(storage.read((r) => r.checkInvariants())).toEqual([
      { positionId: tampered?.id, problem: "on_hand is 10 but its ledger sums to 7" },
    ]);
  });

  it("flags a position with quantities but no movement at all", () => {
    const position = storage.transaction((tx) => seedPosition(tx, "SKU-1", 0));
    storage.db.prepare("update stock_positions set on_hand = 2, reserved = 1 where id = ?").run(position.id);
    expect(storage.read((r) => r.checkInvariants())).toEqual([
      {
        positionId: position.id,
        problem: "on_hand is 2 but its ledger sums to 0; reserved is 1 but its ledger sums to 0",
      },
    ]);
  });
});
