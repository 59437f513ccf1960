import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deriveItemStatus, deriveOrderStatus, type LineQuantities } from "@dropgate/core-domain";

const q = (ordered: number, shipped: number, cancelled: number): LineQuantities => ({
  ordered,
  allocated: ordered - shipped - cancelled,
  acknowledged: 0,
  shipped,
  cancelled,
});

describe("statuses derived from line quantities", () => {
  it("a line is shipped, partially shipped, cancelled or accepted by its quantities", () => {
    expect(deriveItemStatus(q(3, 0, 0))).toBe("accepted");
    expect(deriveItemStatus(q(3, 1, 0))).toBe("partially_shipped");
    expect(deriveItemStatus(q(3, 2, 1))).toBe("shipped");
    expect(deriveItemStatus(q(3, 0, 3))).toBe("cancelled");
  });

  it("an order is shipped when every live line is done and something shipped", () => {
    const line = (quantity: LineQuantities) => ({ quantity, status: deriveItemStatus(quantity) });
    expect(deriveOrderStatus([line(q(2, 2, 0)), line(q(1, 0, 1))])).toBe("shipped");
    expect(deriveOrderStatus([line(q(2, 1, 0)), line(q(1, 0, 0))])).toBe("partially_shipped");
    expect(deriveOrderStatus([line(q(2, 0, 2))])).toBe("cancelled");
    expect(deriveOrderStatus([line(q(2, 0, 1))])).toBe("accepted");
  });

  it("for any quantities, a derived order status is one the line statuses agree with", () => {
    const lineArb = fc
      .tuple(fc.integer({ min: 1, max: 20 }), fc.nat(20), fc.nat(20))
      .map(([ordered, s, c]) => {
        const shipped = Math.min(s, ordered);
        return q(ordered, shipped, Math.min(c, ordered - shipped));
      });
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 6 }), (lines) => {
        const items = lines.map((quantity) => ({ quantity, status: deriveItemStatus(quantity) }));
        const status = deriveOrderStatus(items);
        const statuses = items.map((i) => i.status);
        if (status === "shipped") expect(statuses.every((s) => s === "shipped" || s === "cancelled")).toBe(true);
        if (status === "cancelled") expect(statuses.every((s) => s === "cancelled")).toBe(true);
        if (status === "accepted") expect(statuses.some((s) => s === "accepted")).toBe(true);
        if (status === "partially_shipped") expect(statuses.some((s) => s !== "cancelled" && s !== "shipped")).toBe(true);
      }),
    );
  });
});
