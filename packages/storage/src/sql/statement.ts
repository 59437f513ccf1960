import {
  type Compilable,
  type Insertable,
  type Selectable,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";
import type { Database } from "../schema/database.js";
import type { PreparedStatements } from "./prepared-statements.js";

/*
 * Queries are written with Kysely's builder (typed against `Database`) but compiled once, when a
 * module is loaded, and executed by better-sqlite3 prepared statements. Kysely's own async driver
 * is kept off the hot path: its single-connection mutex wakes every waiter on each release and
 * collapses under concurrent callers (anchors §4.3).
 */

/** A Kysely instance that only compiles: it has SQLite's adapter and compiler and no connection. */
export const queryBuilder = new Kysely<Database>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/** Stands in for a named argument while a query is compiled; replaced by the value at execution. */
class Placeholder {
  constructor(readonly name: string) {}
}

/** One parameter slot of a compiled statement: an argument taken by name, or a constant. */
type Slot = { readonly arg: string } | { readonly constant: unknown };

/** SQL compiled once, plus how to turn named arguments into its positional parameters. */
export interface Statement<A, R> {
  readonly sql: string;
  /** Positional parameters for one execution, in the order the `?` appear. */
  bind(args: A): unknown[];
  /** Only carries the row type; never set. */
  readonly __row?: R;
}

/**
 * Compiles a query once. `build` receives an object whose properties stand for the statement's
 * named arguments (typed as the values they will carry), so the query is written as usual.
 */
export function compileStatement<A extends object, R>(build: (args: A) => Compilable<R>): Statement<A, R> {
  const args = new Proxy({} as A, { get: (_target, name) => new Placeholder(String(name)) });
  const compiled = build(args).compile();
  const slots: Slot[] = compiled.parameters.map((p) => (p instanceof Placeholder ? { arg: p.name } : { constant: p }));
  return {
    sql: compiled.sql,
    bind(values: A): unknown[] {
      const record = values as Record<string, unknown>;
      const out = new Array<unknown>(slots.length);
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i] as Slot;
        out[i] = "arg" in slot ? record[slot.arg] : slot.constant;
      }
      return out;
    },
  };
}

/**
 * Statements whose shape depends on which optional filters are present (lists, patches): each
 * shape is compiled the first time it is asked for and reused afterwards.
 */
export class StatementShapes<S> {
  readonly #shapes = new Map<string, S>();
  constructor(private readonly compile: (present: ReadonlySet<string>) => S) {}

  /** The statement(s) for the given present keys, compiled on first use. */
  for(present: readonly string[]): S {
    const key = present.join(",");
    let shape = this.#shapes.get(key);
    if (shape === undefined) {
      shape = this.compile(new Set(present));
      this.#shapes.set(key, shape);
    }
    return shape;
  }
}

/** The keys of `record` whose value is not undefined, in declaration order of `keys`. */
export function presentKeys<K extends string>(record: Partial<Record<K, unknown>>, keys: readonly K[]): K[] {
  return keys.filter((k) => record[k] !== undefined);
}

/**
 * `INSERT INTO <table> (…) VALUES (…) RETURNING *` whose columns are the keys of the row it is
 * given. A repository then writes an insert's fields once (its model → row mapper) and reads the
 * stored row back through its row → model mapper, with no extra query.
 */
export function insertReturning<T extends keyof Database & string>(
  table: T,
): (sql: PreparedStatements, row: Insertable<Database[T]>) => Selectable<Database[T]> {
  const shapes = new StatementShapes((columns) =>
    compileStatement((p: Record<string, unknown>) => {
      const values: Record<string, unknown> = {};
      for (const column of columns) values[column] = p[column];
      return queryBuilder
        .insertInto(table)
        .values(values as Insertable<Database[T]>)
        .returningAll() as unknown as Compilable<Selectable<Database[T]>>;
    }),
  );
  return (sql, row) => {
    const stored = sql.get(shapes.for(Object.keys(row)), row as Record<string, unknown>);
    if (stored === undefined) throw new Error(`insert into ${table} returned no row`);
    return stored;
  };
}

/**
 * `INSERT INTO <table> (…) VALUES (…)` of a row that names every column but `id`; answers that row
 * with the id SQLite gave it. Every table is STRICT, so what is stored is exactly what was given:
 * echoing the row saves the `RETURNING *` of `insertReturning`, which on the order path cost more
 * than the insert itself (a 22-column row read back per line, bench/storage-order-path).
 */
export function insertRow<T extends keyof Database & string>(
  table: T,
): (sql: PreparedStatements, row: Omit<Selectable<Database[T]>, "id">) => Selectable<Database[T]> {
  const shapes = new StatementShapes((columns) =>
    compileStatement((p: Record<string, unknown>) => {
      const values: Record<string, unknown> = {};
      for (const column of columns) values[column] = p[column];
      return queryBuilder.insertInto(table).values(values as Insertable<Database[T]>);
    }),
  );
  return (sql, row) => {
    const { lastId } = sql.run(shapes.for(Object.keys(row)), row as Record<string, unknown>);
    return { id: lastId, ...row } as unknown as Selectable<Database[T]>;
  };
}

/**
 * The same statement with its main table read through `index` (SQLite `INDEXED BY`), for a plan
 * chosen from what the planner cannot know (the size of a since-set). A missing index is an error
 * at prepare time rather than a silent scan.
 */
export function throughIndex<A, R>(statement: Statement<A, R>, table: string, index: string): Statement<A, R> {
  const from = `from "${table}"`;
  if (!statement.sql.includes(from)) throw new Error(`statement does not read ${table}: ${statement.sql}`);
  return { ...statement, sql: statement.sql.replace(from, `${from} indexed by "${index}"`) };
}
