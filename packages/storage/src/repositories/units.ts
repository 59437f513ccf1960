import type { DispositionEvent, StorageTx, Unit } from "@dropgate/core-domain";
import type { Selectable } from "kysely";
import type { DispositionEventsTable, UnitsTable } from "../schema/database.js";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, insertReturning, queryBuilder, StatementShapes } from "../sql/statement.js";
import { definedOnly, expectOneRow, pickColumns } from "./codec.js";

type UnitRow = Selectable<UnitsTable>;
type EventRow = Selectable<DispositionEventsTable>;

function toUnit(row: UnitRow): Unit {
  return {
    lp: row.lp,
    sku: row.sku,
    upc: row.upc,
    condition: row.condition,
    disposition: row.disposition,
    warehouse: row.warehouse,
    location: row.location,
    program: row.program,
    referenceUnitIdentifier: row.reference_unit_identifier,
    storeIdentifier: row.store_identifier,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toEvent(row: EventRow): DispositionEvent {
  return {
    id: row.id,
    lp: row.lp,
    fromDisposition: row.from_disposition,
    toDisposition: row.to_disposition,
    fromCondition: row.from_condition,
    toCondition: row.to_condition,
    fromSku: row.from_sku,
    toSku: row.to_sku,
    upc: row.upc,
    warehouse: row.warehouse,
    location: row.location,
    program: row.program,
    referenceUnitIdentifier: row.reference_unit_identifier,
    storeIdentifier: row.store_identifier,
    userLogin: row.user_login,
    at: row.at,
  };
}

const selectUnit = compileStatement((p: { lp: string }) =>
  queryBuilder.selectFrom("units").selectAll().where("lp", "=", p.lp),
);
const insertUnitRow = insertReturning("units");
type UnitPatch = Omit<UnitRow, "lp" | "created_at" | "updated_at">;
const updateUnit = new StatementShapes((columns) =>
  compileStatement((p: UnitPatch & { lp: string; updated_at: string }) =>
    queryBuilder
      .updateTable("units")
      .set({ ...pickColumns(p, columns), updated_at: p.updated_at })
      .where("lp", "=", p.lp),
  ),
);

const selectEvents = compileStatement((p: { lp: string }) =>
  queryBuilder.selectFrom("disposition_events").selectAll().where("lp", "=", p.lp).orderBy("id"),
);
const insertEventRow = insertReturning("disposition_events");

/** Physical units (license plates) and the disposition events that moved them. */
export function unitRepository(
  sql: PreparedStatements,
): Pick<StorageTx, "getUnit" | "listDispositionEvents" | "insertUnit" | "updateUnit" | "insertDispositionEvent"> {
  return {
    getUnit(lp) {
      const row = sql.get(selectUnit, { lp });
      return row && toUnit(row);
    },
    listDispositionEvents(lp) {
      return sql.all(selectEvents, { lp }).map(toEvent);
    },
    insertUnit(input) {
      // RETURNING hands back the stored row, read through the same mapper as every select.
      const row = insertUnitRow(sql, {
        lp: input.lp,
        sku: input.sku,
        upc: input.upc,
        condition: input.condition,
        disposition: input.disposition,
        warehouse: input.warehouse,
        location: input.location,
        program: input.program,
        reference_unit_identifier: input.referenceUnitIdentifier,
        store_identifier: input.storeIdentifier,
        created_at: input.at,
        updated_at: input.at,
      });
      return toUnit(row);
    },
    updateUnit(lp, patch, at) {
      const columns = definedOnly<UnitPatch>({
        sku: patch.sku,
        upc: patch.upc,
        condition: patch.condition,
        disposition: patch.disposition,
        warehouse: patch.warehouse,
        location: patch.location,
        program: patch.program,
        reference_unit_identifier: patch.referenceUnitIdentifier,
        store_identifier: patch.storeIdentifier,
      });
      const { changes } = sql.run(updateUnit.for(Object.keys(columns)), {
        ...(columns as UnitPatch),
        lp,
        updated_at: at,
      });
      expectOneRow(changes, "unit", lp);
    },
    insertDispositionEvent(event) {
      const row = insertEventRow(sql, {
        lp: event.lp,
        from_disposition: event.fromDisposition,
        to_disposition: event.toDisposition,
        from_condition: event.fromCondition,
        to_condition: event.toCondition,
        from_sku: event.fromSku,
        to_sku: event.toSku,
        upc: event.upc,
        warehouse: event.warehouse,
        location: event.location,
        program: event.program,
        reference_unit_identifier: event.referenceUnitIdentifier,
        store_identifier: event.storeIdentifier,
        user_login: event.userLogin,
        at: event.at,
      });
      return toEvent(row);
    },
  };
}
