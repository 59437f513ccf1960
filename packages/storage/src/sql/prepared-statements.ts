import type BetterSqlite3 from "better-sqlite3";
import type { Statement } from "./statement.js";

/** Executes compiled statements on one connection, preparing each SQL text once. */
export class PreparedStatements {
  readonly #cache = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly db: BetterSqlite3.Database) {}

  #prepare(sql: string): BetterSqlite3.Statement {
    let prepared = this.#cache.get(sql);
    if (prepared === undefined) {
      prepared = this.db.prepare(sql);
      this.#cache.set(sql, prepared);
    }
    return prepared;
  }

  /** First row, or undefined. */
  get<A, R>(statement: Statement<A, R>, args: A): R | undefined {
    return this.#prepare(statement.sql).get(statement.bind(args)) as R | undefined;
  }

  /** Every row. */
  all<A, R>(statement: Statement<A, R>, args: A): R[] {
    return this.#prepare(statement.sql).all(statement.bind(args)) as R[];
  }

  /** Runs a write; answers the number of changed rows and the last inserted rowid. */
  run<A, R>(statement: Statement<A, R>, args: A): { changes: number; lastId: number } {
    const result = this.#prepare(statement.sql).run(statement.bind(args));
    return { changes: result.changes, lastId: Number(result.lastInsertRowid) };
  }
}
