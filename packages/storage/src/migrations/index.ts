import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_initial.js";
import * as m0002 from "./0002_hygiene.js";
import * as m0003 from "./0003_retailops.js";
import * as m0005 from "./0005_webhook_leases.js";
import * as m0006 from "./0006_buyer_caps.js";
import * as m0007 from "./0007_change_sequence.js";

/** Every migration, by name; names sort in the order they must run. Append, never edit. */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001_initial": m0001,
  "0002_hygiene": m0002,
  "0003_retailops": m0003,
  "0005_webhook_leases": m0005,
  "0006_buyer_caps": m0006,
  "0007_change_sequence": m0007,
};

/** Serves the migrations from the bundle itself, so nothing is read from disk at run time. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
