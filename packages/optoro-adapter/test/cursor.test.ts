import { createCursorCodec, queryFingerprint } from "@dropgate/optoro-adapter";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const codec = createCursorCodec("unit-test cursor secret");
const query = { updated_at: "2026-01-01T00:00:00.000Z", channel: "rts_drop_ship", condition: null, per_page: 20 };
const binding = { clientId: 7, fingerprint: queryFingerprint("listings", query) };

describe("offset cursor", () => {
  it("opens what it sealed, for the same client and query", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 2 ** 31 }), (clientId, afterId) => {
        const b = { clientId, fingerprint: binding.fingerprint };
        expect(codec.open(b, codec.seal(b, afterId))).toEqual({ ok: true, position: { afterId } });
      }),
    );
  });

  it("carries the walk's total when sealed with one, and opens cursors sealed without it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 0, max: 2 ** 31 }), (afterId, total) => {
        expect(codec.open(binding, codec.seal(binding, afterId, total))).toEqual({ ok: true, position: { afterId, total } });
      }),
    );
    const opened = codec.open(binding, codec.seal(binding, 42));
    expect(opened.ok && opened.position.total).toBeUndefined();
  });

  it("is opaque and URL-safe, and never the same twice", () => {
    const a = codec.seal(binding, 42);
    const b = codec.seal(binding, 42);
    expect(a).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(a).not.toEqual(b);
    expect(Buffer.from(a, "base64url").toString("latin1")).not.toContain("42");
  });

  it("refuses any altered byte as malformed", () => {
    const token = codec.seal(binding, 42);
    const raw = Buffer.from(token, "base64url");
    fc.assert(
      fc.property(fc.integer({ min: 0, max: raw.length - 1 }), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const altered = Buffer.from(raw);
        altered[index] = (altered[index]! ^ flip) & 0xff;
        expect(codec.open(binding, altered.toString("base64url"))).toEqual({ ok: false, refusal: "malformed" });
      }),
    );
  });

  it("refuses garbage, truncations and cursors sealed with another secret as malformed", () => {
    const token = codec.seal(binding, 42);
    const other = createCursorCodec("another secret").seal(binding, 42);
    for (const bad of ["", "abc", "!!!!", token.slice(0, 20), `${token}A`, other, "Asdirnkfidyetrf3V1hSNlJVdGFPRE16U1cxc1JQWEYTRDFGH"]) {
      expect(codec.open(binding, bad)).toEqual({ ok: false, refusal: "malformed" });
    }
  });

  it("refuses a cursor issued to another client as foreign", () => {
    const token = codec.seal({ ...binding, clientId: 8 }, 42);
    expect(codec.open(binding, token)).toEqual({ ok: false, refusal: "foreign" });
  });

  it("refuses a cursor presented with other filters or another page size as mismatched", () => {
    const token = codec.seal(binding, 42);
    const variants = [
      queryFingerprint("listings", { ...query, channel: "b2b" }),
      queryFingerprint("listings", { ...query, condition: "N" }),
      queryFingerprint("listings", { ...query, per_page: 21 }),
      queryFingerprint("listings", { ...query, updated_at: "2026-01-02T00:00:00.000Z" }),
      queryFingerprint("orders", query),
    ];
    for (const fingerprint of variants) {
      expect(codec.open({ clientId: 7, fingerprint }, token)).toEqual({ ok: false, refusal: "mismatched" });
    }
  });

  it("fingerprints a query independently of key order", () => {
    const reordered = { per_page: 20, condition: null, channel: "rts_drop_ship", updated_at: "2026-01-01T00:00:00.000Z" };
    expect(queryFingerprint("listings", reordered)).toEqual(binding.fingerprint);
  });

  it("refuses an empty secret", () => {
    expect(() => createCursorCodec("")).toThrow();
  });
});
