import {
  createClient,
  createSubscription,
  createUnit,
  moveUnit,
  type Order,
  placeOrder,
  type Result,
  setStock,
  type UseCaseContext,
  type WebhookAuth,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookSubscription,
} from "@dropgate/core-domain";
import { createTestStorage, type TestStorage } from "@dropgate/storage/testing";
import { expect } from "vitest";
import { startWebhookDispatcher, type WebhookDispatcher, type WebhookDispatcherOptions } from "../../../src/dispatcher/webhook-dispatcher.js";
import { createLogger } from "../../../src/logging/logger.js";
import { type Handler, startEndpoint, type TestEndpoint } from "@dropgate/vitest-config/endpoint";

/*
 * One dispatcher world per test: a fresh SQLite file, a clock the test moves by hand (so retries
 * come due when the test says, never by waiting), real HTTP receivers on 127.0.0.1, and the
 * gateway's own logger writing into memory.
 */

/** The value of a successful result; fails the test with the error otherwise. */
export function must<T>(result: Result<T>): T {
  if (!result.ok) expect.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

export interface DispatcherWorld {
  readonly storage: TestStorage;
  readonly ctx: UseCaseContext;
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** Sets the clock to an instant. */
  setNow(iso: string): void;
  /** A receiver (client endpoint) answering with `handler`; closed with the world. */
  receiver(handler?: Handler): Promise<TestEndpoint>;
  /** A dispatcher on this world's store (or another `ctx`), polling only when the test calls `drainOnce`. */
  dispatcher(options?: Partial<WebhookDispatcherOptions>): WebhookDispatcher;
  /** A client subscribed to `eventTypes` at `url`. */
  subscribe(url: string, options?: { auth?: WebhookAuth; eventTypes?: WebhookEventType[]; clientId?: number }): WebhookSubscription;
  /** A unit LPn (sku S1, condition N, rts) moved to rts_drop_ship: one disposition delivery per subscriber. */
  moveNewUnit(lp: string): void;
  /** An accepted order of `clientId` for `quantity` of sku DS-1, with the fields Optoro's webhook bodies require. */
  placeShippableOrder(clientId: number, quantity: number): Order;
  delivery(id: number): WebhookDelivery;
  deliveries(): readonly WebhookDelivery[];
  /** Everything the dispatcher logged, raw. */
  rawLogs(): string;
  close(): Promise<void>;
}

const HUGE_POLL_MS = 3_600_000;

export async function openDispatcherWorld(): Promise<DispatcherWorld> {
  const storage = await createTestStorage();
  let now = new Date("2026-11-22T12:00:00.000Z");
  const ctx: UseCaseContext = { store: storage, now: () => now };
  const logLines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => logLines.push(line) } });
  const endpoints: TestEndpoint[] = [];
  const dispatchers: WebhookDispatcher[] = [];
  let receiverClient: number | undefined;
  let orders = 0;

  return {
    storage,
    ctx,
    advance(ms) {
      now = new Date(now.getTime() + ms);
    },
    setNow(iso) {
      now = new Date(iso);
    },
    async receiver(handler = () => ({ status: 200, body: { message: "Success" } })) {
      const endpoint = await startEndpoint(handler);
      endpoints.push(endpoint);
      return endpoint;
    },
    dispatcher(options = {}) {
      // The poll interval is far beyond any test: rounds happen only through drainOnce().
      // No jitter unless a test asks for it: retry times are then exactly the schedule.
      const dispatcher = startWebhookDispatcher({ ctx, logger, pollIntervalMs: HUGE_POLL_MS, random: () => 0, ...options });
      dispatchers.push(dispatcher);
      return dispatcher;
    },
    subscribe(url, options = {}) {
      receiverClient ??= must(createClient(ctx, { name: "hooks", dialect: "optoro", scope: "webhook_receiver" })).client.id;
      return must(
        createSubscription(ctx, {
          clientId: options.clientId ?? receiverClient,
          url,
          auth: options.auth ?? { kind: "none" },
          eventTypes: options.eventTypes ?? ["disposition_update"],
        }),
      );
    },
    moveNewUnit(lp) {
      must(createUnit(ctx, { lp, sku: "S1", upc: "0123456789012", condition: "N", disposition: "rts", warehouse: "22", location: "RTS-1", program: "parcel_returns" }));
      must(moveUnit(ctx, { lp, toDisposition: "rts_drop_ship" }));
    },
    placeShippableOrder(clientId, quantity) {
      must(setStock(ctx, { sku: "DS-1", condition: "N", channel: "rts_drop_ship", onHand: 100 }));
      const address = { name: "James Carter", telephoneNumber: "(206) 555-1208", street: "121 Vine Street", city: "Seattle", state: "WA", zipCode: "98121", country: "US" };
      const outcome = must(
        placeOrder(ctx, {
          clientId,
          clientIdentifier: `order-${++orders}`,
          channel: "rts_drop_ship",
          fill: "all_or_nothing",
          payment: "none",
          brand: "acme",
          shippingMethod: "STANDARD",
          billingAddress: address,
          shippingAddress: address,
          priceCents: 10000,
          taxCents: 1000,
          shippingCostCents: 500,
          shippingTaxCents: 0,
          items: [{ ref: { sku: "DS-1", condition: "N" }, quantity, clientIdentifier: "line-1", brand: "acme", priceCents: 10000 }],
        }),
      );
      expect(outcome.kind).toBe("accepted");
      return outcome.order;
    },
    delivery(id) {
      const found = storage.read((r) => r.getDelivery(id));
      if (!found) expect.fail(`delivery ${id} not found`);
      return found;
    },
    deliveries() {
      return storage.read((r) => r.listDeliveries({ limit: 1000 })).rows;
    },
    rawLogs: () => logLines.join(""),
    async close() {
      await Promise.all(dispatchers.map((d) => d.stop()));
      await Promise.all(endpoints.map((e) => e.close()));
      storage.cleanup();
    },
  };
}
