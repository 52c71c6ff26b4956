// Kysely's own SQLite driver prepares every statement anew and opens transactions with a plain
// BEGIN. Ours caches prepared statements and takes the write lock first (BEGIN IMMEDIATE), so a
// read-then-write transaction cannot fail with SQLITE_BUSY halfway through.
import type Database from "better-sqlite3";
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";

const CACHE_LIMIT = 500;

class CachedConnection implements DatabaseConnection {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #prepare(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      if (this.#statements.size >= CACHE_LIMIT) this.#statements.clear();
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const stmt = this.#prepare(compiled.sql);
    const params = compiled.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(params) as R[] };
    const { changes, lastInsertRowid } = stmt.run(params);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.#prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

/**
 * The process's one SQLite connection, taken in turn: a transaction holds it to its end. Handed to
 * a waiter through setImmediate, not a resolved promise: better-sqlite3 answers synchronously, so
 * a queue of waiters would otherwise run one after another inside a single microtask drain, and
 * under load the event loop saw no I/O or timer for 170 ms at a time (`npm run bench`, loop p99).
 */
export class Mutex {
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = () => {
        if (this.#waiting > 0) setImmediate(r);
        else r();
      };
    });
    this.#waiting += 1;
    const ready = this.#tail.then(() => {
      this.#waiting -= 1;
      return release;
    });
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

class ImmediateSqliteDriver implements Driver {
  readonly #db: Database.Database;
  readonly #connection: CachedConnection;
  readonly #mutex: Mutex;
  #release: (() => void) | undefined;

  constructor(db: Database.Database, mutex: Mutex) {
    this.#db = db;
    this.#connection = new CachedConnection(db);
    this.#mutex = mutex;
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection for the process: callers queue for it, a transaction holds it to the end.
    this.#release = await this.#mutex.lock();
    return this.#connection;
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("begin immediate"));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  async destroy(): Promise<void> {
    this.#db.close();
  }
}

export class ImmediateSqliteDialect implements Dialect {
  readonly #db: Database.Database;
  /** Whoever holds it has the connection to itself (the checkpointer's catch-up, engine.ts). */
  readonly mutex = new Mutex();
  constructor(db: Database.Database) {
    this.#db = db;
  }
  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#db, this.mutex);
  }
  createQueryCompiler() {
    return new SqliteQueryCompiler();
  }
  createAdapter() {
    return new SqliteAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's introspector takes any database.
  createIntrospector(db: Kysely<any>) {
    return new SqliteIntrospector(db);
  }
}
