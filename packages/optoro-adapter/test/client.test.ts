import { OptoroApiError, OptoroDropShipClient } from "@dropgate/optoro-adapter";
import { describe, expect, it } from "vitest";

/*
 * The client against a scripted fake `fetch`: token fetching, reuse and renewal, the headers it
 * sends, paging by next_page.offset, and typed errors. (The HTTP suite drives it against the gateway.)
 */

interface Seen {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body: unknown;
}

type Route = (seen: Seen) => { status: number; body?: unknown; headers?: Record<string, string> };

function fakeFetch(routes: Record<string, Route>) {
  const seen: Seen[] = [];
  const impl = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const request: Seen = {
      url,
      method: init.method ?? "GET",
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v])),
      body: typeof init.body === "string" ? JSON.parse(init.body) : undefined,
    };
    seen.push(request);
    const route = routes[`${request.method} ${url.pathname}`];
    if (!route) return new Response(JSON.stringify({ message: "no route" }), { status: 404 });
    const answer = route(request);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { "content-type": "application/json", ...answer.headers },
    });
  };
  return { fetch: impl as typeof fetch, seen };
}

function tokenRoute(tokens: string[], expiresIn = 90_000): Route {
  let issued = 0;
  return () => ({
    status: 200,
    body: { access_token: tokens[Math.min(issued++, tokens.length - 1)], token_type: "Bearer", expires_in: expiresIn, scope: "read write", created_at: 1 },
  });
}

const listing = (identifier: string) => ({
  identifier,
  condition: "N",
  channel: "rts_drop_ship",
  quantity: 1,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
});

describe("OptoroDropShipClient", () => {
  it("fetches one token from <origin>/optoro/auth, reuses it, and sends bearer and version headers", async () => {
    const fake = fakeFetch({
      "POST /optoro/auth/oauth/token": tokenRoute(["t1"]),
      "GET /optoro/drop-ship/orders/A-1": () => ({ status: 200, body: { order: { client_identifier: "A-1" } } }),
    });
    const client = new OptoroDropShipClient({ baseUrl: "http://gw.test/optoro/drop-ship/", clientId: "k", clientSecret: "s", fetch: fake.fetch });
    await Promise.all([client.getOrder("A-1"), client.getOrder("A-1")]);
    await client.getOrder("A-1");
    const tokenCalls = fake.seen.filter((s) => s.url.pathname.endsWith("/oauth/token"));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0]!.body).toEqual({ grant_type: "client_credentials", client_id: "k", client_secret: "s" });
    const apiCalls = fake.seen.filter((s) => s.url.pathname.startsWith("/optoro/drop-ship"));
    expect(apiCalls).toHaveLength(3);
    for (const call of apiCalls) {
      expect(call.headers.authorization).toBe("Bearer t1");
      expect(call.headers["optiturn-dropship-version"]).toBe("2023-08-15");
    }
  });

  it("renews the token once on a 401 and retries the call", async () => {
    const fake = fakeFetch({
      "POST /auth/oauth/token": tokenRoute(["stale", "fresh"]),
      "GET /listings/S1": (seen) =>
        seen.headers.authorization === "Bearer fresh" ? { status: 200, body: { listing: listing("S1") } } : { status: 401, body: { message: "Not Authorized" } },
    });
    const client = new OptoroDropShipClient({ baseUrl: "http://ds.test", authUrl: "http://auth.test/auth", clientId: "k", clientSecret: "s", fetch: fake.fetch });
    await expect(client.getListing("S1", { condition: "N" })).resolves.toMatchObject({ identifier: "S1" });
    expect(fake.seen.map((s) => `${s.method} ${s.url.host}${s.url.pathname}`)).toEqual([
      "POST auth.test/auth/oauth/token",
      "GET ds.test/listings/S1",
      "POST auth.test/auth/oauth/token",
      "GET ds.test/listings/S1",
    ]);
  });

  it("renews a token shortly before it expires", async () => {
    let now = 0;
    const fake = fakeFetch({
      "POST /optoro/auth/oauth/token": tokenRoute(["t1", "t2"], 120),
      "GET /optoro/drop-ship/orders/A": () => ({ status: 200, body: { order: {} } }),
    });
    const client = new OptoroDropShipClient({ baseUrl: "http://gw.test/optoro/drop-ship", clientId: "k", clientSecret: "s", fetch: fake.fetch, now: () => now });
    await client.getOrder("A");
    now = 59_000;
    await client.getOrder("A");
    now = 61_000;
    await client.getOrder("A");
    expect(fake.seen.filter((s) => s.url.pathname.startsWith("/optoro/drop-ship")).map((s) => s.headers.authorization)).toEqual([
      "Bearer t1",
      "Bearer t1",
      "Bearer t2",
    ]);
  });

  it("walks pages by next_page.offset with the same filters, and reads record_count", async () => {
    const pages: Record<string, { listings: unknown[]; next_page: unknown }> = {
      "": { listings: [listing("a"), listing("b")], next_page: { offset: "c1", path: "/listings?offset=c1" } },
      c1: { listings: [listing("c")], next_page: { offset: "c2", path: "/listings?offset=c2" } },
      c2: { listings: [], next_page: null },
    };
    const fake = fakeFetch({
      "POST /optoro/auth/oauth/token": tokenRoute(["t"]),
      "GET /optoro/drop-ship/listings": (seen) => ({
        status: 200,
        body: pages[seen.url.searchParams.get("offset") ?? ""],
        headers: { record_count: "3" },
      }),
    });
    const client = new OptoroDropShipClient({ baseUrl: "http://gw.test/optoro/drop-ship", clientId: "k", clientSecret: "s", fetch: fake.fetch, validateResponses: true });
    const filter = { updated_at: "2026-01-01T00:00:00", channel: "rts_drop_ship", per_page: 2 };
    const seenIds: string[] = [];
    for await (const row of client.listings(filter)) seenIds.push(row.identifier);
    expect(seenIds).toEqual(["a", "b", "c"]);
    const calls = fake.seen.filter((s) => s.url.pathname.endsWith("/listings"));
    expect(calls.map((c) => [c.url.searchParams.get("channel"), c.url.searchParams.get("per_page"), c.url.searchParams.get("offset")])).toEqual([
      ["rts_drop_ship", "2", null],
      ["rts_drop_ship", "2", "c1"],
      ["rts_drop_ship", "2", "c2"],
    ]);
    expect((await client.listListings(filter)).record_count).toBe(3);
  });

  it("throws OptoroApiError with status and body for answers that are not a success", async () => {
    const fake = fakeFetch({
      "POST /optoro/auth/oauth/token": tokenRoute(["t"]),
      "POST /optoro/drop-ship/orders": () => ({ status: 422, body: { message: "Order not created", reason: "Order with identifier 1 already exists" } }),
    });
    const client = new OptoroDropShipClient({ baseUrl: "http://gw.test/optoro/drop-ship", clientId: "k", clientSecret: "s", fetch: fake.fetch });
    const failure = await client.createOrder({} as never).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OptoroApiError);
    expect(failure).toMatchObject({ status: 422, body: { message: "Order not created" } });
    expect(String((failure as Error).message)).toContain("Order not created");
  });

  it("throws OptoroApiError when the credentials are refused", async () => {
    const fake = fakeFetch({
      "POST /optoro/auth/oauth/token": () => ({ status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } }),
    });
    const client = new OptoroDropShipClient({ baseUrl: "http://gw.test/optoro/drop-ship", clientId: "k", clientSecret: "bad", fetch: fake.fetch });
    await expect(client.getOrder("A")).rejects.toMatchObject({ status: 401, body: { error: "invalid_client" } });
  });
});
