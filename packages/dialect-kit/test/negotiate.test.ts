import { describe, expect, it } from "vitest";
import { negotiateMediaType } from "../src/negotiate.js";

const both = ["application/json", "application/xml"];

describe("negotiateMediaType", () => {
  it("answers the fallback when there is no Accept header", () => {
    expect(negotiateMediaType(undefined, both, "application/json")).toBe("application/json");
    expect(negotiateMediaType("", both, "application/xml")).toBe("application/xml");
  });

  it("takes the highest q, then the operation's own order", () => {
    expect(negotiateMediaType("application/json;q=0.5, application/xml", both, "application/json")).toBe("application/xml");
    expect(negotiateMediaType("application/*", both, "application/xml")).toBe("application/json");
    expect(negotiateMediaType("*/*", ["application/xml", "application/json"], "application/json")).toBe("application/xml");
  });

  it("lets a specific range override a wildcard, q=0 refusing the type", () => {
    expect(negotiateMediaType("*/*, application/json;q=0", both, "application/json")).toBe("application/xml");
    expect(negotiateMediaType("text/xml, application/xml;q=0.1, */*;q=0.2", both, "application/json")).toBe("application/json");
  });

  it("answers undefined when nothing offered is acceptable", () => {
    expect(negotiateMediaType("text/csv", both, "application/json")).toBeUndefined();
    expect(negotiateMediaType("application/json;q=0", ["application/json"], "application/json")).toBeUndefined();
  });
});
