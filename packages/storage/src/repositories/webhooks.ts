import {
  type DeliveryAttempt,
  DeliveryStatus,
  type StorageTx,
  type WebhookDelivery,
  type WebhookEventType,
  type WebhookSubscription,
} from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, sql as raw } from "kysely";
import type {
  Database,
  WebhookDeliveriesTable,
  WebhookDeliveryAttemptsTable,
  WebhookSubscriptionsTable,
} from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, presentKeys, queryBuilder, StatementShapes } from "../sql/statement.js";
import { definedOnly, expectOneRow, fromFlag, fromJson, pickColumns, toFlag, toJson } from "./codec.js";
import { type KeysetArgs, type ListStatements, runPage } from "./paging.js";

type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;
type AttemptRow = Selectable<WebhookDeliveryAttemptsTable>;

function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    clientId: row.client_id,
    url: row.url,
    auth: fromJson<WebhookSubscription["auth"]>(row.auth),
    eventTypes: fromJson<WebhookEventType[]>(row.event_types),
    active: fromFlag(row.active),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    eventType: row.event_type,
    payload: fromJson<Record<string, unknown>>(row.payload),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toAttempt(row: AttemptRow): DeliveryAttempt {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    attempt: row.attempt,
    startedAt: row.started_at,
    latencyMs: row.latency_ms,
    httpStatus: row.http_status,
    outcome: row.outcome,
    error: row.error,
    dispatcher: row.dispatcher,
  };
}

const subscriptions = queryBuilder.selectFrom("webhook_subscriptions").selectAll();
const selectSubscription = compileStatement((p: { id: number }) => subscriptions.where("id", "=", p.id));
const selectAllSubscriptions = compileStatement((_: object) => subscriptions.orderBy("id"));
const selectClientSubscriptions = compileStatement((p: { clientId: number }) =>
  subscriptions.where("client_id", "=", p.clientId).orderBy("id"),
);
const insertSubscription = compileStatement((p: Omit<SubscriptionRow, "id">) =>
  queryBuilder.insertInto("webhook_subscriptions").values({
    client_id: p.client_id,
    url: p.url,
    auth: p.auth,
    event_types: p.event_types,
    active: p.active,
    created_at: p.created_at,
    updated_at: p.updated_at,
  }),
);
type SubscriptionPatch = Pick<SubscriptionRow, "active" | "url">;
const updateSubscription = new StatementShapes((columns) =>
  compileStatement((p: SubscriptionPatch & { id: number; updated_at: string }) =>
    queryBuilder
      .updateTable("webhook_subscriptions")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("id", "=", p.id),
  ),
);

const deliveries = queryBuilder.selectFrom("webhook_deliveries").selectAll();
const selectDelivery = compileStatement((p: { id: number }) => deliveries.where("id", "=", p.id));

// The outbox fan-out is one INSERT … SELECT: one pending row per active subscription whose
// event_types (a JSON array) contain the type, written in the caller's business transaction.
interface EnqueueArgs {
  eventType: WebhookEventType;
  payload: string;
  at: string;
  clientId: number;
}

/** One pending delivery per active subscription to the event type, optionally of one client only. */
const enqueueQuery = (p: EnqueueArgs, scoped: boolean) =>
  queryBuilder
    .insertInto("webhook_deliveries")
    .columns([
      "subscription_id",
      "event_type",
      "payload",
      "status",
      "attempts",
      "next_attempt_at",
      "last_error",
      "created_at",
      "updated_at",
    ])
    .expression((eb) =>
      eb
        .selectFrom("webhook_subscriptions as s")
        .select([
          "s.id",
          raw<WebhookEventType>`${p.eventType}`.as("event_type"),
          raw<string>`${p.payload}`.as("payload"),
          raw<DeliveryStatus>`'pending'`.as("status"),
          raw<number>`0`.as("attempts"),
          raw<string>`${p.at}`.as("next_attempt_at"),
          raw<null>`null`.as("last_error"),
          raw<string>`${p.at}`.as("created_at"),
          raw<string>`${p.at}`.as("updated_at"),
        ])
        .where("s.active", "=", 1)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom(raw<{ value: string }>`json_each(s.event_types)`.as("t"))
              .select(raw`1`.as("one"))
              .where("t.value", "=", p.eventType),
          ),
        )
        .$if(scoped, (q) => q.where("s.client_id", "=", p.clientId))
        .orderBy("s.id"),
    );
const enqueue = compileStatement((p: EnqueueArgs) => enqueueQuery(p, false));
const enqueueForClient = compileStatement((p: EnqueueArgs) => enqueueQuery(p, true));

// The claim is one UPDATE … RETURNING: rows move to in_flight under the claimant's lease in the
// same statement that picks them, so two dispatchers can never claim one delivery. It picks
// pending rows that are due and in-flight rows whose lease ran out, at most `per_subscription` of
// each subscription, ranked so that one claim takes turns between subscriptions: a subscription
// with a deep backlog cannot crowd the others out of a claim.
interface ClaimArgs {
  now: string;
  limit: number;
  owner: string;
  lease_expires_at: string;
  per_subscription: number;
  /** Subscription ids to skip, as a JSON array. */
  skip: string;
}
const claim = compileStatement((p: ClaimArgs) =>
  queryBuilder
    .updateTable("webhook_deliveries")
    .set({ status: "in_flight", lease_owner: p.owner, lease_expires_at: p.lease_expires_at, updated_at: p.now })
    .where("id", "in", (eb) =>
      eb
        .selectFrom((inner) =>
          inner
            .selectFrom("webhook_deliveries")
            .select((e) => [
              "id",
              e.fn.agg<number>("row_number").over((o) => o.partitionBy("subscription_id").orderBy("id")).as("turn"),
            ])
            .where((e) =>
              e.or([
                e.and([e("status", "=", "pending"), e("next_attempt_at", "<=", p.now)]),
                e.and([e("status", "=", "in_flight"), e("lease_expires_at", "<=", p.now)]),
              ]),
            )
            .where("subscription_id", "not in", raw<number>`(select value from json_each(${p.skip}))`)
            .as("due"),
        )
        .select("due.id")
        .where("due.turn", "<=", p.per_subscription)
        .orderBy("due.turn")
        .orderBy("due.id")
        .limit(p.limit),
    )
    .returningAll(),
);

/** The rows `owner` leases among `ids` (a JSON array). */
const heldBy = (p: { owner: string; ids: string }) =>
  queryBuilder
    .updateTable("webhook_deliveries")
    .where("lease_owner", "=", p.owner)
    .where("status", "=", "in_flight")
    .where("id", "in", raw<number>`(select value from json_each(${p.ids}))`);
const renewLeases = compileStatement((p: { owner: string; ids: string; lease_expires_at: string }) =>
  heldBy(p).set({ lease_expires_at: p.lease_expires_at }),
);
const releaseLeases = compileStatement((p: { owner: string; ids: string; now: string }) =>
  heldBy(p).set({ status: "pending", next_attempt_at: p.now, lease_owner: null, lease_expires_at: null, updated_at: p.now }),
);

// Only the lease holder settles: a dispatcher whose lease ran out (and was taken over) cannot
// overwrite what the new holder records.
const settle = compileStatement(
  (p: Pick<DeliveryRow, "status" | "attempts" | "next_attempt_at" | "last_error"> & { id: number; owner: string; now: string }) =>
    queryBuilder
      .updateTable("webhook_deliveries")
      .set({
        status: p.status,
        attempts: p.attempts,
        next_attempt_at: p.next_attempt_at,
        last_error: p.last_error,
        lease_owner: null,
        lease_expires_at: null,
        updated_at: p.now,
      })
      .where("id", "=", p.id)
      .where("status", "=", "in_flight")
      .where("lease_owner", "=", p.owner),
);

const insertAttempt = compileStatement((p: Omit<AttemptRow, "id">) =>
  queryBuilder.insertInto("webhook_delivery_attempts").values({
    delivery_id: p.delivery_id,
    attempt: p.attempt,
    started_at: p.started_at,
    latency_ms: p.latency_ms,
    http_status: p.http_status,
    outcome: p.outcome,
    error: p.error,
    dispatcher: p.dispatcher,
  }),
);
const selectAttempts = compileStatement((p: { deliveryId: number }) =>
  queryBuilder.selectFrom("webhook_delivery_attempts").selectAll().where("delivery_id", "=", p.deliveryId).orderBy("id"),
);
const countByStatus = compileStatement((_: object) =>
  queryBuilder
    .selectFrom("webhook_deliveries")
    .select((eb) => ["status", eb.fn.countAll<number>().as("total")])
    .groupBy("status"),
);

type DeliveryPatch = Pick<DeliveryRow, "status" | "attempts" | "next_attempt_at" | "last_error">;
const updateDelivery = new StatementShapes((columns) =>
  compileStatement((p: DeliveryPatch & { id: number; updated_at: string }) =>
    queryBuilder
      .updateTable("webhook_deliveries")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("id", "=", p.id),
  ),
);

const DELIVERY_FILTERS = ["status", "subscriptionId"] as const;
interface DeliveryFilterArgs {
  status: DeliveryStatus;
  subscriptionId: number;
}
function filterDeliveries<O>(
  qb: SelectQueryBuilder<Database, "webhook_deliveries", O>,
  f: ReadonlySet<string>,
  p: DeliveryFilterArgs,
): SelectQueryBuilder<Database, "webhook_deliveries", O> {
  let q = qb;
  if (f.has("status")) q = q.where("status", "=", p.status);
  if (f.has("subscriptionId")) q = q.where("subscription_id", "=", p.subscriptionId);
  return q;
}
const deliveryLists = new StatementShapes<ListStatements<DeliveryFilterArgs, DeliveryRow>>((f) => ({
  page: compileStatement((p: DeliveryFilterArgs & KeysetArgs) =>
    filterDeliveries(deliveries, f, p).where("id", ">", p.afterId).orderBy("id").limit(p.limit),
  ),
  count: compileStatement((p: DeliveryFilterArgs) =>
    filterDeliveries(
      queryBuilder.selectFrom("webhook_deliveries").select((eb) => eb.fn.countAll<number>().as("total")),
      f,
      p,
    ),
  ),
}));

type WebhookMethods = Pick<
  StorageTx,
  | "getSubscription"
  | "listSubscriptions"
  | "getDelivery"
  | "listDeliveries"
  | "insertSubscription"
  | "updateSubscription"
  | "enqueueEvent"
  | "updateDelivery"
  | "claimDueDeliveries"
  | "renewDeliveryLeases"
  | "releaseDeliveries"
  | "settleDelivery"
  | "insertDeliveryAttempt"
  | "listDeliveryAttempts"
  | "countDeliveriesByStatus"
>;

/** Webhook subscriptions and the delivery outbox the dispatcher drains. */
export function webhookRepository(sql: PreparedStatements): WebhookMethods {
  return {
    getSubscription(id) {
      const row = sql.get(selectSubscription, { id });
      return row && toSubscription(row);
    },
    listSubscriptions(clientId) {
      const rows =
        clientId === undefined ? sql.all(selectAllSubscriptions, {}) : sql.all(selectClientSubscriptions, { clientId });
      return rows.map(toSubscription);
    },
    getDelivery(id) {
      const row = sql.get(selectDelivery, { id });
      return row && toDelivery(row);
    },
    listDeliveries(query) {
      const present = presentKeys(query, DELIVERY_FILTERS);
      return runPage(sql, deliveryLists, present, query as DeliveryFilterArgs, query, (rows) => rows.map(toDelivery));
    },
    insertSubscription(input) {
      const row: Omit<SubscriptionRow, "id"> = {
        client_id: input.clientId,
        url: input.url,
        auth: toJson(input.auth),
        event_types: toJson(input.eventTypes),
        active: 1,
        created_at: input.at,
        updated_at: input.at,
      };
      const { lastId } = sql.run(insertSubscription, row);
      return {
        id: lastId,
        clientId: input.clientId,
        url: input.url,
        auth: input.auth,
        eventTypes: [...input.eventTypes],
        active: true,
        createdAt: input.at,
        updatedAt: input.at,
      };
    },
    updateSubscription(id, patch, at) {
      const columns = definedOnly<SubscriptionPatch>({
        active: patch.active === undefined ? undefined : toFlag(patch.active),
        url: patch.url,
      });
      const { changes } = sql.run(updateSubscription.for(Object.keys(columns)), {
        ...(columns as SubscriptionPatch),
        id,
        updated_at: at,
      });
      expectOneRow(changes, "webhook subscription", id);
    },
    enqueueEvent(eventType, payload, at, audience) {
      const args = { eventType, payload: toJson(payload), at, clientId: audience?.clientId ?? 0 };
      return sql.run(audience === undefined ? enqueue : enqueueForClient, args).changes;
    },
    updateDelivery(id, patch, at) {
      const columns = definedOnly<DeliveryPatch>({
        status: patch.status,
        attempts: patch.attempts,
        next_attempt_at: patch.nextAttemptAt,
        last_error: patch.lastError,
      });
      const { changes } = sql.run(updateDelivery.for(Object.keys(columns)), {
        ...(columns as DeliveryPatch),
        id,
        updated_at: at,
      });
      expectOneRow(changes, "webhook delivery", id);
    },
    claimDueDeliveries(input) {
      const args: ClaimArgs = {
        now: input.now,
        limit: input.limit,
        owner: input.owner,
        lease_expires_at: input.leaseExpiresAt,
        per_subscription: input.perSubscription,
        skip: toJson(input.skipSubscriptions),
      };
      // RETURNING does not promise an order; the dispatcher gets the oldest first.
      return sql
        .all(claim, args)
        .sort((a, b) => a.id - b.id)
        .map(toDelivery);
    },
    renewDeliveryLeases(owner, ids, leaseExpiresAt) {
      return sql.run(renewLeases, { owner, ids: toJson(ids), lease_expires_at: leaseExpiresAt }).changes;
    },
    releaseDeliveries(owner, ids, at) {
      return sql.run(releaseLeases, { owner, ids: toJson(ids), now: at }).changes;
    },
    settleDelivery(id, owner, settlement, at) {
      const { changes } = sql.run(settle, {
        id,
        owner,
        now: at,
        status: settlement.status,
        attempts: settlement.attempts,
        next_attempt_at: settlement.nextAttemptAt,
        last_error: settlement.lastError,
      });
      return changes === 1;
    },
    insertDeliveryAttempt(attempt) {
      const row: Omit<AttemptRow, "id"> = {
        delivery_id: attempt.deliveryId,
        attempt: attempt.attempt,
        started_at: attempt.startedAt,
        latency_ms: attempt.latencyMs,
        http_status: attempt.httpStatus,
        outcome: attempt.outcome,
        error: attempt.error,
        dispatcher: attempt.dispatcher,
      };
      const { lastId } = sql.run(insertAttempt, row);
      return { id: lastId, ...attempt };
    },
    listDeliveryAttempts(deliveryId) {
      return sql.all(selectAttempts, { deliveryId }).map(toAttempt);
    },
    countDeliveriesByStatus() {
      const counts = Object.fromEntries(DeliveryStatus.options.map((status) => [status, 0])) as Record<DeliveryStatus, number>;
      for (const row of sql.all(countByStatus, {})) counts[row.status] = row.total;
      return counts;
    },
  };
}
