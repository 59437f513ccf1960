import type { WebhookAuth } from "@dropgate/core-domain";
import { ReceiverSuccess, type SendResult, type WebhookTarget, WebhookSender } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { type Handler, startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";

const open: TestEndpoint[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((endpoint) => endpoint.close()));
});

async function endpoint(handler: Handler = () => ({ status: 200, body: { message: "Success" } })): Promise<TestEndpoint> {
  const started = await startEndpoint(handler);
  open.push(started);
  return started;
}

/** A client token service issuing tok-1, tok-2, … each valid for `expiresIn` seconds. */
async function tokenService(expiresIn = 3600): Promise<TestEndpoint> {
  return endpoint((_request, index) => ({ status: 200, body: { access_token: `tok-${index + 1}`, token_type: "bearer", expires_in: expiresIn } }));
}

/** The result without its exchanges, which the tests that are about them check separately. */
function summary(result: SendResult): Omit<SendResult, "exchanges"> {
  const { exchanges: _exchanges, ...rest } = result;
  return rest;
}

/** Each exchange's outcome and status, in order. */
function exchangesOf(result: SendResult) {
  return result.exchanges.map((e) => [e.outcome, e.httpStatus ?? null]);
}

function target(url: string, auth: WebhookAuth = { kind: "none" }, id = 1): WebhookTarget {
  return { id, url, auth };
}

const body = { optiturn_lp: "LPAA1234567", to_disposition: "recycle" };

describe("WebhookSender: requests", () => {
  it("POSTs JSON to the subscription URL exactly as given; a 2xx is delivered", async () => {
    const receiver = await endpoint();
    const result = await new WebhookSender().send(target(`${receiver.url}/hooks/dispositions?tenant=7`), body);
    expect(summary(result)).toEqual({ outcome: "delivered", status: 200 });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: "POST", url: "/hooks/dispositions?tenant=7", body });
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers.authorization).toBeUndefined();
  });

  it("counts any 2xx as delivered, with or without the recommended {message} body", async () => {
    expect(ReceiverSuccess.safeParse({ message: "Success" }).success).toBe(true);
    const receiver = await endpoint(() => ({ status: 204 }));
    expect(summary(await new WebhookSender().send(target(receiver.url), body))).toEqual({ outcome: "delivered", status: 204 });
  });

  it("sends HTTP Basic credentials", async () => {
    const receiver = await endpoint();
    await new WebhookSender().send(target(receiver.url, { kind: "basic", username: "hook-user", password: "s3cret-pass" }), body);
    expect(receiver.requests[0]?.headers.authorization).toBe(`Basic ${Buffer.from("hook-user:s3cret-pass").toString("base64")}`);
  });

  it("sends a named header", async () => {
    const receiver = await endpoint();
    await new WebhookSender().send(target(receiver.url, { kind: "header", name: "X-Api-Key", value: "key-123" }), body);
    expect(receiver.requests[0]?.headers["x-api-key"]).toBe("key-123");
    expect(receiver.requests[0]?.headers.authorization).toBeUndefined();
  });
});

describe("WebhookSender: oauth2 client credentials", () => {
  const oauth2 = (tokenUrl: string): WebhookAuth => ({ kind: "oauth2", tokenUrl, clientId: "dropgate", clientSecret: "client-s3cret" });

  it("asks the client's token service for a token and sends it as a bearer token", async () => {
    const tokens = await tokenService();
    const receiver = await endpoint();
    const result = await new WebhookSender().send(target(receiver.url, oauth2(`${tokens.url}/oauth2/token`)), body);
    expect(result.outcome).toBe("delivered");
    expect(tokens.requests).toHaveLength(1);
    expect(tokens.requests[0]).toMatchObject({
      method: "POST",
      url: "/oauth2/token",
      body: { grant_type: "client_credentials", client_id: "dropgate", client_secret: "client-s3cret" },
    });
    expect(tokens.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(receiver.requests[0]?.headers.authorization).toBe("Bearer tok-1");
  });

  it("reuses one token per subscription until expires_in runs out, and one request serves concurrent sends", async () => {
    const tokens = await tokenService(60);
    const receiver = await endpoint();
    let now = Date.parse("2026-11-22T12:00:00Z");
    const sender = new WebhookSender({ now: () => now });
    const sub = target(receiver.url, oauth2(tokens.url));
    await Promise.all([sender.send(sub, body), sender.send(sub, body), sender.send(sub, body)]);
    await sender.send(sub, body);
    expect(tokens.requests).toHaveLength(1);

    // Another subscription has its own token.
    await sender.send(target(receiver.url, oauth2(tokens.url), 2), body);
    expect(tokens.requests).toHaveLength(2);

    now += 59_000;
    await sender.send(sub, body);
    expect(tokens.requests).toHaveLength(2);
    now += 1_000;
    await sender.send(sub, body);
    expect(tokens.requests).toHaveLength(3);
    expect(receiver.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer tok-1",
      "Bearer tok-1",
      "Bearer tok-1",
      "Bearer tok-1",
      "Bearer tok-2",
      "Bearer tok-1",
      "Bearer tok-3",
    ]);
  });

  it("on a 401 fetches a new token and retries once, at once", async () => {
    const tokens = await tokenService();
    const receiver = await endpoint((request) =>
      request.headers.authorization === "Bearer tok-1" ? { status: 401 } : { status: 200, body: { message: "Success" } },
    );
    const result = await new WebhookSender().send(target(receiver.url, oauth2(tokens.url)), body);
    expect(summary(result)).toEqual({ outcome: "delivered", status: 200 });
    expect(exchangesOf(result)).toEqual([
      ["token_rejected", 401],
      ["delivered", 200],
    ]);
    expect(tokens.requests).toHaveLength(2);
    expect(receiver.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
    expect(receiver.requests[1]?.body).toEqual(body);
  });

  it("a 401 to the new token too is a retry, after exactly one more try", async () => {
    const tokens = await tokenService();
    const receiver = await endpoint(() => ({ status: 401 }));
    const result = await new WebhookSender().send(target(receiver.url, oauth2(tokens.url)), body);
    expect(summary(result)).toEqual({ outcome: "retry", status: 401, error: "HTTP 401" });
    expect(tokens.requests).toHaveLength(2);
    expect(receiver.requests).toHaveLength(2);
  });

  it("a token service that refuses is a retry that names its OAuth error, and nothing is posted", async () => {
    const tokens = await endpoint(() => ({ status: 401, body: { error: "invalid_client", error_description: "client-s3cret is wrong" } }));
    const receiver = await endpoint();
    const result = await new WebhookSender().send(target(receiver.url, oauth2(tokens.url)), body);
    expect(summary(result)).toEqual({ outcome: "retry", error: "token service answered HTTP 401 (invalid_client)" });
    expect(exchangesOf(result)).toEqual([["token_error", null]]);
    expect(receiver.requests).toHaveLength(0);
  });

  it("a token answer without access_token is a retry", async () => {
    const tokens = await endpoint(() => ({ status: 200, body: { token_type: "bearer" } }));
    const receiver = await endpoint();
    const result = await new WebhookSender().send(target(receiver.url, oauth2(tokens.url)), body);
    expect(result.outcome).toBe("retry");
    expect(result.error).toMatch(/^token service answer is not a token/);
  });
});

describe("WebhookSender: failures", () => {
  it("a 401 without a token to renew is a retry after one request", async () => {
    const receiver = await endpoint(() => ({ status: 401 }));
    const result = await new WebhookSender().send(target(receiver.url, { kind: "basic", username: "u", password: "p4ss" }), body);
    expect(summary(result)).toEqual({ outcome: "retry", status: 401, error: "HTTP 401" });
    expect(receiver.requests).toHaveLength(1);
  });

  it("a 5xx is a retry carrying the receiver's message", async () => {
    const receiver = await endpoint(() => ({ status: 500, body: { message: "database down" } }));
    expect(summary(await new WebhookSender().send(target(receiver.url), body))).toEqual({ outcome: "retry", status: 500, error: "HTTP 500: database down" });
  });

  it("a 422 is a retry carrying the ValidationFailure", async () => {
    const receiver = await endpoint(() => ({
      status: 422,
      body: { message: "Invalid payload", errors: [{ field: "upc", code: "missing_field" }, { field: "timestamp", code: "invalid" }] },
    }));
    expect(summary(await new WebhookSender().send(target(receiver.url), body))).toEqual({
      outcome: "retry",
      status: 422,
      error: "HTTP 422: Invalid payload (upc missing_field, timestamp invalid)",
    });
  });

  it("does not follow a redirect", async () => {
    const receiver = await endpoint((request) =>
      request.url === "/moved" ? { status: 200 } : { status: 302, headers: { location: "/moved" } },
    );
    const result = await new WebhookSender().send(target(`${receiver.url}/hooks`), body);
    expect(result).toMatchObject({ outcome: "retry", status: 302 });
    expect(result.error).toContain("redirects are not followed");
    expect(receiver.requests.map((r) => r.url)).toEqual(["/hooks"]);
  });

  it("a refused connection is a retry", async () => {
    const receiver = await endpoint();
    await receiver.close();
    const result = await new WebhookSender().send(target(receiver.url), body);
    expect(result.outcome).toBe("retry");
    expect(result.error).toMatch(/^connection failed: .*ECONNREFUSED/);
    expect(exchangesOf(result)).toEqual([["connection_error", null]]);
  });

  it("no answer within the timeout is a retry", async () => {
    const receiver = await endpoint(() => "hang");
    const result = await new WebhookSender({ timeoutMs: 200 }).send(target(receiver.url), body);
    expect(summary(result)).toEqual({ outcome: "retry", error: "no answer within 200 ms" });
    expect(exchangesOf(result)).toEqual([["timeout", null]]);
  });

  it("a body that is not JSON is a failure, not a retry", async () => {
    const receiver = await endpoint();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const result = await new WebhookSender().send(target(receiver.url), circular);
    expect(result.outcome).toBe("fail");
    expect(receiver.requests).toHaveLength(0);
  });

  it("never hands back a credential, even when the receiver echoes it", async () => {
    const echo: Handler = (request) => ({ status: 500, body: { message: `got ${JSON.stringify(request.headers)}` } });
    const receiver = await endpoint(echo);
    const tokens = await endpoint(() => ({ status: 200, body: { access_token: "bearer-tok-secret", expires_in: 60 } }));
    const sender = new WebhookSender();
    const auths: WebhookAuth[] = [
      { kind: "basic", username: "hook-user", password: "pw-secret" },
      { kind: "header", name: "x-api-key", value: "header-secret" },
      { kind: "oauth2", tokenUrl: tokens.url, clientId: "cid", clientSecret: "client-secret-value" },
    ];
    const errors: string[] = [];
    for (const [index, auth] of auths.entries()) {
      const result = await sender.send(target(receiver.url, auth, index + 1), body);
      expect(result.outcome).toBe("retry");
      errors.push(result.error ?? "");
    }
    const all = errors.join("\n");
    expect(all).toContain("[redacted]");
    for (const secret of ["pw-secret", Buffer.from("hook-user:pw-secret").toString("base64"), "header-secret", "bearer-tok-secret", "client-secret-value"]) {
      expect(all).not.toContain(secret);
    }
  });
});
