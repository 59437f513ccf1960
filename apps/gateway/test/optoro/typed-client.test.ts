import { recordShipment } from "@dropgate/core-domain";
import { OptoroApiError, OptoroDropShipClient } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { anHourAgo, contractFetch, fixture, type OptoroWorld, sampleOrder, startOptoro, unwrap } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

describe("the typed client against the gateway", () => {
  it("runs a buyer's day: listings, give-back, orders, payment, cancel, shipments — every answer on contract", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const client = buyer.client();
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 6 });
    world.stock({ sku: "CSAA12345", condition: "N", channel: "rts_drop_ship", onHand: 1, kind: "lot", lot: { templateName: "pallet", weight: 300 } });
    world.stock({ sku: "CSAA12346", condition: "N", channel: "rts_drop_ship", onHand: 1, kind: "lot", lot: { templateName: "pallet", weight: 300 } });

    const page = await client.listListings({ updated_at: anHourAgo(), channel: "rts_drop_ship" });
    expect(page.record_count).toBe(3);
    expect(page.listings.map((l) => [l.identifier, l.quantity, l.lot?.template_name])).toEqual([
      ["PTBQ121308", 6, undefined],
      ["CSAA12345", 1, "pallet"],
      ["CSAA12346", 1, "pallet"],
    ]);
    await expect(client.updateListingQuantity("PTBQ121308", fixture("update-listing.request.json"))).resolves.toEqual({ message: "Listing quantity updated" });
    expect((await client.getListing("PTBQ121308", { condition: "N" })).quantity).toBe(1);

    await expect(client.createOrder(sampleOrder("C-1"))).resolves.toEqual({ message: "accepted", reason: "Order accepted" });
    const rejected = await client.createOrder(sampleOrder("C-2"));
    expect(rejected).toMatchObject({ message: "rejected", order: { order_items: [{ sku: "PTBQ121308", available_quantity: 0 }] } });
    const batch = await client.createOrders([sampleOrder("LOT-A", [{ sku: "CSAA12345", quantity: 1 }]), sampleOrder("LOT-B", [{ sku: "CSAA12346", quantity: 1 }])]);
    expect(batch.map((r) => r.status)).toEqual(["created", "created"]);

    await client.completePayment("LOT-A");
    await client.cancelOrder("LOT-B");
    expect((await client.getOrder("LOT-A")).status).toBe("accepted");
    expect((await client.getOrder("LOT-B")).status).toBe("cancelled");
    expect((await client.getListing("CSAA12346", { condition: "N" })).quantity).toBe(1);

    const order = world.gateway.store.read((r) => r.findOrder(buyer.clientId, "C-1"))!;
    unwrap(recordShipment(world.ctx, { orderId: order.id, trackingNumber: "1Z-C1", carrier: "UPS", items: [{ orderItemId: order.items[0]!.id, quantity: 1 }] }));
    expect((await client.shipmentsByTrackingNumber("1Z-C1", { carrier: "UPS" })).map((s) => s.client_identifier)).toEqual(["C-1"]);
    expect((await client.shipmentsForOrder("C-1")).map((s) => s.tracking_number)).toEqual(["1Z-C1"]);
    const shipments = [];
    for await (const shipment of client.shipments({ updated_at: anHourAgo() })) shipments.push(shipment.tracking_number);
    expect(shipments).toEqual(["1Z-C1"]);
    expect((await client.getOrder("C-1")).status).toBe("shipped");
  });

  it("throws OptoroApiError with Optoro's bodies for 404 and 422", async () => {
    world = await startOptoro();
    const client = (await world.buyer("buyer")).client();
    const missing = await client.getOrder("NOPE").catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(OptoroApiError);
    expect(missing).toMatchObject({ status: 404, body: { message: "Order cannot be found" } });
    world.stock({ sku: "PTBQ121308", condition: "N", channel: "rts_drop_ship", onHand: 2 });
    await client.createOrder(sampleOrder("D-1"));
    await expect(client.createOrder(sampleOrder("D-1"))).rejects.toMatchObject({
      status: 422,
      body: { message: "Order not created", reason: "Order with identifier D-1 already exists. Order is in status 'accepted'" },
    });
  });

  it("fetches a new token when the server revokes the one it holds, and carries on", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const calls: string[] = [];
    const checked = contractFetch(world.api);
    const client = new OptoroDropShipClient({
      baseUrl: `${world.gateway.baseUrl}/optoro/drop-ship`,
      clientId: buyer.key,
      clientSecret: buyer.secret,
      fetch: (async (input: string | URL | Request, init?: RequestInit) => {
        const response = await checked(input, init);
        calls.push(`${new URL(String(input)).pathname} ${response.status}`);
        return response;
      }) as typeof fetch,
    });
    const filter = { updated_at: anHourAgo(), channel: "rts_drop_ship" };
    await client.listListings(filter);
    world.gateway.store.transaction((tx) => tx.revokeAccessTokens(buyer.clientId, new Date().toISOString()));
    await expect(client.listListings(filter)).resolves.toMatchObject({ listings: [] });
    expect(calls).toEqual([
      "/optoro/auth/oauth/token 200",
      "/optoro/drop-ship/listings 200",
      "/optoro/drop-ship/listings 401",
      "/optoro/auth/oauth/token 200",
      "/optoro/drop-ship/listings 200",
    ]);
  });

  it("reports refused credentials as OptoroApiError 401 invalid_client", async () => {
    world = await startOptoro();
    const client = new OptoroDropShipClient({ baseUrl: `${world.gateway.baseUrl}/optoro/drop-ship`, clientId: "dg_optoro_nobody", clientSecret: "x" });
    await expect(client.getOrder("A")).rejects.toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });
});
