import type { InvariantCheck, InvariantViolation, InvariantWindow, StorageTx, SystemCounts } from "@dropgate/core-domain";
import { sql as raw } from "kysely";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, queryBuilder } from "../sql/statement.js";

const selectCounts = compileStatement((_: object) =>
  queryBuilder
    .selectNoFrom((eb) => [
      eb.selectFrom("clients").select(eb.fn.countAll<number>().as("n")).as("clients"),
      eb.selectFrom("products").select(eb.fn.countAll<number>().as("n")).as("products"),
      eb.selectFrom("stock_positions").select(eb.fn.countAll<number>().as("n")).as("positions"),
      eb.selectFrom("ledger_movements").select(eb.fn.countAll<number>().as("n")).as("movements"),
      eb.selectFrom("units").select(eb.fn.countAll<number>().as("n")).as("units"),
      eb.selectFrom("orders").select(eb.fn.countAll<number>().as("n")).as("orders"),
      eb.selectFrom("purchase_orders").select(eb.fn.countAll<number>().as("n")).as("purchaseOrders"),
      eb.selectFrom("shipments").select(eb.fn.countAll<number>().as("n")).as("shipments"),
      eb
        .selectFrom("webhook_deliveries")
        .select(eb.fn.countAll<number>().as("n"))
        .where("status", "=", "pending")
        .as("pendingDeliveries"),
      eb
        .selectFrom("webhook_deliveries")
        .select(eb.fn.countAll<number>().as("n"))
        .where("status", "=", "failed")
        .as("failedDeliveries"),
    ])
    // A count subquery always answers a number, although SQL types a scalar subquery as nullable.
    .$castTo<SystemCounts>(),
);

/** Positions `afterId < id <= throughId`: one window of the check. */
interface PositionWindow {
  afterId: number;
  throughId: number;
}

// The last position id of the next window of `limit` positions after `afterId` (null: none left).
const selectWindowEnd = compileStatement((p: { afterId: number; limit: number }) =>
  queryBuilder
    .selectFrom((eb) => eb.selectFrom("stock_positions").select("id").where("id", ">", p.afterId).orderBy("id").limit(p.limit).as("w"))
    .select((eb) => eb.fn.max<number | null>("w.id").as("throughId")),
);

// One pass over a window: each position against the sum of its movements (no movement means all
// zero), plus any negative bucket or available quantity that slipped past the CHECKs (e.g. a
// migration that rebuilt the table without them).
const selectViolations = compileStatement((w: PositionWindow) =>
  queryBuilder
    .selectFrom("stock_positions as p")
    .leftJoin(
      (eb) =>
        eb
          .selectFrom("ledger_movements")
          .select((m) => [
            "position_id",
            m.fn.sum<number>("delta_on_hand").as("on_hand"),
            m.fn.sum<number>("delta_allocated").as("allocated"),
            m.fn.sum<number>("delta_reserved").as("reserved"),
          ])
          .where("position_id", ">", w.afterId)
          .where("position_id", "<=", w.throughId)
          .groupBy("position_id")
          .as("l"),
      (join) => join.onRef("l.position_id", "=", "p.id"),
    )
    .where("p.id", ">", w.afterId)
    .where("p.id", "<=", w.throughId)
    .select([
      "p.id",
      "p.on_hand",
      "p.allocated",
      "p.reserved",
      raw<number>`coalesce(l.on_hand, 0)`.as("ledger_on_hand"),
      raw<number>`coalesce(l.allocated, 0)`.as("ledger_allocated"),
      raw<number>`coalesce(l.reserved, 0)`.as("ledger_reserved"),
    ])
    .where(
      raw<boolean>`p.on_hand <> coalesce(l.on_hand, 0)
        or p.allocated <> coalesce(l.allocated, 0)
        or p.reserved <> coalesce(l.reserved, 0)
        or p.on_hand < 0 or p.allocated < 0 or p.reserved < 0
        or p.on_hand - p.allocated - p.reserved < 0`,
    )
    .orderBy("p.id")
    .$castTo<ViolationRow>(),
);

// Each buyer cap against the sum of its movements' deltas: a (buyer, position) with movements
// sums to its cap, or to 0 with no cap left (cleared); a cap without movements is unexplained.
const selectCapViolations = compileStatement((w: PositionWindow) =>
  queryBuilder
    .selectFrom((eb) =>
      eb
        .selectFrom("buyer_cap_movements")
        .select((m) => ["client_id", "position_id", m.fn.sum<number | null>("delta").as("total")])
        .where("position_id", ">", w.afterId)
        .where("position_id", "<=", w.throughId)
        .groupBy(["client_id", "position_id"])
        .as("m"),
    )
    .leftJoin("buyer_caps as c", (join) => join.onRef("c.client_id", "=", "m.client_id").onRef("c.position_id", "=", "m.position_id"))
    .select(["m.client_id", "m.position_id", "m.total", "c.cap"])
    .where(raw<boolean>`m.total <> coalesce(c.cap, 0)`)
    .unionAll(
      queryBuilder
        .selectFrom("buyer_caps as c")
        .select(["c.client_id", "c.position_id", raw<number | null>`null`.as("total"), "c.cap"])
        .where("c.position_id", ">", w.afterId)
        .where("c.position_id", "<=", w.throughId)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("buyer_cap_movements as x")
                .select("x.id")
                .whereRef("x.client_id", "=", "c.client_id")
                .whereRef("x.position_id", "=", "c.position_id"),
            ),
          ),
        ),
    )
    .$castTo<CapViolationRow>(),
);

interface CapViolationRow {
  client_id: number;
  position_id: number;
  /** Null when the cap has no movement at all. */
  total: number | null;
  cap: number | null;
}

function describeCap(row: CapViolationRow): string {
  return row.total === null
    ? `client ${row.client_id}'s cap ${row.cap} has no movements`
    : `client ${row.client_id}'s cap is ${row.cap ?? "absent"} but its movements sum to ${row.total}`;
}

interface ViolationRow {
  id: number;
  on_hand: number;
  allocated: number;
  reserved: number;
  ledger_on_hand: number;
  ledger_allocated: number;
  ledger_reserved: number;
}

function describe(row: ViolationRow): string {
  const problems: string[] = [];
  const buckets = [
    ["on_hand", row.on_hand, row.ledger_on_hand],
    ["allocated", row.allocated, row.ledger_allocated],
    ["reserved", row.reserved, row.ledger_reserved],
  ] as const;
  for (const [name, stored, ledger] of buckets) {
    if (stored !== ledger) problems.push(`${name} is ${stored} but its ledger sums to ${ledger}`);
    if (stored < 0) problems.push(`${name} is negative (${stored})`);
  }
  const available = row.on_hand - row.allocated - row.reserved;
  if (available < 0) problems.push(`available is negative (${available})`);
  return problems.join("; ");
}

/** Whole-database answers: row counts, the ledger invariant and the buyer-cap invariant. */
export function systemRepository(sql: PreparedStatements): Pick<StorageTx, "counts" | "checkInvariants" | "checkInvariantWindow"> {
  // A negative limit is SQLite's "no limit": one window over every position.
  const checkWindow = (window: InvariantWindow): InvariantCheck => {
    const afterId = window.afterPositionId;
    const throughId = sql.get(selectWindowEnd, { afterId, limit: window.limit })?.throughId ?? null;
    if (throughId === null) return { violations: [], nextAfterPositionId: null };
    const positions = sql.all(selectViolations, { afterId, throughId }).map((row) => ({ positionId: row.id, problem: describe(row) }));
    const caps = sql.all(selectCapViolations, { afterId, throughId }).map((row) => ({ positionId: row.position_id, problem: describeCap(row) }));
    const violations = [...positions, ...caps];
    return { violations, nextAfterPositionId: window.limit < 0 ? null : throughId };
  };
  return {
    counts() {
      const row = sql.get(selectCounts, {});
      if (row === undefined) throw new Error("counts query answered no row");
      return row;
    },
    checkInvariants(): InvariantViolation[] {
      return [...checkWindow({ afterPositionId: 0, limit: -1 }).violations];
    },
    checkInvariantWindow: checkWindow,
  };
}
