import type { StoragePort } from "@dropgate/core-domain";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { DispatcherEvents } from "../dispatcher/webhook-dispatcher.js";

/*
 * The gateway's Prometheus metrics, one registry per gateway (tests run many in one process, and
 * prom-client's global registry refuses a second metric of one name). Deliveries by status are
 * read from the outbox at scrape time, so they hold for the whole database whichever process
 * dispatches; attempts and requests are this process's own counters, as Prometheus expects.
 */

/** Request latency buckets in seconds: from a cached read to a slow batch write. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Webhook exchange buckets in seconds: up to past the default 10 s timeout. */
const ATTEMPT_BUCKETS = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Everything `/metrics` shows, and the hooks that feed it. */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** Hand to `startWebhookDispatcher` as `events`. */
  readonly dispatcherEvents: DispatcherEvents;
  /** Counts one answered HTTP request; `route` is the matched pattern (`unmatched` for a 404 of no route). */
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
}

/** Creates the registry with the HTTP, webhook and process metrics. */
export function createGatewayMetrics(options: { readonly store: StoragePort }): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "dropgate_" });

  const requests = new Counter({
    name: "dropgate_http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const requestSeconds = new Histogram({
    name: "dropgate_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const attempts = new Counter({
    name: "dropgate_webhook_attempts_total",
    help: "HTTP exchanges with client webhook endpoints made by this process, by outcome and event type",
    labelNames: ["outcome", "event_type"] as const,
    registers: [registry],
  });
  const attemptSeconds = new Histogram({
    name: "dropgate_webhook_attempt_duration_seconds",
    help: "Duration of one exchange with a client webhook endpoint, by outcome",
    labelNames: ["outcome"] as const,
    buckets: ATTEMPT_BUCKETS,
    registers: [registry],
  });
  new Gauge({
    name: "dropgate_webhook_deliveries",
    help: "Webhook deliveries in the outbox, by status (failed = the failure queue)",
    labelNames: ["status"] as const,
    registers: [registry],
    collect() {
      const counts = options.store.read((reader) => reader.countDeliveriesByStatus());
      for (const [status, count] of Object.entries(counts)) this.set({ status }, count);
    },
  });

  return {
    registry,
    dispatcherEvents: {
      attempt(record) {
        attempts.inc({ outcome: record.outcome, event_type: record.eventType });
        attemptSeconds.observe({ outcome: record.outcome }, record.latencyMs / 1000);
      },
    },
    observeRequest({ method, route, status, seconds }) {
      const labels = { method, route, status: String(status) };
      requests.inc(labels);
      requestSeconds.observe(labels, seconds);
    },
  };
}
