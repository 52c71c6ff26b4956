// One claim's write (claim-writer.ts) as fixed-shape statement texts, made once per shape and
// kept: building the UPDATE, the counter upsert and the inserts with the query builder on every
// action cost a sixth of a transition's CPU (its profile, issue 13). A shape is the set of columns
// set and the number of rows; there are a few dozen in practice. Texts use `?` for each parameter
// and hold no other `?` (fixed identifiers only), so PostgreSQL's `$n` are numbered by replacing
// them in order.
import { CompiledQuery, type Kysely } from "kysely";
import type { Engine } from "../db/engine.ts";
import { fixedText, placeholderTuples as tuples } from "../db/fixed-statements.ts";
import type { ClaimsTable, DB } from "../db/schema.ts";

/** One statement: a key naming its shape, how to write its text, and its parameters in order. */
export interface Part {
  key: string;
  text: () => string;
  params: unknown[];
}

const tuple = (width: number) => tuples(width, 1);

/** The guarded UPDATE: the columns in `set` (undefined ones left out, as the query builder does). */
export function updatePart(id: string, revision: number, set: Partial<ClaimsTable>): Part {
  const columns = (Object.keys(set) as (keyof ClaimsTable)[]).filter((c) => set[c] !== undefined);
  return {
    key: `update ${columns.join(",")}`,
    text: () =>
      `update "claims" set ${columns.map((c) => `"${c}" = ?`).join(", ")} where "id" = ? and "revision" = ?`,
    params: [...columns.map((c) => set[c]), id, revision],
  };
}

/** A multi-row INSERT (with an optional conflict clause) of the named columns of each row. */
export function insertPart<R>(
  table: string,
  columns: readonly (keyof R & string)[],
  rows: readonly R[],
  conflict = "",
): Part {
  return {
    key: `insert ${table} ${columns.join(",")} ${rows.length} ${conflict}`,
    text: () =>
      `insert into "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) values ${tuples(columns.length, rows.length)}${conflict ? ` ${conflict}` : ""}`,
    params: rows.flatMap((r) => columns.map((c) => r[c] ?? null)),
  };
}

/** `delete from <table> where <key> = ? and <column> in (…)`. */
export function deleteInPart(
  table: string,
  key: string,
  value: string,
  column: string,
  values: string[],
): Part {
  return {
    key: `delete ${table} ${key} ${column} ${values.length}`,
    text: () => `delete from "${table}" where "${key}" = ? and "${column}" in ${tuple(values.length)}`,
    params: [value, ...values],
  };
}

const numbered = (text: string, from: { n: number }) => text.replace(/\?/g, () => `$${++from.n}`);

/**
 * Runs the UPDATE (first part) and the rest; answers how many claim rows the UPDATE wrote. SQLite:
 * one prepared statement each, the rest only when the guard held. PostgreSQL: one statement of
 * data-modifying CTEs, one round trip; a lost guard rolls the caller's transaction back anyway.
 */
export async function runClaimWrite(
  db: Kysely<DB>,
  engine: Engine,
  update: Part,
  rest: Part[],
): Promise<number> {
  if (engine === "postgres") {
    const parts = [update, ...rest];
    const text = fixedText(`pg claim write ${parts.map((p) => p.key).join(" | ")}`, () => {
      const from = { n: 0 };
      const ctes = parts.map(
        (p, i) => `"w${i}" as (${numbered(p.text(), from)}${i === 0 ? ' returning "id"' : ""})`,
      );
      return `with ${ctes.join(", ")} select count(*)::int as n from "w0"`;
    });
    const r = await db.executeQuery<{ n: number }>(
      CompiledQuery.raw(
        text,
        parts.flatMap((p) => p.params),
      ),
    );
    return r.rows[0]?.n ?? 0;
  }
  const run = (p: Part) => db.executeQuery(CompiledQuery.raw(fixedText(`lite ${p.key}`, p.text), p.params));
  const updated = Number((await run(update)).numAffectedRows ?? 0n);
  if (updated === 1) for (const p of rest) await run(p);
  return updated;
}
