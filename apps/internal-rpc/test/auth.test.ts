import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rejection } from "./support/rejection.js";
import { type Harness, startHarness, TEST_TOKEN } from "./support/rpc-harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe("bearer token", () => {
  it("refuses a call without a token", async () => {
    const error = await rejection(h.clientWith(null).clients.list.query());
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(error.data?.httpStatus).toBe(401);
  });

  it("refuses a call with a wrong token, even one sharing a prefix", async () => {
    for (const token of ["wrong", `${TEST_TOKEN}x`, TEST_TOKEN.slice(0, -1)]) {
      const error = await rejection(h.clientWith(token).system.counts.query());
      expect(error.data?.code).toBe("UNAUTHORIZED");
    }
  });

  it("refuses a write without a token and writes nothing", async () => {
    const error = await rejection(h.clientWith(null).clients.create.mutate({ name: "sneaky", dialect: "optoro", scope: "buyer" }));
    expect(error.data?.code).toBe("UNAUTHORIZED");
    expect(await h.rpc.clients.list.query()).toEqual([]);
  });

  it("accepts the right token", async () => {
    expect(await h.rpc.clients.list.query()).toEqual([]);
  });

  it("answers health without a token", async () => {
    const health = await h.clientWith(null).system.health.query();
    expect(health.status).toBe("ok");
  });
});

describe("transport", () => {
  it("serves on 127.0.0.1 under /trpc", () => {
    expect(h.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/trpc$/);
  });

  it("batches calls made together into one HTTP request", async () => {
    let requests = 0;
    const count = () => {
      requests++;
    };
    h.server.server.on("request", count);
    try {
      const [clients, carriers, counts] = await Promise.all([
        h.rpc.clients.list.query(),
        h.rpc.carriers.list.query(),
        h.rpc.system.counts.query(),
      ]);
      expect(clients).toEqual([]);
      expect(carriers).toEqual([]);
      expect(counts.clients).toBe(0);
      expect(requests).toBe(1);
    } finally {
      h.server.server.off("request", count);
    }
  });

  it("answers 404 outside /trpc", async () => {
    const response = await fetch(h.server.url.replace(/\/trpc$/, "/clients.list"));
    expect(response.status).toBe(404);
  });
});
