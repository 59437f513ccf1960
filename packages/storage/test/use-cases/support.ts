import {
  type Client,
  createClient,
  type PlaceOrderInput,
  type Result,
  setStock,
  type UseCaseContext,
  upsertProduct,
} from "@dropgate/core-domain";
import { createTestStorage } from "@dropgate/storage/testing";
import { expect } from "vitest";

/** A fresh SQLite file, a controllable clock and the use case context over both. */
export async function openWorld(options: Parameters<typeof createTestStorage>[0] = {}) {
  const storage = await createTestStorage(options);
  let now = new Date("2026-11-22T12:00:00.000Z");
  const ctx: UseCaseContext = { store: storage, now: () => now };
  return {
    storage,
    ctx,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    close: () => storage.cleanup(),
  };
}
export type World = Awaited<ReturnType<typeof openWorld>>;

/** The value of a successful result; fails the test with the error otherwise. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** The error of a failed result; fails the test if it succeeded. */
export function failure<T>(result: Result<T>) {
  if (result.ok) expect.fail("expected a failure, got success");
  return result.error;
}

export function buyer(ctx: UseCaseContext, name = "buyer"): Client {
  return must(createClient(ctx, { name, dialect: "optoro", scope: "buyer" })).client;
}

/** Operator-held unit stock of one sku in condition N on rts_drop_ship. */
export function stock(ctx: UseCaseContext, sku: string, onHand: number) {
  return must(setStock(ctx, { sku, condition: "N", channel: "rts_drop_ship", onHand }));
}

/** A vendor-managed product with stock. */
export function vendorStock(ctx: UseCaseContext, vendorId: string, sku: string, vpc: string, onHand: number) {
  must(upsertProduct(ctx, { sku, vendorId, vpc }));
  return stock(ctx, sku, onHand);
}

let sequence = 0;
/** An Optoro-style order (all or nothing, lots wait for payment) for the given lines. */
export function orderInput(clientId: number, lines: [sku: string, quantity: number][], id?: string): PlaceOrderInput {
  sequence += 1;
  return {
    clientId,
    clientIdentifier: id ?? `order-${sequence}`,
    channel: "rts_drop_ship",
    fill: "all_or_nothing",
    payment: "lots",
    items: lines.map(([sku, quantity], index) => ({ ref: { sku, condition: "N" as const }, quantity, clientIdentifier: `line-${index + 1}` })),
  };
}

/** Every position equals its ledger and nothing is negative. */
export function expectInvariants(world: World) {
  expect(world.storage.read((r) => r.checkInvariants())).toEqual([]);
}
