import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validateInput } from "../src/index.js";

describe("one zod → VALIDATION helper", () => {
  it("names the dotted field and words the message `<field>: <message>`, under a prefix when given", () => {
    const schema = z.object({ items: z.array(z.object({ quantity: z.int().min(1) })) });
    const bad = validateInput(schema, { items: [{ quantity: 1 }, { quantity: 0 }] });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe("VALIDATION");
    expect(bad.error.field).toBe("items.1.quantity");
    expect(bad.error.message).toMatch(/^items\.1\.quantity: /);
    const row = validateInput(schema, { items: "x" }, "7");
    expect(row.ok ? null : row.error.field).toBe("7.items");
    expect(validateInput(schema, { items: [] })).toEqual({ ok: true, value: { items: [] } });
  });

});
