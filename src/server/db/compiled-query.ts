// A fixed-shape query built and compiled once per database handle; later calls only pass new
// parameters, so the hot paths do no query building (and SQLite's driver reuses its prepared
// statement, keyed by the same SQL text).
import type { Compilable, CompiledQuery, Kysely } from "kysely";
import type { Engine } from "./engine.ts";
import type { DB } from "./schema.ts";

type Build<P extends unknown[], R> = (db: Kysely<DB>, ...params: P) => Compilable<R>;

/**
 * Runs the query kept under `key`, compiling it with `builder` the first time. Every parameter
 * must be one of ours, in order: anything else would be frozen into the kept text.
 */
async function runKept<K, P extends unknown[], R>(
  kept: { get(key: K): CompiledQuery<R> | undefined; set(key: K, c: CompiledQuery<R>): unknown },
  key: K,
  build: Build<P, R>,
  builder: Kysely<DB>,
  executor: Kysely<DB>,
  params: P,
): Promise<R[]> {
  let c = kept.get(key);
  if (!c) {
    c = build(builder, ...params).compile();
    const same =
      c.parameters.length === params.length && c.parameters.every((p, i) => Object.is(p, params[i]));
    if (!same) throw new Error(`compiled query: parameters do not match for ${c.sql}`);
    kept.set(key, c);
  }
  const result = await executor.executeQuery<R>({ ...c, parameters: params });
  return result.rows;
}

/**
 * Compiled once per database (`root`, whose dialect writes the text), then run on `executor`: the
 * database itself or one of its transactions. A transaction is a new object each time, so keying
 * the cache by it would compile once per transaction.
 */
export function compiledForDatabase<P extends unknown[], R>(
  build: Build<P, R>,
): (root: Kysely<DB>, executor: Kysely<DB>, ...params: P) => Promise<R[]> {
  const once = new WeakMap<Kysely<DB>, CompiledQuery<R>>();
  return (root, executor, ...params) => runKept(once, root, build, root, executor, params);
}

/** A query compiled once per handle and run on that same handle. */
export function compiledOnce<P extends unknown[], R>(
  build: Build<P, R>,
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
  build: Build<P, R>,
): (engine: Engine, executor: Kysely<DB>, ...params: P) => Promise<R[]> {
  const once = new Map<Engine, CompiledQuery<R>>();
  return (engine, executor, ...params) => runKept(once, engine, build, executor, executor, params);
}
