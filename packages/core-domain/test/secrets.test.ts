import { describe, expect, it } from "vitest";
import { generateSecret, hashSecret, verifySecret } from "@dropgate/core-domain";

describe("secrets", () => {
  it("verifies the right secret against its hash and refuses others", () => {
    const secret = generateSecret();
    const stored = hashSecret(secret);
    expect(stored).not.toContain(secret);
    expect(verifySecret(secret, stored)).toBe(true);
    expect(verifySecret(`${secret}x`, stored)).toBe(false);
    expect(verifySecret(secret, "not-a-hash")).toBe(false);
  });

  it("generates distinct 256-bit secrets", () => {
    const a = generateSecret();
    expect(Buffer.from(a, "base64url")).toHaveLength(32);
    expect(generateSecret()).not.toBe(a);
  });
});
