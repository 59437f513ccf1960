import type { Reservation, StorageTx } from "@dropgate/core-domain";
import type { Selectable } from "kysely";
import type { ReservationsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, queryBuilder } from "../sql/statement.js";

type ReservationRow = Selectable<ReservationsTable>;

function toReservation(row: ReservationRow): Reservation {
  return { clientId: row.client_id, positionId: row.position_id, locked: row.locked, updatedAt: row.updated_at };
}

const reservations = queryBuilder.selectFrom("reservations").selectAll();
const selectOne = compileStatement((p: { clientId: number; positionId: number }) =>
  reservations.where("client_id", "=", p.clientId).where("position_id", "=", p.positionId),
);
const selectOfClient = compileStatement((p: { clientId: number }) =>
  reservations.where("client_id", "=", p.clientId).orderBy("position_id"),
);
const upsert = compileStatement((p: Omit<ReservationRow, "id">) =>
  queryBuilder
    .insertInto("reservations")
    .values({ client_id: p.client_id, position_id: p.position_id, locked: p.locked, updated_at: p.updated_at })
    .onConflict((oc) =>
      oc.columns(["client_id", "position_id"]).doUpdateSet((eb) => ({
        locked: eb.ref("excluded.locked"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    ),
);

/** Quantities buyers have locked ahead of ordering (Rewix); the row keeps a lock of zero. */
export function reservationRepository(
  sql: PreparedStatements,
): Pick<StorageTx, "getReservation" | "listReservations" | "setReservation"> {
  return {
    getReservation(clientId, positionId) {
      const row = sql.get(selectOne, { clientId, positionId });
      return row && toReservation(row);
    },
    listReservations(clientId) {
      return sql.all(selectOfClient, { clientId }).map(toReservation);
    },
    setReservation(clientId, positionId, locked, at) {
      sql.run(upsert, { client_id: clientId, position_id: positionId, locked, updated_at: at });
    },
  };
}
