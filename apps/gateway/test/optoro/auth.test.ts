import { createClient, hashSecret, rotateClientSecret, setClientDisabled } from "@dropgate/core-domain";
import type { OAuthErrorBody, TokenResponse } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { AUTH, anHourAgo, fixture, type OptoroWorld, startOptoro, unwrap } from "./support/optoro-world.js";

let world: OptoroWorld;
afterEach(() => world?.close());

const INVALID_CLIENT = fixture<OAuthErrorBody>("token-invalid-client.response.json");

async function requestToken(body: unknown, headers: Record<string, string> = {}) {
  return world.api.fetchJson<TokenResponse & OAuthErrorBody>(`${AUTH}/oauth/token`, { method: "POST", body, headers });
}

describe("Optoro OAuth: POST /optoro/auth/oauth/token", () => {
  it("issues a Bearer token for the spec's request, shaped like the spec's answer, never cached", async () => {
    const issuedAt = new Date("2026-03-01T12:00:00.000Z");
    world = await startOptoro({ now: () => issuedAt });
    const { key, secret } = unwrap(createClient(world.ctx, { name: "buyer", dialect: "optoro", scope: "buyer" }));
    const sample = fixture<Record<string, string>>("token.request.json");
    const answer = await requestToken({ ...sample, client_id: key, client_secret: secret });
    expect(answer.status).toBe(200);
    const expected = fixture<TokenResponse>("token.response.json");
    expect(Object.keys(answer.body).sort()).toEqual(Object.keys(expected).sort());
    expect(answer.body).toMatchObject({ token_type: "Bearer", expires_in: 90000, scope: "read write" });
    expect(answer.body.created_at).toBe(issuedAt.getTime() / 1000);
    expect(answer.headers.get("cache-control")).toBe("no-store");
  });

  it("stores only a hash of the token", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    const stored = world.gateway.store.read((r) => r.findAccessToken(hashSecret(buyer.token)));
    expect(stored).toMatchObject({ clientId: buyer.clientId, revokedAt: null });
    expect(stored?.tokenHash).not.toContain(buyer.token);
    expect(world.gateway.store.read((r) => r.findAccessToken(buyer.token))).toBeUndefined();
  });

  it("accepts the grant form-encoded too (RFC 6749 §4.4.2)", async () => {
    world = await startOptoro();
    const { key, secret } = unwrap(createClient(world.ctx, { name: "buyer", dialect: "optoro", scope: "buyer" }));
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: key, client_secret: secret }).toString();
    const answer = await requestToken(form, { "content-type": "application/x-www-form-urlencoded" });
    expect(answer.status).toBe(200);
    expect(answer.body.token_type).toBe("Bearer");
  });

  it("answers 401 invalid_client, Optoro's body, for a wrong secret, an unknown client, a disabled one or another dialect's", async () => {
    world = await startOptoro();
    const optoro = unwrap(createClient(world.ctx, { name: "buyer", dialect: "optoro", scope: "buyer" }));
    const rewix = unwrap(createClient(world.ctx, { name: "rewix", dialect: "rewix", scope: "buyer" }));
    const disabled = unwrap(createClient(world.ctx, { name: "gone", dialect: "optoro", scope: "buyer" }));
    unwrap(setClientDisabled(world.ctx, disabled.client.id, true));
    for (const [client_id, client_secret] of [
      [optoro.key, "wrong"],
      ["dg_optoro_unknown", optoro.secret],
      [disabled.key, disabled.secret],
      [rewix.key, rewix.secret],
    ]) {
      const answer = await requestToken({ grant_type: "client_credentials", client_id, client_secret });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(INVALID_CLIENT);
    }
    expect(world.gateway.store.read((r) => r.counts().clients)).toBe(3);
  });

  it("answers 400 unsupported_grant_type for another grant, and 400 invalid_request for a malformed request", async () => {
    world = await startOptoro();
    const { key, secret } = unwrap(createClient(world.ctx, { name: "buyer", dialect: "optoro", scope: "buyer" }));
    const password = await requestToken({ grant_type: "password", client_id: key, client_secret: secret });
    expect(password.status).toBe(400);
    expect(password.body.error).toBe("unsupported_grant_type");

    const missing = await requestToken({ grant_type: "client_credentials", client_id: key });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_request");
    expect(missing.body.error_description).toContain("client_secret");

    const extra = await requestToken({ grant_type: "client_credentials", client_id: key, client_secret: secret, scope: "all" });
    expect(extra.status).toBe(400);
    expect(extra.body.error).toBe("invalid_request");

    const malformed = await requestToken("{not json", { "content-type": "application/json" });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe("invalid_request");
  });
});

describe("Drop Ship bearer authentication", () => {
  const listings = { updated_at: anHourAgo(), channel: "rts_drop_ship" };

  it("takes the Bearer scheme in any case", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    for (const scheme of ["Bearer", "bearer", "BEARER"]) {
      const answer = await buyer.call("GET", "/listings", { query: listings, headers: { authorization: `${scheme} ${buyer.token}` } });
      expect(answer.status).toBe(200);
    }
  });

  it("answers 401 {message} with a Bearer challenge for a missing, malformed or unknown token", async () => {
    world = await startOptoro();
    const buyer = await world.buyer("buyer");
    for (const authorization of [null, "Basic abc", `Bearer`, "Bearer not-a-token", `Token ${buyer.token}`]) {
      const answer = await buyer.call<{ message: string }>("GET", "/listings", { query: listings, headers: { authorization } });
      expect(answer.status).toBe(401);
      expect(answer.body.message).toMatch(/^Not Authorized: /);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
  });

  it("answers 401 once the token has expired (25 hours)", async () => {
    let now = new Date();
    world = await startOptoro({ now: () => now });
    const buyer = await world.buyer("buyer");
    const query = { updated_at: anHourAgo(now), channel: "rts_drop_ship" };
    expect((await buyer.call("GET", "/listings", { query })).status).toBe(200);
    now = new Date(now.getTime() + 89_000_000);
    expect((await buyer.call("GET", "/listings", { query: { ...query, updated_at: anHourAgo(now) } })).status).toBe(200);
    now = new Date(now.getTime() + 1_000_001);
    const expired = await buyer.call<{ message: string }>("GET", "/listings", { query: { ...query, updated_at: anHourAgo(now) } });
    expect(expired.status).toBe(401);
    expect(expired.body.message).toBe("Not Authorized: access token expired");
  });

  it("answers 401 once the token is revoked (secret rotated) or the client disabled", async () => {
    world = await startOptoro();
    const rotated = await world.buyer("rotated");
    const disabled = await world.buyer("disabled");
    unwrap(rotateClientSecret(world.ctx, rotated.clientId));
    unwrap(setClientDisabled(world.ctx, disabled.clientId, true));
    for (const buyer of [rotated, disabled]) {
      const answer = await buyer.call<{ message: string }>("GET", "/listings", { query: listings });
      expect(answer.status).toBe(401);
      expect(answer.body.message).toMatch(/^Not Authorized: (access token revoked|client disabled)$/);
    }
  });

  it("answers 403 to an Optoro client that is not a buyer", async () => {
    world = await startOptoro();
    const sender = await world.buyer("sender", { scope: "forward_order_sender" });
    const answer = await sender.call<{ message: string }>("GET", "/listings", { query: listings });
    expect(answer.status).toBe(403);
    expect(answer.body.message).toBe("Forbidden: Drop Ship is open to buyer clients only");
  });
});
