import {
  authenticateClient,
  createClient,
  issueAccessToken,
  rotateClientSecret,
  setClientDisabled,
  updateBuyerSettings,
  verifyAccessToken,
} from "@dropgate/core-domain";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { failure, must, openWorld, type World } from "./support.js";

let world: World;
beforeEach(async () => {
  world = await openWorld();
});
afterEach(() => world.close());

describe("clients and credentials", () => {
  it("creates a client whose secret is shown once and stored only as a hash", () => {
    const issued = must(createClient(world.ctx, { name: "acme", dialect: "optoro", scope: "buyer" }));
    const stored = world.storage.read((r) => r.getClientByKey(issued.key))!;
    expect(stored.secretHash).not.toContain(issued.secret);
    expect(JSON.stringify(stored)).not.toContain(issued.secret);
    expect(must(authenticateClient(world.ctx, issued.key, issued.secret)).id).toBe(issued.client.id);
  });

  it("refuses a wrong secret, an unknown key and a disabled client alike", () => {
    const { client, key, secret } = must(createClient(world.ctx, { name: "acme", dialect: "optoro", scope: "buyer" }));
    expect(failure(authenticateClient(world.ctx, key, `${secret}x`)).code).toBe("UNAUTHORIZED");
    expect(failure(authenticateClient(world.ctx, "dg_nobody", secret)).code).toBe("UNAUTHORIZED");
    must(setClientDisabled(world.ctx, client.id, true));
    expect(failure(authenticateClient(world.ctx, key, secret)).code).toBe("UNAUTHORIZED");
  });

  it("needs a vendor id for vendors and a unique name", () => {
    expect(failure(createClient(world.ctx, { name: "v", dialect: "retailops", scope: "vendor" })).field).toBe("vendorId");
    must(createClient(world.ctx, { name: "v", dialect: "retailops", scope: "vendor", vendorId: "27" }));
    expect(failure(createClient(world.ctx, { name: "v", dialect: "optoro", scope: "buyer" })).code).toBe("CONFLICT");
  });

  it("issues tokens that expire, and rotation revokes the old secret and its tokens", () => {
    const { client, key, secret } = must(createClient(world.ctx, { name: "acme", dialect: "optoro", scope: "buyer" }));
    const token = must(issueAccessToken(world.ctx, { key, secret }));
    expect(token.expiresIn).toBe(90000);
    expect(must(verifyAccessToken(world.ctx, token.accessToken)).id).toBe(client.id);
    expect(failure(verifyAccessToken(world.ctx, "made-up")).code).toBe("UNAUTHORIZED");

    world.advance(90_000 * 1000);
    expect(failure(verifyAccessToken(world.ctx, token.accessToken)).message).toMatch(/expired/);

    const fresh = must(issueAccessToken(world.ctx, { key, secret }));
    const rotated = must(rotateClientSecret(world.ctx, client.id));
    expect(failure(verifyAccessToken(world.ctx, fresh.accessToken)).message).toMatch(/revoked/);
    expect(failure(issueAccessToken(world.ctx, { key, secret })).code).toBe("UNAUTHORIZED");
    const live = must(issueAccessToken(world.ctx, { key, secret: rotated.secret }));
    // Disabling the client stops its live token (it revokes it, too).
    expect(must(verifyAccessToken(world.ctx, live.accessToken)).name).toBe("acme");
    must(setClientDisabled(world.ctx, client.id, true));
    expect(failure(verifyAccessToken(world.ctx, live.accessToken)).code).toBe("UNAUTHORIZED");
  });

  it("keeps ecredit and auto-confirmation for buyers only", () => {
    const buyer = must(createClient(world.ctx, { name: "b", dialect: "rewix", scope: "buyer" })).client;
    const vendor = must(createClient(world.ctx, { name: "v", dialect: "retailops", scope: "vendor", vendorId: "9" })).client;
    const updated = must(updateBuyerSettings(world.ctx, buyer.id, { ecreditCents: 5000, autoConfirm: true }));
    expect(updated).toMatchObject({ ecreditCents: 5000, autoConfirm: true });
    expect(failure(updateBuyerSettings(world.ctx, vendor.id, { ecreditCents: 1 })).code).toBe("VALIDATION");
    expect(failure(updateBuyerSettings(world.ctx, 999, { ecreditCents: 1 })).code).toBe("NOT_FOUND");
  });
});
