import { ListingShowQuery, ListingsQuery, OrdersQuery, ShipmentsQuery, VersionHeaders } from "@dropgate/optoro-adapter";
import { describe, expect, it } from "vitest";
import type { z } from "zod";

function messageOf(schema: z.ZodType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
}

const base = { updated_at: "2026-01-01T00:00:00", channel: "rts_drop_ship" };

describe("query and header schemas speak Optoro's words", () => {
  it("names a missing or empty required parameter like Rails' ParameterMissing", () => {
    expect(messageOf(ListingsQuery, { channel: "x" })).toBe("param is missing or the value is empty: updated_at");
    expect(messageOf(ListingsQuery, { updated_at: base.updated_at })).toBe("param is missing or the value is empty: channel");
    expect(messageOf(ListingsQuery, { ...base, channel: "" })).toBe("param is missing or the value is empty: channel");
    expect(messageOf(OrdersQuery, { updated_at: base.updated_at })).toBe("param is missing or the value is empty: status");
    expect(messageOf(ListingShowQuery, {})).toBe("param is missing or the value is empty: condition");
  });

  it("answers Optoro's 400 texts for a bad updated_at and per_page", () => {
    expect(messageOf(ListingsQuery, { ...base, updated_at: "yesterday" })).toBe("Invalid updated_at date");
    expect(messageOf(ShipmentsQuery, { updated_at: "2026-02-30T00:00:00" })).toBe("Invalid updated_at date");
    for (const per_page of ["101", "0", "-1", "abc", "1.5", ""]) {
      expect(messageOf(ListingsQuery, { ...base, per_page })).toBe("Invalid per_page");
    }
  });

  it("defaults per_page to 20 and reads it from the query string", () => {
    expect(ListingsQuery.parse(base).per_page).toBe(20);
    expect(ListingsQuery.parse({ ...base, per_page: "100" }).per_page).toBe(100);
  });

  it("names the enum values of a bad condition or status", () => {
    expect(messageOf(ListingsQuery, { ...base, condition: "X" })).toBe("Invalid condition; expected one of N, A, B, R");
    expect(messageOf(OrdersQuery, { updated_at: base.updated_at, status: "open" })).toMatch(/^Invalid status; expected one of accepted, /);
  });

  it("names the Optiturn-DropShip-Version header when it is missing or another version", () => {
    expect(messageOf(VersionHeaders, {})).toBe("Missing required header Optiturn-DropShip-Version: 2023-08-15");
    expect(messageOf(VersionHeaders, { "optiturn-dropship-version": "6" })).toBe(
      "Unsupported Optiturn-DropShip-Version: this service serves 2023-08-15",
    );
    expect(VersionHeaders.parse({ "optiturn-dropship-version": "2023-08-15", host: "x" })).toEqual({
      "optiturn-dropship-version": "2023-08-15",
    });
  });
});
