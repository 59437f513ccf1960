import type { Page } from "@dropgate/core-domain";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import type { Statement, StatementShapes } from "../sql/statement.js";

/*
 * Keyset paging by id. A walk over pages while rows are updated must neither repeat nor skip a
 * row; ids never change, whereas ordering by updated_at would move an updated row behind the
 * cursor (anchors §1.3). Each list has an index that starts with its filter and ends with id, so
 * page 1000 costs what page 1 costs; OFFSET is never used.
 */

/** The arguments every page statement takes besides its filters. */
export interface KeysetArgs {
  afterId: number;
  limit: number;
}

/** The two statements of one list shape: the page and the count of the same filter. */
export interface ListStatements<A, R> {
  readonly page: Statement<A & KeysetArgs, R>;
  readonly count: Statement<A, { total: number }>;
}

/** List statements compiled per combination of present filters. */
export type ListShapes<A, R> = StatementShapes<ListStatements<A, R>>;

/** Largest page a caller may ask for; adapters cap lower. */
const MAX_LIMIT = 10_000;

/** Runs one page: fetches limit+1 rows to learn whether another page exists. */
export function runPage<A extends object, R extends { id: number }, T>(
  sql: PreparedStatements,
  shapes: ListShapes<A, R>,
  present: readonly string[],
  args: A,
  query: { readonly afterId?: number | undefined; readonly limit: number },
  toModels: (rows: readonly R[]) => T[],
): Page<T> {
  const { limit } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  const statements = shapes.for(present);
  const rows = sql.all(statements.page, { ...args, afterId: query.afterId ?? 0, limit: limit + 1 });
  const more = rows.length > limit;
  if (more) rows.pop();
  const total = sql.get(statements.count, args)?.total ?? 0;
  const last = rows[rows.length - 1];
  return { rows: toModels(rows), total, nextAfterId: more && last !== undefined ? last.id : null };
}
