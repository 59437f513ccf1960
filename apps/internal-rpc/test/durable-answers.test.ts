import { openStorage } from "@dropgate/storage";
import { failCommitsOn } from "@dropgate/storage/testing";
import { afterEach, beforeEach, expect, it } from "vitest";
import { rejection } from "./support/rejection.js";
import { type Harness, startHarness } from "./support/rpc-harness.js";

// The RPC answers only after the commit holding its writes returned. The commit is made to fail
// for real (a deferred foreign key checked at COMMIT): an answer sent before it would be a success.

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

it("answers INTERNAL_SERVER_ERROR, and keeps nothing, when the commit holding a mutation fails", async () => {
  const restore = failCommitsOn(h.storage, "clients", "NEW.name = 'poisoned'");
  const refused = await rejection(h.rpc.clients.create.mutate({ name: "poisoned", dialect: "optoro", scope: "buyer" }));
  expect(refused.data?.code).toBe("INTERNAL_SERVER_ERROR");

  // Another connection on the file (another process) finds no such client.
  const other = await openStorage({ path: h.storage.path });
  try {
    expect(other.read((r) => r.getClientByName("poisoned"))).toBeUndefined();
    restore();
    const created = await h.rpc.clients.create.mutate({ name: "poisoned", dialect: "optoro", scope: "buyer" });
    expect(other.read((r) => r.getClientByName("poisoned"))?.id).toBe(created.client.id);
  } finally {
    other.close();
  }
});
