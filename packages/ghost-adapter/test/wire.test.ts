import { describe, expect, it } from "vitest";
import {
  CatalogueQuery,
  fromRewixDate,
  ReserveRequest,
  rewixStatusOf,
  SendOrderRequest,
  toRewixDate,
} from "../src/index.js";

const order = (patch: Record<string, unknown>) => ({
  order_list: [
    {
      key: "K1",
      date: "2021/02/02 23:59:59 +0000",
      recipient_details: { recipient: "ACME", address: { street_name: "Roma 1", zip: "10100", city: "TORINO", countrycode: "IT" } },
      item_list: [{ stock_id: "1578", quantity: 2 }],
      ...patch,
    },
  ],
});

describe("wire schemas take what real clients send", () => {
  it("numbers and booleans as strings or numbers in one body", () => {
    const body = SendOrderRequest.parse(order({ autoConfirm: "TRUE", carrierId: "20", key: 2345 }));
    expect(body.order_list[0]).toMatchObject({ key: "2345", autoConfirm: true, carrierId: 20, item_list: [{ stock_id: 1578, quantity: 2 }] });
    expect(SendOrderRequest.parse(order({ autoConfirm: false, carrierId: "" })).order_list[0]).toMatchObject({ autoConfirm: false, carrierId: undefined });
    expect(ReserveRequest.parse({ operations: [{ type: "lock", models: [{ stock_id: "449663", quantity: 1 }] }] }).operations[0]?.models).toEqual([
      { stock_id: 449663, quantity: 1 },
    ]);
  });

  it("names the field at fault", () => {
    const bad = SendOrderRequest.safeParse(order({ item_list: [{ stock_id: "abc", quantity: 1 }] }));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["order_list", 0, "item_list", 0, "stock_id"]);
    expect(SendOrderRequest.safeParse(order({ date: "31/01/2017" })).error?.issues[0]?.path).toEqual(["order_list", 0, "date"]);
    expect(SendOrderRequest.safeParse(order({ autoConfirm: "yes" })).error?.issues[0]?.message).toBe("expected true or false");
    expect(SendOrderRequest.safeParse(order({ item_list: [{ stock_id: 1, quantity: 0 }] })).success).toBe(false);
  });

  it("ignores fields the spec does not name", () => {
    const body = SendOrderRequest.parse({ ...order({ price_total: "12.00" }), user_catalog_id: 4 });
    expect(body.order_list[0]).not.toHaveProperty("price_total");
    expect(body).not.toHaveProperty("user_catalog_id");
  });

  it("catalogue query: page from 1, pageSize capped, since as an instant", () => {
    expect(CatalogueQuery.parse({})).toEqual({ page: 1, pageSize: 100 });
    expect(CatalogueQuery.parse({ page: "3", pageSize: "10", since: "2026-01-01T00:00:00+02:00" })).toEqual({ page: 3, pageSize: 10, since: "2025-12-31T22:00:00.000Z" });
    expect(CatalogueQuery.safeParse({ page: "0" }).success).toBe(false);
    expect(CatalogueQuery.safeParse({ pageSize: "501" }).success).toBe(false);
  });
});

describe("Rewix dates", () => {
  it("writes UTC at +0000 and reads any offset", () => {
    expect(toRewixDate("2021-02-03T14:36:55.000Z")).toBe("2021/02/03 14:36:55 +0000");
    expect(fromRewixDate("2018/05/25 12:20:37 +0200")).toBe("2018-05-25T10:20:37.000Z");
    expect(fromRewixDate("2017/02/30 10:00:00 +0000")).toBeNull();
  });
});

describe("status mapping", () => {
  it("maps every Dropgate order state to a Rewix code", () => {
    expect(rewixStatusOf({ status: "pending_payment" }, [])).toBe(5);
    expect(rewixStatusOf({ status: "accepted" }, [{ status: "ready" }])).toBe(2);
    expect(rewixStatusOf({ status: "accepted" }, [{ status: "submitted" }])).toBe(3001);
    expect(rewixStatusOf({ status: "partially_shipped" }, [])).toBe(3001);
    expect(rewixStatusOf({ status: "shipped" }, [])).toBe(3);
    expect(rewixStatusOf({ status: "cancelled" }, [])).toBe(2000);
    expect(rewixStatusOf({ status: "rejected" }, [])).toBe(2000);
  });
});
