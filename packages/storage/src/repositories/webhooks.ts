import type {
  DeliveryStatus,
  StorageTx,
  WebhookDelivery,
  WebhookEventType,
  WebhookSubscription,
} from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, sql as raw } from "kysely";
import type { Database, WebhookDeliveriesTable, WebhookSubscriptionsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, presentKeys, queryBuilder, StatementShapes } from "../sql/statement.js";
import { definedOnly, expectOneRow, fromFlag, fromJson, pickColumns, toFlag, toJson } from "./codec.js";
import { type KeysetArgs, type ListStatements, runPage } from "./paging.js";

type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;
type DeliveryRow = Selectable<WebhookDeliveriesTable>;

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
    createdAt: row.created_at,
    updatedAt: row.updated_at,
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

// The claim is one UPDATE … RETURNING: rows move to in_flight in the same statement that picks
// them, so two dispatchers can never claim one delivery.
const claim = compileStatement((p: { now: string; limit: number }) =>
  queryBuilder
    .updateTable("webhook_deliveries")
    .set({ status: "in_flight", updated_at: p.now })
    .where("id", "in", (eb) =>
      eb
        .selectFrom("webhook_deliveries")
        .select("id")
        .where("status", "=", "pending")
        .where("next_attempt_at", "<=", p.now)
        .orderBy("id")
        .limit(p.limit),
    )
    .returningAll(),
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
    claimDueDeliveries(now, limit) {
      // RETURNING does not promise an order; the dispatcher gets the oldest first.
      return sql
        .all(claim, { now, limit })
        .sort((a, b) => a.id - b.id)
        .map(toDelivery);
    },
  };
}
