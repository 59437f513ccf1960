import type { StorageTx } from "@dropgate/core-domain";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, queryBuilder } from "../sql/statement.js";
import type { CarriersTable, ShipClassesTable } from "../schema/database.js";
import { fromFlag, toFlag } from "./codec.js";

const selectShipClasses = compileStatement((_: object) =>
  queryBuilder.selectFrom("ship_classes").selectAll().orderBy("id"),
);
const selectCarriers = compileStatement((_: object) => queryBuilder.selectFrom("carriers").selectAll().orderBy("id"));
const upsertShipClass = compileStatement((p: ShipClassesTable) =>
  queryBuilder
    .insertInto("ship_classes")
    .values({ id: p.id, name: p.name, carrier: p.carrier, default_weight: p.default_weight, default_cost_cents: p.default_cost_cents })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        carrier: eb.ref("excluded.carrier"),
        default_weight: eb.ref("excluded.default_weight"),
        default_cost_cents: eb.ref("excluded.default_cost_cents"),
      })),
    ),
);
const upsertCarrier = compileStatement((p: CarriersTable) =>
  queryBuilder
    .insertInto("carriers")
    .values({ id: p.id, name: p.name, cost_cents: p.cost_cents, is_default: p.is_default })
    .onConflict((oc) =>
      oc.column("id").doUpdateSet((eb) => ({
        name: eb.ref("excluded.name"),
        cost_cents: eb.ref("excluded.cost_cents"),
        is_default: eb.ref("excluded.is_default"),
      })),
    ),
);

/** Ship classes vendors pick per package and carriers buyers pick per order. */
export function shippingRepository(
  sql: PreparedStatements,
): Pick<StorageTx, "listShipClasses" | "listCarriers" | "upsertShipClass" | "upsertCarrier"> {
  return {
    listShipClasses() {
      return sql.all(selectShipClasses, {}).map((row) => ({
        id: row.id,
        name: row.name,
        carrier: row.carrier,
        defaultWeight: row.default_weight,
        defaultCostCents: row.default_cost_cents,
      }));
    },
    listCarriers() {
      return sql.all(selectCarriers, {}).map((row) => ({
        id: row.id,
        name: row.name,
        costCents: row.cost_cents,
        isDefault: fromFlag(row.is_default),
      }));
    },
    upsertShipClass(shipClass) {
      sql.run(upsertShipClass, {
        id: shipClass.id,
        name: shipClass.name,
        carrier: shipClass.carrier,
        default_weight: shipClass.defaultWeight,
        default_cost_cents: shipClass.defaultCostCents,
      });
    },
    upsertCarrier(carrier) {
      sql.run(upsertCarrier, {
        id: carrier.id,
        name: carrier.name,
        cost_cents: carrier.costCents,
        is_default: toFlag(carrier.isDefault),
      });
    },
  };
}
