import { cancelOrder, updateVendorSettings } from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { orderWithPo, seedBuyer } from "./support/orders.js";
import { type Envelope, type RetailOpsWorld, startRetailOps, unwrap, type Vendor } from "./support/retailops-world.js";

/*
 * RetailOps' vendor setting "Change POs after submit" (guide §5): on, a submitted PO still takes
 * a cancel until the vendor marks it accepted; off, submit is final. The cancel here is the
 * operator's (the use case behind `dropgate orders cancel`); the vendor acts over HTTP.
 */

let world: RetailOpsWorld;
let vendor: Vendor;
let buyer: number;
beforeEach(async () => {
  world = await startRetailOps();
  vendor = world.vendor("deben", "27", "Deben");
  world.product("27", "DEB-1", "V-1", 10);
  buyer = seedBuyer(world.ctx);
});
afterEach(() => world.close());

const fetchPo = async (po: string) => {
  const page = await vendor.call<Envelope>("/Vendor/PO/Fetch.json", { with_items: 1 });
  return page.body.records?.find((r) => r.po === po) as { status: string; items: { quantity_cancelled: number }[] } | undefined;
};
const allocated = () => world.ctx.store.read((r) => r.getPosition({ sku: "DEB-1", condition: "N", channel: "rts_drop_ship" }))!.allocated;

describe("Change POs after submit", () => {
  it("off (the default): a submitted PO can no longer be cancelled, and the refusal changes nothing", async () => {
    const po = orderWithPo(world.ctx, buyer, [["DEB-1", 2]]);
    await vendor.call("/Vendor/PO/MarkSubmitted.json", { records: [{ po: po.po }] });
    const refused = cancelOrder(world.ctx, { orderId: po.orderId });
    expect(refused.ok ? "" : refused.error.code).toBe("ILLEGAL_TRANSITION");
    expect(await fetchPo(po.po)).toMatchObject({ status: "submitted", items: [{ quantity_cancelled: 0 }] });
    expect(allocated()).toBe(2);
    // The vendor still ships it.
    const done = await vendor.call<Envelope>("/Vendor/PO/Complete.json", { po: po.po, packages: [{ ship_class_id: 7, tracking_number: "1ZOFF", items: [{ vpc: "V-1", quantity: 2 }] }] });
    expect(done.body.success).toBe(1);
  });

  it("on: a cancel reaches a submitted PO; once accepted, nothing but the vendor's completion changes it", async () => {
    unwrap(updateVendorSettings(world.ctx, { vendorId: "27", changePosAfterSubmit: true }));
    const first = orderWithPo(world.ctx, buyer, [["DEB-1", 2]]);
    await vendor.call("/Vendor/PO/MarkSubmitted.json", { records: [{ po: first.po }] });
    unwrap(cancelOrder(world.ctx, { orderId: first.orderId }));
    expect(await fetchPo(first.po)).toMatchObject({ status: "cancelled", items: [{ quantity_cancelled: 2 }] });
    expect(allocated()).toBe(0);
    const late = await vendor.call<Envelope>("/Vendor/PO/MarkAccepted.json", { records: [{ po: first.po }] });
    expect(late.body.records?.[0]).toMatchObject({ success: 0, ERRORCODE: "INVALID_STATUS" });

    const second = orderWithPo(world.ctx, buyer, [["DEB-1", 1]]);
    await vendor.call("/Vendor/PO/MarkSubmitted.json", { records: [{ po: second.po }] });
    await vendor.call("/Vendor/PO/MarkAccepted.json", { records: [{ po: second.po }] });
    const refused = cancelOrder(world.ctx, { orderId: second.orderId });
    expect(refused.ok ? "" : refused.error.code).toBe("ILLEGAL_TRANSITION");
    expect(await fetchPo(second.po)).toMatchObject({ status: "accepted" });
    expect(allocated()).toBe(1);
  });
});
