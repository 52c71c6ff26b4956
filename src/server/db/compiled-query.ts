// A fixed-shape query built and compiled once per database handle; later calls only pass new
// parameters, so the hot paths do no query building (and SQLite's driver reuses its prepared
// statement, keyed by the same SQL text).
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Engine } from "./engine.ts";
import type { DB } from "./schema.ts";

/** Every parameter must be one of ours, in order: anything else would be frozen in. */
function checked<R>(c: CompiledQuery<R>, params: unknown[]): CompiledQuery<R> {
  const same = c.parameters.length === params.length && c.parameters.every((p, i) => Object.is(p, params[i]));
  if (!same) throw new Error(`compiled query: parameters do not match for ${c.sql}`);
  return c;
}

/**
 * Compiled once per database (`root`, whose dialect writes the text), then run on `executor`: the
 * database itself or one of its transactions. A transaction is a new object each time, so keying
 * the cache by it would compile once per transaction.
 */
export function compiledForDatabase<P extends unknown[], R>(
  build: (db: Kysely<DB>, ...params: P) => Compilable<R>,
): (root: Kysely<DB>, executor: Kysely<DB>, ...params: P) => Promise<R[]> {
  const once = new WeakMap<Kysely<DB>, CompiledQuery<R>>();
  return async (root, executor, ...params) => {
    let c = once.get(root);
    if (!c) {
      c = checked(build(root, ...params).compile(), params);
      once.set(root, c);
    }
    const result = await executor.executeQuery<R>({ ...c, parameters: params });
    return result.rows;
  };
}

/** A query compiled once per handle and run on that same handle. */
export function compiledOnce<P extends unknown[], R>(
  build: (db: Kysely<DB>, ...params: P) => Compilable<R>,
): (db: Kysely<DB>, ...params: P) => Promise<R[]> {
  const run = compiledForDatabase(build);
  return (db, ...params) => run(db, db, ...params);
}

/**
 * Compiled once per engine, for queries run inside transactions whose database handle the caller
 * does not hold: a dialect writes the same text whichever database or transaction builds it (no
 * plugins are installed anywhere), so the first one's text serves every later one.
 */
export function compiledPerEngine<P extends unknown[], R>(
  build: (db: Kysely<DB>, ...params: P) => Compilable<R>,
): (engine: Engine, executor: Kysely<DB>, ...params: P) => Promise<R[]> {
  const once = new Map<Engine, CompiledQuery<R>>();
  return async (engine, executor, ...params) => {
    let c = once.get(engine);
    if (!c) {
      c = checked(build(executor, ...params).compile(), params);
      once.set(engine, c);
    }
    const result = await executor.executeQuery<R>({ ...c, parameters: params });
    return result.rows;
  };
}
