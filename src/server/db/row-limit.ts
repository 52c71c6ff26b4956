// LIMIT written into the SQL text, never bound: SQLite (3.53) plans with a bound LIMIT's value and
// marks the statement to be planned again whenever that parameter is bound, which is every run of
// a cached statement: a 4 µs lookup cost 8-15 µs with `limit ?`. Literal limits keep one plan per
// text; the values are few (page sizes, batch sizes), so the statement cache stays small.
import { type RawBuilder, sql } from "kysely";

export function rowLimit(n: number): RawBuilder<number> {
  // Only a whole, non-negative number may become SQL text.
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row limit: ${n}`);
  return sql.lit(n);
}
