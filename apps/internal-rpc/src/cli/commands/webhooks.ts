import {
  type DeliveryAttempt,
  DeliveryStatus,
  type WebhookAuth,
  type WebhookDelivery,
  WebhookEventType,
} from "@dropgate/core-domain";
import { type Command, Option } from "commander";
import { clientRef, integer } from "../arguments.js";
import { UsageError } from "../failures.js";
import { pageFooter, table } from "../output.js";
import { clientNames } from "../client-names.js";
import { sessionOf } from "../session.js";

const deliveryColumns = [
  { header: "ID", value: (d: WebhookDelivery) => d.id, align: "right" as const },
  { header: "SUB", value: (d: WebhookDelivery) => d.subscriptionId, align: "right" as const },
  { header: "EVENT", value: (d: WebhookDelivery) => d.eventType },
  { header: "STATUS", value: (d: WebhookDelivery) => d.status },
  { header: "TRIES", value: (d: WebhookDelivery) => d.attempts, align: "right" as const },
  // Only a delivery still waiting has a next attempt; a delivered or failed one shows "-".
  { header: "NEXT", value: (d: WebhookDelivery) => (d.status === "pending" ? d.nextAttemptAt : null) },
  { header: "LAST ERROR", value: (d: WebhookDelivery) => d.lastError },
];

const attemptColumns = [
  { header: "TRY", value: (a: DeliveryAttempt) => a.attempt, align: "right" as const },
  { header: "STARTED", value: (a: DeliveryAttempt) => a.startedAt },
  { header: "STATUS", value: (a: DeliveryAttempt) => a.httpStatus ?? "-" },
  { header: "MS", value: (a: DeliveryAttempt) => a.latencyMs, align: "right" as const },
  { header: "OUTCOME", value: (a: DeliveryAttempt) => a.outcome },
  { header: "ERROR", value: (a: DeliveryAttempt) => a.error },
  { header: "DISPATCHER", value: (a: DeliveryAttempt) => a.dispatcher },
];

/** How Dropgate authenticates to the endpoint, from `--header` or `--basic`. */
function authOf(opts: { header?: string; basic?: string }): WebhookAuth {
  if (opts.header !== undefined && opts.basic !== undefined) throw new UsageError("give --header or --basic, not both");
  if (opts.header !== undefined) {
    const at = opts.header.indexOf(":");
    if (at < 1) throw new UsageError("--header expects 'Name: value'");
    return { kind: "header", name: opts.header.slice(0, at).trim(), value: opts.header.slice(at + 1).trim() };
  }
  if (opts.basic !== undefined) {
    const at = opts.basic.indexOf(":");
    if (at < 0) throw new UsageError("--basic expects 'user:password'");
    return { kind: "basic", username: opts.basic.slice(0, at), password: opts.basic.slice(at + 1) };
  }
  return { kind: "none" };
}

/** `dropgate webhooks …`: subscriptions, the delivery outbox and its failure queue. */
export function registerWebhookCommands(program: Command): void {
  const webhooks = program.command("webhooks").description("webhook subscriptions, deliveries, failure queue, retry");

  webhooks
    .command("subs")
    .description("list subscriptions")
    .option("--client <client>", "client id or name", clientRef)
    .action(async (opts: { client?: number | string }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const [subs, clientName] = await Promise.all([
        rpc.webhooks.subscriptions.query(opts.client === undefined ? {} : { client: opts.client }),
        clientNames(rpc, out),
      ]);
      out.result(subs, (rows) =>
        table(rows, [
          { header: "ID", value: (s) => s.id, align: "right" },
          { header: "CLIENT", value: (s) => clientName(s.clientId) },
          { header: "URL", value: (s) => s.url },
          { header: "AUTH", value: (s) => s.auth.kind },
          { header: "EVENTS", value: (s) => s.eventTypes.join(",") },
          { header: "ACTIVE", value: (s) => (s.active ? "yes" : "no") },
        ]),
      );
    });

  webhooks
    .command("subscribe")
    .description("subscribe a client endpoint to events")
    .argument("<client>", "client id or name", clientRef)
    .argument("<url>", "endpoint URL")
    .addOption(new Option("--event <type...>", "event types").choices(WebhookEventType.options).default(["disposition_update"]))
    .option("--header <'Name: value'>", "send this header to authenticate")
    .option("--basic <user:password>", "authenticate with HTTP Basic")
    .action(async (client: number | string, url: string, opts: { event: WebhookEventType[]; header?: string; basic?: string }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const auth = authOf(opts);
      const sub = await rpc.webhooks.subscribe.mutate({ client, url, auth, eventTypes: opts.event });
      out.result(sub, (s) => [`subscription #${s.id} to ${s.url} (${s.eventTypes.join(", ")})`]);
    });

  for (const [verb, active] of [
    ["pause", false],
    ["resume", true],
  ] as const) {
    webhooks
      .command(verb)
      .description(`${verb} a subscription`)
      .argument("<id>", "subscription id", integer)
      .action(async (id: number, _opts: unknown, cmd: Command) => {
        const { rpc, out } = sessionOf(cmd);
        const sub = await rpc.webhooks.setActive.mutate({ id, active });
        out.result(sub, (s) => [`subscription #${s.id} is ${s.active ? "active" : "paused"}`]);
      });
  }

  webhooks
    .command("deliveries")
    .description("the delivery outbox")
    .addOption(new Option("--status <status>").choices(DeliveryStatus.options))
    .option("--subscription <id>", "subscription id", integer)
    .option("--after <id>", "page after this delivery id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(async (opts: { status?: DeliveryStatus; subscription?: number; after?: number; limit: number }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const page = await rpc.webhooks.deliveries.query({
        limit: opts.limit,
        ...(opts.status === undefined ? {} : { status: opts.status }),
        ...(opts.subscription === undefined ? {} : { subscriptionId: opts.subscription }),
        ...(opts.after === undefined ? {} : { afterId: opts.after }),
      });
      out.result(page, (p) => [...table(p.rows, deliveryColumns), pageFooter(p)]);
    });

  webhooks
    .command("failures")
    .description("the failure queue: deliveries whose retries are spent")
    .option("--after <id>", "page after this delivery id", integer)
    .option("--limit <n>", "rows per page", integer, 50)
    .action(async (opts: { after?: number; limit: number }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const page = await rpc.webhooks.failures.query({ limit: opts.limit, ...(opts.after === undefined ? {} : { afterId: opts.after }) });
      out.result(page, (p) => [...table(p.rows, deliveryColumns), pageFooter(p)]);
    });

  webhooks
    .command("attempts")
    .description("every HTTP exchange of one delivery: when, status, latency, outcome, error")
    .argument("<delivery>", "delivery id", integer)
    .action(async (id: number, _opts: unknown, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      const attempts = await rpc.webhooks.attempts.query({ id });
      out.result(attempts, (rows) => (rows.length === 0 ? [`delivery #${id} has not been attempted yet`] : table(rows, attemptColumns)));
    });

  webhooks
    .command("retry")
    .description("put failed deliveries back in the queue, each with a fresh set of retries")
    .argument("[id...]", "delivery ids")
    .option("--subscription <id>", "every failed delivery of this subscription", integer)
    .action(async (ids: string[], opts: { subscription?: number }, cmd: Command) => {
      const { rpc, out } = sessionOf(cmd);
      if (opts.subscription !== undefined) {
        if (ids.length > 0) throw new UsageError("give delivery ids or --subscription, not both");
        const { count } = await rpc.webhooks.retrySubscription.mutate({ subscriptionId: opts.subscription });
        out.result({ subscriptionId: opts.subscription, count }, (r) => [
          `${r.count} failed deliver${r.count === 1 ? "y" : "ies"} of subscription #${r.subscriptionId} queued again`,
        ]);
        return;
      }
      if (ids.length === 0) throw new UsageError("give delivery ids or --subscription <id>");
      const retried = [];
      for (const id of ids) retried.push(await rpc.webhooks.retry.mutate({ id: integer(id) }));
      out.result(retried, (rows) => rows.map((d) => `delivery #${d.id} is ${d.status} again`));
    });
}
