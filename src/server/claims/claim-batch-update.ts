// The sweeper's guarded UPDATE of many claim rows in one statement per shape of change: each row
// written only where its revision is still the one read (the optimistic guard), and only the
// columns that changed set, so that an unchanged indexed column costs no index work. SQLite joins
// a VALUES list (UPDATE … FROM, SQLite 3.33+) in fixed chunk sizes; PostgreSQL unnests one array
// per column, one statement text whatever the batch size.
import { CompiledQuery, type Kysely } from "kysely";
import type { Engine } from "../db/engine.ts";
import { fixedChunks, fixedText, placeholderTuples } from "../db/fixed-statements.ts";
import type { ClaimsTable, DB } from "../db/schema.ts";

type Column = keyof ClaimsTable;

// PostgreSQL's types of the columns a transition can change (migration 0001).
const PG_TYPES: Partial<Record<Column, string>> = {
  status: "text",
  state: "text",
  partner_action: "integer",
  operator_action: "integer",
  sla_due_at: "bigint",
  version: "integer",
  revision: "integer",
  history_seq: "integer",
  history_hash: "text",
  updated_at: "bigint",
};

const CHANGEABLE = Object.keys(PG_TYPES) as Column[];

/** The columns a write changes: the revision always, the others when their value differs. */
function shapeOf(before: ClaimsTable, next: ClaimsTable): Column[] {
  return CHANGEABLE.filter((c) => c === "revision" || before[c] !== next[c]);
}

async function updateShape(
  db: Kysely<DB>,
  engine: Engine,
  columns: Column[],
  rows: { before: ClaimsTable; next: ClaimsTable }[],
): Promise<number> {
  const names = ["id", "guard", ...columns].join(", ");
  const set = columns.map((c) => `${c} = v.${c}`).join(", ");
  const valuesOf = (r: { before: ClaimsTable; next: ClaimsTable }) => [
    r.before.id,
    r.before.revision,
    ...columns.map((c) => r.next[c]),
  ];
  // Texts built once per shape (and size on SQLite), not by the query builder per batch.
  if (engine === "postgres") {
    const text = fixedText(`pg update claims ${names}`, () => {
      const types = ["text", "integer", ...columns.map((c) => PG_TYPES[c] ?? "text")];
      const arrays = types.map((t, i) => `$${i + 1}::${t}[]`).join(", ");
      return `update claims set ${set} from unnest(${arrays}) as v(${names})
        where claims.id = v.id and claims.revision = v.guard`;
    });
    const params = ["id", "guard", ...columns].map((_, i) => rows.map((r) => valuesOf(r)[i] ?? null));
    const res = await db.executeQuery(CompiledQuery.raw(text, params));
    return Number(res.numAffectedRows ?? 0n);
  }
  let updated = 0;
  for (const [at, size] of fixedChunks(rows.length)) {
    const text = fixedText(`lite update claims ${names} ${size}`, () => {
      const values = placeholderTuples(columns.length + 2, size);
      return `with v(${names}) as (values ${values})
        update claims set ${set} from v where claims.id = v.id and claims.revision = v.guard`;
    });
    const params = rows.slice(at, at + size).flatMap((r) => valuesOf(r).map((v) => v ?? null));
    const res = await db.executeQuery(CompiledQuery.raw(text, params));
    updated += Number(res.numAffectedRows ?? 0n);
  }
  return updated;
}

/** Updates every row whose revision is still the one read; answers how many were written. */
export async function updateClaimRows(
  db: Kysely<DB>,
  engine: Engine,
  rows: { before: ClaimsTable; next: ClaimsTable }[],
): Promise<number> {
  const shapes = new Map<string, { columns: Column[]; rows: typeof rows }>();
  for (const r of rows) {
    const columns = shapeOf(r.before, r.next);
    const key = columns.join(",");
    const shape = shapes.get(key) ?? { columns, rows: [] };
    shape.rows.push(r);
    shapes.set(key, shape);
  }
  let updated = 0;
  for (const s of shapes.values()) updated += await updateShape(db, engine, s.columns, s.rows);
  return updated;
}
