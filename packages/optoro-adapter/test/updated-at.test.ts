import { oldestUpdatedAt, parseUpdatedAt } from "@dropgate/optoro-adapter";
import { describe, expect, it } from "vitest";

describe("updated_at", () => {
  it("reads the spec's zone-less example as UTC", () => {
    expect(parseUpdatedAt("2023-01-01T17:27:46")?.toISOString()).toBe("2023-01-01T17:27:46.000Z");
  });

  it("honours Z, offsets, fractions and a bare date", () => {
    expect(parseUpdatedAt("2023-01-01T17:27:46Z")?.toISOString()).toBe("2023-01-01T17:27:46.000Z");
    expect(parseUpdatedAt("2023-01-01T17:27:46.123456Z")?.toISOString()).toBe("2023-01-01T17:27:46.123Z");
    expect(parseUpdatedAt("2023-01-01T17:27:46+02:00")?.toISOString()).toBe("2023-01-01T15:27:46.000Z");
    expect(parseUpdatedAt("2023-01-01T17:27-0130")?.toISOString()).toBe("2023-01-01T18:57:00.000Z");
    expect(parseUpdatedAt("2023-01-01")?.toISOString()).toBe("2023-01-01T00:00:00.000Z");
  });

  it("refuses what is not a real date-time", () => {
    for (const bad of ["", "yesterday", "2023-02-30", "2023-13-01T00:00:00", "2023-01-01T24:00:00", "1672531200", "2023-01-01T10:00:00+25:00"]) {
      expect(parseUpdatedAt(bad)).toBeNull();
    }
  });

  it("puts the three-month limit on the same day three calendar months back", () => {
    expect(oldestUpdatedAt(new Date("2026-05-15T12:00:00Z")).toISOString()).toBe("2026-02-15T12:00:00.000Z");
    // 31 May minus three months is clamped to the last day of February.
    expect(oldestUpdatedAt(new Date("2026-05-31T00:00:00Z")).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(oldestUpdatedAt(new Date("2026-01-10T00:00:00Z")).toISOString()).toBe("2025-10-10T00:00:00.000Z");
  });
});
