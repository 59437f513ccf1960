import type { Page } from "@dropgate/core-domain";
import type { PreparedStatements } from "../sql/prepared-statements.js";
import type { Statement, StatementShapes } from "../sql/statement.js";

/*
 * Keyset paging by id. A walk over pages while rows are updated must neither repeat nor skip a
 * row; ids never change, whereas ordering by updated_at would move an updated row behind the
 * cursor (anchors §1.3). Each list has an index that starts with its filter and ends with id, so
 * page 1000 costs what page 1 costs; OFFSET is never used.
 *
 * Two things would still grow with the data, and do not (migration 0007):
 * - The total. It is counted for the first page only; later pages of the walk pass it back
 *   (`knownTotal`, carried in the partner's cursor). Lists may count through a cheaper route
 *   (`countBy`, e.g. a kept count minus a short range).
 * - An `updated_at` poll over a long history. Along the id index every row of the history is
 *   checked against the filter. When the since-set is small (at most SORTED_SINCE_SET rows, known
 *   from the total), the page reads just that set through the `(filter, updated_at)` index and
 *   sorts it by id: the same rows in the same order, at the cost of the set instead of the history.
 */

/** The arguments every page statement takes besides its filters. */
export interface KeysetArgs {
  afterId: number;
  limit: number;
}

/** The statements of one list shape: the page, the count of the same filter, and the since-set route. */
export interface ListStatements<A, R> {
  readonly page: Statement<A & KeysetArgs, R>;
  readonly count: Statement<A, { total: number }>;
  /** The same page read through the `(filter, updated_at)` index, for a small since-set. */
  readonly pageSince?: Statement<A & KeysetArgs, R>;
}

/** List statements compiled per combination of present filters. */
export type ListShapes<A, R> = StatementShapes<ListStatements<A, R>>;

/** Largest page a caller may ask for; adapters cap lower. */
const MAX_LIMIT = 10_000;

/** Largest since-set a page reads through the updated_at index and sorts by id (well under a millisecond). */
export const SORTED_SINCE_SET = 2_000;

/** Runs one page: fetches limit+1 rows to learn whether another page exists. */
export function runPage<A extends object, R extends { id: number }, T>(
  sql: PreparedStatements,
  shapes: ListShapes<A, R>,
  present: readonly string[],
  args: A,
  query: { readonly afterId?: number | undefined; readonly limit: number; readonly knownTotal?: number | undefined },
  toModels: (rows: readonly R[]) => T[],
  /** Counts the set another way than `COUNT(*)`; answers undefined to fall back on it. */
  countBy?: () => number | undefined,
): Page<T> {
  const { limit } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  const statements = shapes.for(present);
  const total = query.knownTotal ?? countBy?.() ?? sql.get(statements.count, args)?.total ?? 0;
  const statement = statements.pageSince !== undefined && total <= SORTED_SINCE_SET ? statements.pageSince : statements.page;
  const rows = sql.all(statement, { ...args, afterId: query.afterId ?? 0, limit: limit + 1 });
  const more = rows.length > limit;
  if (more) rows.pop();
  const last = rows[rows.length - 1];
  return { rows: toModels(rows), total, nextAfterId: more && last !== undefined ? last.id : null };
}
