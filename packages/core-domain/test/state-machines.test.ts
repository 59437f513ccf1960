import { describe, expect, it } from "vitest";
import {
  canTransition,
  deliveryMachine,
  orderItemMachine,
  orderMachine,
  purchaseOrderMachine,
  type StateMachine,
  transition,
} from "@dropgate/core-domain";

const machines: StateMachine<string>[] = [orderMachine, orderItemMachine, purchaseOrderMachine, deliveryMachine];

describe("state machines", () => {
  for (const machine of machines) {
    const states = Object.keys(machine.table);
    it(`${machine.name}: every pair is either allowed by the table or refused with ILLEGAL_TRANSITION`, () => {
      for (const from of states) {
        for (const to of states) {
          const result = transition(machine, from, to);
          const allowed = (machine.table[from] ?? []).includes(to);
          expect(canTransition(machine, from, to)).toBe(allowed);
          if (allowed) expect(result).toEqual({ ok: true, value: to });
          else {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe("ILLEGAL_TRANSITION");
          }
        }
      }
    });
  }

  it("order: the lifecycle of ARCHITECTURE.md", () => {
    expect(canTransition(orderMachine, "pending_payment", "accepted")).toBe(true);
    expect(canTransition(orderMachine, "pending_payment", "cancelled")).toBe(true);
    expect(canTransition(orderMachine, "accepted", "partially_shipped")).toBe(true);
    expect(canTransition(orderMachine, "partially_shipped", "shipped")).toBe(true);
    expect(canTransition(orderMachine, "rejected", "accepted")).toBe(false);
    expect(canTransition(orderMachine, "shipped", "cancelled")).toBe(false);
    expect(canTransition(orderMachine, "cancelled", "accepted")).toBe(false);
  });

  it("purchase order: ready → submitted → accepted → complete, never back", () => {
    expect(canTransition(purchaseOrderMachine, "ready", "submitted")).toBe(true);
    expect(canTransition(purchaseOrderMachine, "ready", "complete")).toBe(false);
    expect(canTransition(purchaseOrderMachine, "submitted", "complete")).toBe(true);
    expect(canTransition(purchaseOrderMachine, "complete", "cancelled")).toBe(false);
  });
});
