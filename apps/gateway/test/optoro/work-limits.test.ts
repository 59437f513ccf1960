import { createClient } from "@dropgate/core-domain";
import type { OrderRequest } from "@dropgate/optoro-adapter";
import { afterEach, describe, expect, it } from "vitest";
import { AUTH, type OptoroWorld, sampleOrder, startOptoro, unwrap } from "./support/optoro-world.js";

/*
 * The limits an audit broke, with the requests that broke them. The rate limit counts work:
 * a batch of 25 orders × 125 lines is 3125 tokens, so with Optoro's defaults (1200 a minute,
 * burst 120) one such batch empties the buyer's bucket and the next waits for it to refill,
 * while another buyer is served from its own bucket.
 */

let world: OptoroWorld;
afterEach(() => world?.close());

const OPTORO_DEFAULTS = { rateLimit: { perMinute: 1200, burst: 120 } };

function heavyBatch(tag: string): { orders: OrderRequest[] } {
  const lines = Array.from({ length: 125 }, (_, index) => ({ sku: `NOSTOCK-${index}`, quantity: 1 }));
  return { orders: Array.from({ length: 25 }, (_, index) => sampleOrder(`${tag}-${index}`, lines)) };
}

describe("the rate limit counts work", () => {
  it("lets one 25 × 125-line batch through, refuses the buyer's next ones with 429, and still serves another buyer", async () => {
    world = await startOptoro({ config: OPTORO_DEFAULTS });
    const heavy = await world.buyer("heavy");
    const other = await world.buyer("other");

    // Four connections at once, as the audit sent them.
    const answers = await Promise.all(
      ["a", "b", "c", "d"].map((tag) => heavy.call<unknown[]>("POST", "/batch/orders", { body: heavyBatch(tag) })),
    );
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 429, 429, 429]);
    const served = answers.find((answer) => answer.status === 200);
    expect(served?.body).toHaveLength(25);

    const next = await heavy.call<{ message: string }>("POST", "/orders", { body: { order: sampleOrder("heavy-next") } });
    expect(next.status).toBe(429);
    // 3125 tokens of work leave the bucket ~3000 in debt: minutes at 1200 a minute, not seconds.
    expect(Number(next.headers.get("retry-after"))).toBeGreaterThan(60);

    const served2 = await other.call("POST", "/orders", { body: { order: sampleOrder("other-1") } });
    expect([200, 201]).toContain(served2.status);
  });
});

describe("the token endpoint's bucket", () => {
  it("is keyed by client id as well as address: a guessing loop does not lock out the real client on that address", async () => {
    world = await startOptoro({ config: { rateLimit: { perMinute: 1, burst: 3 } } });
    const victim = unwrap(createClient(world.ctx, { name: "victim", dialect: "optoro", scope: "buyer" }));
    const legit = unwrap(createClient(world.ctx, { name: "legit", dialect: "optoro", scope: "buyer" }));
    const token = (client_id: string, client_secret: string) =>
      world.api.fetchJson(`${AUTH}/oauth/token`, {
        method: "POST",
        body: { grant_type: "client_credentials", client_id, client_secret },
      });

    const guesses = [];
    for (let attempt = 0; attempt < 5; attempt += 1) guesses.push((await token(victim.key, `guess-${attempt}`)).status);
    expect(guesses).toEqual([401, 401, 401, 429, 429]);

    const real = await token(legit.key, legit.secret);
    expect(real.status).toBe(200);
  });
});
