// Set-based writes of fixed-shape rows without the query builder: building a 500-row INSERT with
// Kysely walks one node per value (the sweeper's profile showed it), and every new row count is a
// new statement text to prepare. Here the text is made once per (shape, size) and kept: SQLite gets
// chunks of 256/64/16/4/1 rows (few distinct texts, each prepared once by the driver's cache);
// PostgreSQL gets one array per column through unnest(), one text whatever the row count.
import { CompiledQuery, type Kysely } from "kysely";
import type { Engine } from "./engine.ts";
import type { DB } from "./schema.ts";

export interface Column<R> {
  name: keyof R & string;
  /** PostgreSQL element type of the column's array (migration 0001's column type). */
  pg: string;
}

const SIZES = [256, 64, 16, 4, 1];
const texts = new Map<string, string>();

// Shapes are few (column sets times row counts); the cap only keeps an unforeseen variety from
// growing the map without end: past it, texts are made each time, as the query builder would.
const MAX_TEXTS = 4096;

function cachedText(key: string, make: () => string): string {
  let t = texts.get(key);
  if (t === undefined) {
    t = make();
    if (texts.size < MAX_TEXTS) texts.set(key, t);
  }
  return t;
}

/** Splits n rows into chunks of the fixed sizes, largest first. */
function* chunks(n: number): Generator<[number, number]> {
  let at = 0;
  for (const size of SIZES) {
    while (n - at >= size) {
      yield [at, size];
      at += size;
    }
  }
}

const tuple = (width: number) => `(${Array.from({ length: width }, () => "?").join(", ")})`;
const tuples = (width: number, count: number) => Array.from({ length: count }, () => tuple(width)).join(", ");

const arrays = <R>(columns: readonly Column<R>[]) => columns.map((c, i) => `$${i + 1}::${c.pg}[]`).join(", ");

/** Inserts every row, its values taken from the named columns (undefined goes as null). */
export async function insertRows<R>(
  db: Kysely<DB>,
  engine: Engine,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map((c) => c.name).join(", ");
  if (engine === "postgres") {
    const text = cachedText(`pg insert ${table} ${names}`, () => {
      return `insert into ${table} (${names}) select * from unnest(${arrays(columns)})`;
    });
    const params = columns.map((c) => rows.map((r) => r[c.name] ?? null));
    await db.executeQuery(CompiledQuery.raw(text, params));
    return;
  }
  for (const [at, size] of chunks(rows.length)) {
    const text = cachedText(`lite insert ${table} ${names} ${size}`, () => {
      return `insert into ${table} (${names}) values ${tuples(columns.length, size)}`;
    });
    const params: unknown[] = [];
    for (let i = at; i < at + size; i++) {
      const r = rows[i] as R;
      for (const c of columns) params.push(r[c.name] ?? null);
    }
    await db.executeQuery(CompiledQuery.raw(text, params));
  }
}

/** `delete from <table> where <column> in (ids)`, in as few fixed texts as the engine allows. */
export async function deleteWhereIn(
  db: Kysely<DB>,
  engine: Engine,
  table: string,
  column: string,
  ids: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  if (engine === "postgres") {
    const text = cachedText(`pg delete ${table} ${column}`, () => {
      return `delete from ${table} where ${column} = any($1::text[])`;
    });
    await db.executeQuery(CompiledQuery.raw(text, [ids]));
    return;
  }
  for (const [at, size] of chunks(ids.length)) {
    const text = cachedText(`lite delete ${table} ${column} ${size}`, () => {
      return `delete from ${table} where ${column} in ${tuple(size)}`;
    });
    await db.executeQuery(CompiledQuery.raw(text, ids.slice(at, at + size)));
  }
}

/** Exposed for the claim-row UPDATE, which joins the same kind of row source. */
export const fixedChunks = chunks;
export const fixedText = cachedText;
export const placeholderTuples = tuples;
