import { RetailOpsApiError, RetailOpsClient } from "@dropgate/retailops-adapter";
import { startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";
import { afterEach, describe, expect, it } from "vitest";

let endpoint: TestEndpoint | undefined;
afterEach(() => endpoint?.close());

describe("RetailOpsClient", () => {
  it("POSTs JSON with the apikey header to the action's versioned path and reads the envelope", async () => {
    endpoint = await startEndpoint(() => ({ status: 200, body: { success: 1, records: [{ id: 7, name: "FedEx Ground", carrier: "FedEx" }] } }));
    const client = new RetailOpsClient({ baseUrl: `${endpoint.url}/`, apikey: "k.s", validateResponses: true });
    const answer = await client.carrierClasses();
    expect(answer.records).toEqual([{ id: 7, name: "FedEx Ground", carrier: "FedEx" }]);
    expect(endpoint.requests[0]).toMatchObject({ method: "POST", url: "/constant/ship/carrierclass/fetch~1.json", body: { all: 1 } });
    expect(endpoint.requests[0]?.headers).toMatchObject({ apikey: "k.s", "content-type": "application/json" });
  });

  it("throws RetailOpsApiError with the ERRORCODE of a success: 0 answer, even under HTTP 200", async () => {
    endpoint = await startEndpoint(() => ({ status: 200, body: { success: 0, ERROR: "invalid po D9", ERRORCODE: "INVALID_PO" } }));
    const client = new RetailOpsClient({ baseUrl: endpoint.url, apikey: "k.s" });
    const error = await client.complete({ po: "D9", packages: [] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetailOpsApiError);
    expect(error).toMatchObject({ code: "INVALID_PO", message: "invalid po D9", status: 200 });
  });

  it("pages on from the rows a capped page held, not from the limit asked for", async () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ po: `D${i + 1}` }));
    // A server that caps pages at 2 rows, whatever limit is asked.
    endpoint = await startEndpoint((request) => {
      const { start } = request.body as { start: number };
      return { status: 200, body: { success: 1, records: all.slice(start, start + 2), total: all.length } };
    });
    const client = new RetailOpsClient({ baseUrl: endpoint.url, apikey: "k.s" });
    const seen: string[] = [];
    for await (const po of client.purchaseOrders({ limit: 5000 })) seen.push(po.po);
    expect(seen).toEqual(["D1", "D2", "D3", "D4", "D5"]);
    expect(endpoint.requests.map((r) => (r.body as { start: number }).start)).toEqual([0, 2, 4]);
  });

  it("pages through POs by start until the total", async () => {
    endpoint = await startEndpoint((request) => {
      const { start } = request.body as { start: number };
      const records = start === 0 ? [{ po: "D1" }, { po: "D2" }] : start === 2 ? [{ po: "D3" }] : [];
      return { status: 200, body: { success: 1, records, total: 3 } };
    });
    const client = new RetailOpsClient({ baseUrl: endpoint.url, apikey: "k.s" });
    const seen: string[] = [];
    for await (const po of client.purchaseOrders({ status: "ready", limit: 2 })) seen.push(po.po);
    expect(seen).toEqual(["D1", "D2", "D3"]);
    expect(endpoint.requests.map((r) => (r.body as { start: number }).start)).toEqual([0, 2]);
  });
});
