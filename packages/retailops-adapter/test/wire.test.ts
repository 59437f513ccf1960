import { AdviceRecord, CompleteRequest, PoFetchRequest, WireCount, WireDollars, WireFlag, WireVendorId } from "@dropgate/retailops-adapter";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));

describe("numbers as real clients send them", () => {
  it("accepts integers and numeric strings alike, refusing what is neither", () => {
    expect(WireCount.parse(12)).toBe(12);
    expect(WireCount.parse("12")).toBe(12);
    expect(WireCount.parse(" 7 ")).toBe(7);
    expect(WireCount.safeParse("-1").success).toBe(false);
    expect(WireCount.safeParse("1.5").success).toBe(false);
    expect(WireCount.safeParse("twelve").success).toBe(false);
    expect(WireVendorId.parse(27)).toBe("27");
    expect(WireVendorId.parse("27")).toBe("27");
    expect([1, "1", true, "true", 0, "0", false].map((v) => WireFlag.parse(v))).toEqual([true, true, true, true, false, false, false]);
    expect(WireFlag.safeParse("yes").success).toBe(false);
    expect(WireDollars.parse(1100.25)).toBe(110_025);
    expect(WireDollars.parse("7.10")).toBe(710);
  });

  it("reads the guide's samples", () => {
    const [advice] = fixture("externalsku-update.request.json").records;
    expect(AdviceRecord.parse(advice)).toEqual({ vendor_id: "27", vpc: "ABC123", quantity: 12 });
    const [csv] = fixture("externalsku-update-csv.request.json").records;
    expect(AdviceRecord.parse(csv)).toEqual({ vendor_name: "Swarovski", vpc: "ABC123", quantity: 12, active: true, unit_cost: 110_025 });
    expect(PoFetchRequest.parse(fixture("po-fetch.request.json"))).toEqual({ vendor_id: "27", start: 0, limit: 100, status: "ready", with_items: true });
    expect(PoFetchRequest.parse(fixture("po-fetch-open-ready.request.json")).status).toEqual(["open", "ready"]);
    expect(CompleteRequest.parse(fixture("po-complete.request.json")).packages[0]).toMatchObject({ ship_class_id: 7, unit_count: 1 });
  });

  it("the guide's UpdateEstShipDate sample is not JSON, as shipped", () => {
    const raw = readFileSync(new URL("./fixtures/po-update-est-ship-date.request.txt", import.meta.url), "utf8");
    expect(() => JSON.parse(raw)).toThrow(SyntaxError);
  });
});
