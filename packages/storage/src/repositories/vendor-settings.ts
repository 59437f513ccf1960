import type { StorageTx } from "@dropgate/core-domain";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import { compileStatement, queryBuilder } from "../sql/statement.js";
import type { VendorSettingsTable } from "../schema/database.js";
import { fromFlag, toFlag } from "./codec.js";

const selectSettings = compileStatement((p: { vendorId: string }) =>
  queryBuilder.selectFrom("vendor_settings").selectAll().where("vendor_id", "=", p.vendorId),
);
const upsertSettings = compileStatement((p: VendorSettingsTable) =>
  queryBuilder
    .insertInto("vendor_settings")
    .values({
      vendor_id: p.vendor_id,
      change_pos_after_submit: p.change_pos_after_submit,
      created_at: p.created_at,
      updated_at: p.updated_at,
    })
    .onConflict((oc) =>
      oc.column("vendor_id").doUpdateSet((eb) => ({
        change_pos_after_submit: eb.ref("excluded.change_pos_after_submit"),
        updated_at: eb.ref("excluded.updated_at"),
      })),
    ),
);

/** Per-vendor settings the operator manages (RetailOps "Change POs after submit"). */
export function vendorSettingsRepository(sql: PreparedStatements): Pick<StorageTx, "getVendorSettings" | "upsertVendorSettings"> {
  return {
    getVendorSettings(vendorId) {
      const row = sql.get(selectSettings, { vendorId });
      return row && { vendorId: row.vendor_id, changePosAfterSubmit: fromFlag(row.change_pos_after_submit), updatedAt: row.updated_at };
    },
    upsertVendorSettings(settings, at) {
      sql.run(upsertSettings, {
        vendor_id: settings.vendorId,
        change_pos_after_submit: toFlag(settings.changePosAfterSubmit),
        created_at: at,
        updated_at: at,
      });
    },
  };
}
