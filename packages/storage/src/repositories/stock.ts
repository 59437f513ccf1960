import type {
  LedgerMovement,
  ListingCondition,
  LotDetails,
  PositionKey,
  StockPosition,
  StorageTx,
} from "@dropgate/core-domain";
import { type Selectable, type SelectQueryBuilder, type SqlBool, sql as raw } from "kysely";
import type { Database, LedgerMovementsTable, StockPositionsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, presentKeys, queryBuilder, StatementShapes, throughIndex } from "../sql/statement.js";
import { definedOnly, expectOneRow, fromJsonOrNull, pickColumns, toJsonOrNull } from "./codec.js";
import { type KeysetArgs, type ListStatements, runPage } from "./paging.js";

type PositionRow = Selectable<StockPositionsTable>;
type MovementRow = Selectable<LedgerMovementsTable>;

/** A stock_positions row as the model. */
export function toPosition(row: PositionRow): StockPosition {
  return {
    id: row.id,
    sku: row.sku,
    condition: row.condition,
    channel: row.channel,
    kind: row.kind,
    onHand: row.on_hand,
    allocated: row.allocated,
    reserved: row.reserved,
    priceCents: row.price_cents,
    lot: fromJsonOrNull<LotDetails>(row.lot),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toMovement(row: MovementRow): LedgerMovement {
  return {
    id: row.id,
    positionId: row.position_id,
    kind: row.kind,
    cause: { type: row.cause_type, ref: row.cause_ref },
    onHand: row.delta_on_hand,
    allocated: row.delta_allocated,
    reserved: row.delta_reserved,
    at: row.at,
  };
}

const positions = queryBuilder.selectFrom("stock_positions").selectAll();
const selectByKey = compileStatement((p: PositionKey) =>
  positions.where("sku", "=", p.sku).where("condition", "=", p.condition).where("channel", "=", p.channel),
);
const selectById = compileStatement((p: { id: number }) => positions.where("id", "=", p.id));
const selectBySku = compileStatement((p: { sku: string }) => positions.where("sku", "=", p.sku).orderBy("id"));

const insertPosition = compileStatement((p: Omit<PositionRow, "id" | "on_hand" | "allocated" | "reserved">) =>
  queryBuilder.insertInto("stock_positions").values({
    sku: p.sku,
    condition: p.condition,
    channel: p.channel,
    kind: p.kind,
    on_hand: 0,
    allocated: 0,
    reserved: 0,
    price_cents: p.price_cents,
    lot: p.lot,
    created_at: p.created_at,
    updated_at: p.updated_at,
  }),
);

type DetailsPatch = Pick<PositionRow, "price_cents" | "lot">;
const updateDetails = new StatementShapes((columns) =>
  compileStatement((p: DetailsPatch & { id: number; updated_at: string }) =>
    queryBuilder
      .updateTable("stock_positions")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("id", "=", p.id),
  ),
);

interface DeltaArgs {
  id: number;
  onHand: number;
  allocated: number;
  reserved: number;
  at: string;
}
// The guard repeats the CHECK constraints as a WHERE clause, so a refused movement is an answer
// (changes = 0) rather than an exception, and the ledger row is only written after it.
const applyDeltas = compileStatement((p: DeltaArgs) =>
  queryBuilder
    .updateTable("stock_positions")
    .set({
      on_hand: raw<number>`on_hand + ${p.onHand}`,
      allocated: raw<number>`allocated + ${p.allocated}`,
      reserved: raw<number>`reserved + ${p.reserved}`,
      updated_at: p.at,
    })
    .where("id", "=", p.id)
    .where(raw<SqlBool>`on_hand + ${p.onHand} >= 0`)
    .where(raw<SqlBool>`allocated + ${p.allocated} >= 0`)
    .where(raw<SqlBool>`reserved + ${p.reserved} >= 0`)
    .where(raw<SqlBool>`(on_hand + ${p.onHand}) - (allocated + ${p.allocated}) - (reserved + ${p.reserved}) >= 0`),
);
const insertMovement = compileStatement((p: Omit<MovementRow, "id">) =>
  queryBuilder.insertInto("ledger_movements").values({
    position_id: p.position_id,
    kind: p.kind,
    cause_type: p.cause_type,
    cause_ref: p.cause_ref,
    delta_on_hand: p.delta_on_hand,
    delta_allocated: p.delta_allocated,
    delta_reserved: p.delta_reserved,
    at: p.at,
  }),
);

const POSITION_FILTERS = ["channel", "condition", "sku", "vendorId", "updatedSince"] as const;
interface PositionFilterArgs {
  channel: string;
  condition: ListingCondition;
  sku: string;
  vendorId: string;
  updatedSince: string;
}

function filterPositions<O>(
  qb: SelectQueryBuilder<Database, "stock_positions", O>,
  f: ReadonlySet<string>,
  p: PositionFilterArgs,
): SelectQueryBuilder<Database, "stock_positions", O> {
  let q = qb;
  if (f.has("channel")) q = q.where("channel", "=", p.channel);
  if (f.has("condition")) q = q.where("condition", "=", p.condition);
  if (f.has("sku")) q = q.where("sku", "=", p.sku);
  if (f.has("vendorId")) {
    q = q.where("sku", "in", (eb) => eb.selectFrom("products").select("sku").where("vendor_id", "=", p.vendorId));
  }
  if (f.has("updatedSince")) q = q.where("updated_at", ">=", p.updatedSince);
  return q;
}

const positionLists = new StatementShapes<ListStatements<PositionFilterArgs, PositionRow>>((f) => {
  const page = compileStatement((p: PositionFilterArgs & KeysetArgs) =>
    filterPositions(positions, f, p).where("id", ">", p.afterId).orderBy("id").limit(p.limit),
  );
  const count = compileStatement((p: PositionFilterArgs) =>
    filterPositions(
      queryBuilder.selectFrom("stock_positions").select((eb) => eb.fn.countAll<number>().as("total")),
      f,
      p,
    ),
  );
  // A listings poll: by id along (channel, id), or, for a small since-set, through (channel, updated_at).
  const polled = f.has("channel") && f.has("updatedSince") && !f.has("sku") && !f.has("vendorId");
  if (!polled) return { page, count };
  return {
    page: throughIndex(page, "stock_positions", "stock_positions_channel"),
    count,
    pageSince: throughIndex(page, "stock_positions", "stock_positions_channel_updated"),
  };
});

// The total of a listings poll without counting the whole set: positions per (channel,
// condition) are kept by triggers (migration 0007), and the rows NOT changed since are a range of
// the (channel, updated_at) index. That range is counted up to half the total; when it is longer,
// the since-set is the shorter range and is counted instead.
const keptCount = new StatementShapes((f) =>
  compileStatement((p: { channel: string; condition: ListingCondition }) => {
    let q = queryBuilder
      .selectFrom("position_counts")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>("positions"), raw<number>`0`).as("total"))
      .where("channel", "=", p.channel);
    if (f.has("condition")) q = q.where("condition", "=", p.condition);
    return q;
  }),
);
const unchangedSince = new StatementShapes((f) =>
  throughIndex(
    compileStatement((p: { channel: string; condition: ListingCondition; updatedSince: string; cap: number }) => {
      let inner = queryBuilder
        .selectFrom("stock_positions")
        .select("id")
        .where("channel", "=", p.channel)
        .where("updated_at", "<", p.updatedSince);
      if (f.has("condition")) inner = inner.where("condition", "=", p.condition);
      return queryBuilder.selectFrom(inner.limit(p.cap).as("unchanged")).select((eb) => eb.fn.countAll<number>().as("total"));
    }),
    "stock_positions",
    "stock_positions_channel_updated",
  ),
);

const movementLists = new StatementShapes<ListStatements<{ positionId: number }, MovementRow>>(() => ({
  page: compileStatement((p: { positionId: number } & KeysetArgs) =>
    queryBuilder
      .selectFrom("ledger_movements")
      .selectAll()
      .where("position_id", "=", p.positionId)
      .where("id", ">", p.afterId)
      .orderBy("id")
      .limit(p.limit),
  ),
  count: compileStatement((p: { positionId: number }) =>
    queryBuilder
      .selectFrom("ledger_movements")
      .select((eb) => eb.fn.countAll<number>().as("total"))
      .where("position_id", "=", p.positionId),
  ),
}));

type StockMethods = Pick<
  StorageTx,
  | "getPosition"
  | "getPositionById"
  | "findPositionsBySku"
  | "listPositions"
  | "listMovements"
  | "insertPosition"
  | "updatePositionDetails"
  | "applyMovement"
>;

/** Stock positions and the append-only ledger that explains them. */
export function stockRepository(sql: PreparedStatements): StockMethods {
  return {
    getPosition(key) {
      const row = sql.get(selectByKey, key);
      return row && toPosition(row);
    },
    getPositionById(id) {
      const row = sql.get(selectById, { id });
      return row && toPosition(row);
    },
    findPositionsBySku(sku) {
      return sql.all(selectBySku, { sku }).map(toPosition);
    },
    listPositions(query) {
      const present = presentKeys(query, POSITION_FILTERS);
      const args = query as PositionFilterArgs;
      const countBy = (): number | undefined => {
        // Only the listings shape (channel, maybe condition, maybe updated since) has a kept count.
        if (query.channel === undefined || query.sku !== undefined || query.vendorId !== undefined) return undefined;
        const byCondition = query.condition === undefined ? [] : ["condition"];
        const kept = sql.get(keptCount.for(byCondition), args)?.total ?? 0;
        if (query.updatedSince === undefined) return kept;
        const cap = Math.floor(kept / 2) + 1;
        const unchanged = sql.get(unchangedSince.for(byCondition), { ...args, cap })?.total ?? 0;
        return unchanged < cap ? kept - unchanged : undefined;
      };
      return runPage(sql, positionLists, present, args, query, (rows) => rows.map(toPosition), countBy);
    },
    listMovements(positionId, query) {
      return runPage(sql, movementLists, [], { positionId }, query, (rows) => rows.map(toMovement));
    },
    insertPosition(input) {
      // A position is born empty: quantities only ever arrive through movements, so the ledger
      // explains every unit from the first one.
      const row = {
        sku: input.sku,
        condition: input.condition,
        channel: input.channel,
        kind: input.kind,
        price_cents: input.priceCents,
        lot: toJsonOrNull(input.lot),
        created_at: input.at,
        updated_at: input.at,
      };
      const { lastId } = sql.run(insertPosition, row);
      return {
        id: lastId,
        sku: input.sku,
        condition: input.condition,
        channel: input.channel,
        kind: input.kind,
        onHand: 0,
        allocated: 0,
        reserved: 0,
        priceCents: input.priceCents,
        lot: input.lot,
        createdAt: input.at,
        updatedAt: input.at,
      };
    },
    updatePositionDetails(id, patch, at) {
      const columns = definedOnly<DetailsPatch>({
        price_cents: patch.priceCents,
        lot: patch.lot === undefined ? undefined : toJsonOrNull(patch.lot),
      });
      const { changes } = sql.run(updateDetails.for(Object.keys(columns)), {
        ...(columns as DetailsPatch),
        id,
        updated_at: at,
      });
      expectOneRow(changes, "stock position", id);
    },
    applyMovement(m) {
      const { changes } = sql.run(applyDeltas, {
        id: m.positionId,
        onHand: m.onHand,
        allocated: m.allocated,
        reserved: m.reserved,
        at: m.at,
      });
      if (changes !== 1) {
        // Only the refusal path pays for telling a missing position (a bug) from a refused one.
        if (sql.get(selectById, { id: m.positionId }) === undefined) expectOneRow(0, "stock position", m.positionId);
        return false;
      }
      sql.run(insertMovement, {
        position_id: m.positionId,
        kind: m.kind,
        cause_type: m.cause.type,
        cause_ref: m.cause.ref,
        delta_on_hand: m.onHand,
        delta_allocated: m.allocated,
        delta_reserved: m.reserved,
        at: m.at,
      });
      return true;
    },
  };
}
