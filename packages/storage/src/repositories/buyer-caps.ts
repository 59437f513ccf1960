import type { BuyerCap, BuyerCapMovement, StorageTx } from "@dropgate/core-domain";
import { type Selectable, sql as raw, type SqlBool } from "kysely";
import type { BuyerCapMovementsTable, BuyerCapsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, queryBuilder } from "../sql/statement.js";

type CapRow = Selectable<BuyerCapsTable>;
type CapMovementRow = Selectable<BuyerCapMovementsTable>;

function toCap(row: CapRow): BuyerCap {
  return { clientId: row.client_id, positionId: row.position_id, cap: row.cap, updatedAt: row.updated_at };
}

function toCapMovement(row: CapMovementRow): BuyerCapMovement {
  return {
    id: row.id,
    clientId: row.client_id,
    positionId: row.position_id,
    kind: row.kind,
    delta: row.delta,
    capAfter: row.cap_after,
    cause: { type: row.cause_type, ref: row.cause_ref },
    at: row.at,
  };
}

const caps = queryBuilder.selectFrom("buyer_caps").selectAll();
const selectOne = compileStatement((p: { clientId: number; positionId: number }) =>
  caps.where("client_id", "=", p.clientId).where("position_id", "=", p.positionId),
);
// A list of ids travels as one JSON array parameter, so one compiled statement serves any page
// size (an IN list would compile a statement per length).
const inPositions = (ids: string) => raw<SqlBool>`position_id in (select value from json_each(${ids}))`;
const selectOfClientOn = compileStatement((p: { clientId: number; positionIds: string }) =>
  caps.where("client_id", "=", p.clientId).where(inPositions(p.positionIds)).orderBy("position_id"),
);
const selectOfClient = compileStatement((p: { clientId: number }) =>
  caps.where("client_id", "=", p.clientId).orderBy("position_id"),
);
const selectOn = compileStatement((p: { positionIds: string }) =>
  caps.where(inPositions(p.positionIds)).orderBy("client_id").orderBy("position_id"),
);
const selectAll = compileStatement((_: object) => caps.orderBy("client_id").orderBy("position_id"));

const upsertCap = compileStatement((p: CapRow) =>
  queryBuilder
    .insertInto("buyer_caps")
    .values({ client_id: p.client_id, position_id: p.position_id, cap: p.cap, updated_at: p.updated_at })
    .onConflict((oc) =>
      oc.columns(["client_id", "position_id"]).doUpdateSet((eb) => ({ cap: eb.ref("excluded.cap"), updated_at: eb.ref("excluded.updated_at") })),
    ),
);
const deleteCap = compileStatement((p: { clientId: number; positionId: number }) =>
  queryBuilder.deleteFrom("buyer_caps").where("client_id", "=", p.clientId).where("position_id", "=", p.positionId),
);
const insertMovement = compileStatement((p: Omit<CapMovementRow, "id">) =>
  queryBuilder.insertInto("buyer_cap_movements").values({
    client_id: p.client_id,
    position_id: p.position_id,
    kind: p.kind,
    delta: p.delta,
    cap_after: p.cap_after,
    cause_type: p.cause_type,
    cause_ref: p.cause_ref,
    at: p.at,
  }),
);
const movements = queryBuilder.selectFrom("buyer_cap_movements").selectAll();
const selectMovements = compileStatement((p: { clientId: number }) => movements.where("client_id", "=", p.clientId).orderBy("id"));
const selectMovementsOn = compileStatement((p: { clientId: number; positionId: number }) =>
  movements.where("client_id", "=", p.clientId).where("position_id", "=", p.positionId).orderBy("id"),
);

/** Buyers' caps on shared positions (their give-backs) and the audited movements that explain them. */
export function buyerCapRepository(
  sql: PreparedStatements,
): Pick<StorageTx, "getBuyerCap" | "listBuyerCaps" | "listBuyerCapMovements" | "setBuyerCap"> {
  return {
    getBuyerCap(clientId, positionId) {
      const row = sql.get(selectOne, { clientId, positionId });
      return row && toCap(row);
    },
    listBuyerCaps({ clientId, positionIds }) {
      const ids = positionIds === undefined ? undefined : JSON.stringify(positionIds);
      const rows =
        clientId !== undefined && ids !== undefined
          ? sql.all(selectOfClientOn, { clientId, positionIds: ids })
          : clientId !== undefined
            ? sql.all(selectOfClient, { clientId })
            : ids !== undefined
              ? sql.all(selectOn, { positionIds: ids })
              : sql.all(selectAll, {});
      return rows.map(toCap);
    },
    listBuyerCapMovements(clientId, positionId) {
      const rows =
        positionId === undefined ? sql.all(selectMovements, { clientId }) : sql.all(selectMovementsOn, { clientId, positionId });
      return rows.map(toCapMovement);
    },
    setBuyerCap(change) {
      const key = { clientId: change.clientId, positionId: change.positionId };
      const before = sql.get(selectOne, key)?.cap ?? 0;
      if (change.cap === null) sql.run(deleteCap, key);
      else sql.run(upsertCap, { client_id: change.clientId, position_id: change.positionId, cap: change.cap, updated_at: change.at });
      sql.run(insertMovement, {
        client_id: change.clientId,
        position_id: change.positionId,
        kind: change.kind,
        delta: (change.cap ?? 0) - before,
        cap_after: change.cap,
        cause_type: change.cause.type,
        cause_ref: change.cause.ref,
        at: change.at,
      });
    },
  };
}
