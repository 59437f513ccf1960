import { readFileSync } from "node:fs";
import { DispositionEvent, KNOWN_CHANNELS } from "@dropgate/core-domain";
import { DispositionPayload, toDispositionPayload, toDispositionTimestamp } from "@dropgate/optoro-adapter";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const sample: unknown = JSON.parse(readFileSync(new URL("../fixtures/disposition-update.sample.json", import.meta.url), "utf8"));

/** The core event that stands for the spec's sample payload. */
const sampleEvent: DispositionEvent = DispositionEvent.parse({
  id: 1,
  lp: "LPAA1234567",
  fromDisposition: "needs_testing",
  toDisposition: "recycle",
  fromCondition: "N",
  toCondition: "TT",
  fromSku: "012344566700",
  toSku: "012344566700",
  upc: "0123456789012",
  warehouse: "22",
  location: "RTS-1112",
  program: "parcel_returns",
  referenceUnitIdentifier: "Unit A",
  storeIdentifier: "Store A",
  userLogin: "client_user_login",
  at: "2018-03-20T00:00:00.000Z",
});

describe("Disposition Update payload", () => {
  it("the spec's sample fits the wire schema", () => {
    expect(DispositionPayload.safeParse(sample).success).toBe(true);
  });

  it("maps a core event to exactly the spec's sample, field for field and in the spec's order", () => {
    const payload = toDispositionPayload(sampleEvent);
    expect(payload).toEqual(sample);
    expect(JSON.stringify(payload)).toBe(JSON.stringify(sample));
  });

  it("sends the sku after the change as the deprecated `sku`, and leaves absent optional fields out", () => {
    const payload = toDispositionPayload({
      ...sampleEvent,
      fromSku: "OLD-1",
      toSku: "NEW-1",
      referenceUnitIdentifier: null,
      storeIdentifier: null,
      userLogin: null,
    });
    expect(payload).toMatchObject({ from_sku: "OLD-1", to_sku: "NEW-1", sku: "NEW-1" });
    expect(Object.keys(payload)).not.toContain("reference_unit_identifier");
    expect(Object.keys(payload)).not.toContain("store_identifier");
    expect(Object.keys(payload)).not.toContain("user_login");
    expect(JSON.stringify(payload)).not.toContain("null");
    expect(DispositionPayload.safeParse(payload).success).toBe(true);
  });

  it("writes the timestamp in UTC to the second, without zone or fraction", () => {
    expect(toDispositionTimestamp("2026-11-22T14:03:45.987Z")).toBe("2026-11-22T14:03:45");
    expect(toDispositionTimestamp("2026-11-22T23:59:59.999+00:00")).toBe("2026-11-22T23:59:59");
  });

  it("refuses what the spec does not allow", () => {
    const base = sample as Record<string, unknown>;
    const refused = [
      { ...base, extra: "x" },
      { ...base, upc: undefined },
      { ...base, timestamp: "2018-03-20T00:00:00Z" },
      { ...base, timestamp: "2018-03-20T00:00:00.000" },
      { ...base, timestamp: "2018-03-20" },
      { ...base, from_condition: "Q" },
      { ...base, to_condition: "n" },
    ];
    for (const body of refused) expect(DispositionPayload.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it("any core disposition event maps to a payload the wire schema accepts", () => {
    const condition = fc.constantFrom("N", "A", "B", "R", "TT", "C", "X" as const);
    const text = fc.string({ minLength: 1, maxLength: 20 });
    const nullable = fc.option(text, { nil: null });
    const event = fc.record({
      id: fc.integer({ min: 1 }),
      lp: text,
      fromDisposition: fc.constantFrom(...KNOWN_CHANNELS),
      toDisposition: fc.constantFrom(...KNOWN_CHANNELS),
      fromCondition: condition,
      toCondition: condition,
      fromSku: text,
      toSku: text,
      upc: fc.string({ maxLength: 14 }),
      warehouse: text,
      location: text,
      program: text,
      referenceUnitIdentifier: nullable,
      storeIdentifier: nullable,
      userLogin: nullable,
      at: fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T23:59:59Z"), noInvalidDate: true }).map((d) => d.toISOString()),
    });
    fc.assert(
      fc.property(event, (e) => {
        const parsed = DispositionPayload.safeParse(toDispositionPayload(DispositionEvent.parse(e)));
        expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
      }),
    );
  });
});
