// Records the statements an in-process server sends to its database, below the query builder:
// better-sqlite3's prepared statements and pg's Client.query. The drivers are wrapped once per
// test process; statements are kept only while a recorder is started (and only for its engine).
import Database from "better-sqlite3";
import pg from "pg";
import type { Engine } from "../../src/server/db/engine.ts";

export interface Statement {
  sql: string;
  params: unknown[];
}

let active: { engine: Engine; into: Statement[] } | null = null;
let wrapped = false;

function keep(engine: Engine, sql: string, params: unknown) {
  if (active?.engine !== engine) return;
  active.into.push({ sql, params: Array.isArray(params) ? [...params] : [] });
}

function wrapDrivers() {
  if (wrapped) return;
  wrapped = true;
  const prepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, source: string) {
    const stmt = prepare.call(this, source);
    for (const method of ["run", "all", "get", "iterate"] as const) {
      const original = stmt[method].bind(stmt) as (...args: unknown[]) => never;
      Object.defineProperty(stmt, method, {
        value: (...args: unknown[]) => {
          keep("sqlite", source, args.length === 1 && Array.isArray(args[0]) ? args[0] : args);
          return original(...args);
        },
      });
    }
    return stmt;
  } as typeof prepare;
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [first, second] = args;
    // Kysely's statements arrive as (text, values), or as { name, text, values } once prepared.
    if (typeof first === "string") keep("postgres", first, second);
    else if (typeof first === "object" && first !== null && "text" in first && typeof first.text === "string")
      keep("postgres", first.text, "values" in first ? first.values : []);
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
}

export function recordStatements() {
  wrapDrivers();
  let into: Statement[] = [];
  return {
    start(engine: Engine) {
      into = [];
      active = { engine, into };
    },
    stop() {
      if (active?.into === into) active = null;
    },
    /** What was recorded since the last start, each distinct text once (its first parameters). */
    statements(): Statement[] {
      const seen = new Map<string, Statement>();
      for (const s of into) if (!seen.has(s.sql)) seen.set(s.sql, s);
      return [...seen.values()];
    },
  };
}
