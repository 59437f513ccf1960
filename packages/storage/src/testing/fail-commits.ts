import type { Database } from "../schema/database.js";
import type { SqliteStorage } from "../sqlite-storage.js";

let installed = 0;

/**
 * Makes every commit that holds a matching insert into `table` fail the way a deferred
 * constraint does, for tests of what an answer waits for. A TEMP trigger (on this connection
 * only) adds, after each matching insert, a row that breaks a DEFERRABLE INITIALLY DEFERRED
 * foreign key: the insert and its use case succeed, and SQLite refuses the COMMIT. `when` is an
 * SQL condition over `NEW`. Answers a function that removes the trigger.
 */
export function failCommitsOn(storage: SqliteStorage, table: keyof Database & string, when = "1"): () => void {
  const name = `dropgate_fail_commit_${++installed}`;
  // Outside any batch, so that a failing commit cannot roll the trigger itself back.
  storage.flush();
  storage.db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS dropgate_commit_guard (id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE IF NOT EXISTS dropgate_commit_poison (
      guard_id INTEGER REFERENCES dropgate_commit_guard (id) DEFERRABLE INITIALLY DEFERRED
    );
    CREATE TEMP TRIGGER ${name} AFTER INSERT ON main.${table} WHEN ${when}
    BEGIN INSERT INTO dropgate_commit_poison (guard_id) VALUES (-1); END;
  `);
  return () => {
    storage.flush();
    storage.db.exec(`DROP TRIGGER IF EXISTS temp.${name}`);
  };
}
