// Kysely's own SQLite driver prepares every statement anew and opens transactions with a plain
// BEGIN. Ours caches prepared statements and takes the write lock first (BEGIN IMMEDIATE), so a
// read-then-write transaction cannot fail with SQLITE_BUSY halfway through.
//
// Two connections to the file. The writer is taken in turn: a transaction, a write, a stream or a
// raw BEGIN holds it until Kysely releases the connection. A plain SELECT outside those runs at
// once on a read-only second connection: in WAL mode it reads the last commit, and better-sqlite3
// answers synchronously, so it needs no turn. Before, every read queued behind whole transactions
// (which await between their statements) and then waited a turn of the event loop for the
// connection: GET one claim's four reads did so four times (`npm run bench`).
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

/** Prepared statements of one connection, by their text. */
class StatementCache {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement>();
  constructor(db: Database.Database) {
    this.#db = db;
  }
  get(sql: string): Database.Statement {
    let stmt = this.#statements.get(sql);
    if (!stmt) {
      stmt = this.#db.prepare(sql);
      if (this.#statements.size >= CACHE_LIMIT) this.#statements.clear();
      this.#statements.set(sql, stmt);
    }
    return stmt;
  }
}

function execute<R>(stmt: Database.Statement, compiled: CompiledQuery): QueryResult<R> {
  const params = compiled.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(params) as R[] };
  const { changes, lastInsertRowid } = stmt.run(params);
  return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
}

const SELECT = /^\s*(select|with)\b/i;

/**
 * The reading connection's statements; null for a text it must not run (not a read-only SELECT:
 * a write, a pragma, BEGIN), which the writer runs. Judged and prepared once per text.
 */
class ReadStatements {
  readonly #db: Database.Database;
  readonly #statements = new Map<string, Database.Statement | null>();
  constructor(db: Database.Database) {
    this.#db = db;
  }
  get(sql: string): Database.Statement | null {
    const known = this.#statements.get(sql);
    if (known !== undefined) return known;
    let stmt: Database.Statement | null = null;
    if (SELECT.test(sql)) {
      const prepared = this.#db.prepare(sql);
      // SQLite's own judgement (sqlite3_stmt_readonly): a CTE may hide a write.
      if (prepared.readonly) stmt = prepared;
    }
    if (this.#statements.size >= CACHE_LIMIT) this.#statements.clear();
    this.#statements.set(sql, stmt);
    return stmt;
  }
}

/** What both connections share: the writer, its turn, the reader, and the pause of reads. */
interface Shared {
  writer: StatementCache;
  mutex: Mutex;
  /** Null where there is no second connection (an in-memory database is one connection). */
  reader: ReadStatements | null;
  /** While set, reads wait for it (the checkpointer's window, engine.ts). */
  readsPaused: Promise<void> | null;
}

/**
 * One use of the database as Kysely hands it out: reads go to the reader until the lease does
 * anything else, from when it holds the writer to its release, so that it reads its own writes.
 */
class Lease implements DatabaseConnection {
  readonly #s: Shared;
  #release: (() => void) | null = null;

  constructor(shared: Shared) {
    this.#s = shared;
  }

  /** Takes the writer for the rest of this lease. */
  async hold(): Promise<void> {
    if (!this.#release) this.#release = await this.#s.mutex.lock();
  }

  release(): void {
    const release = this.#release;
    this.#release = null;
    release?.();
  }

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.#release) {
      const read = this.#s.reader?.get(compiled.sql);
      if (read) {
        if (this.#s.readsPaused) await this.#s.readsPaused;
        return execute(read, compiled);
      }
      await this.hold();
    }
    return execute(this.#s.writer.get(compiled.sql), compiled);
  }

  // On the writer, held: an open iterator keeps its connection busy for any other statement.
  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    await this.hold();
    const stmt = this.#s.writer.get(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters as unknown[])) yield { rows: [row as R] };
  }
}

/**
 * The writing connection, taken in turn: a transaction holds it to its end. Handed to
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
  readonly #reader: Database.Database | null;
  readonly #shared: Shared;

  constructor(db: Database.Database, reader: Database.Database | null, shared: Shared) {
    this.#db = db;
    this.#reader = reader;
    this.#shared = shared;
  }
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const lease = new Lease(this.#shared);
    if (!this.#shared.reader) await lease.hold();
    return lease;
  }
  async beginTransaction(conn: DatabaseConnection): Promise<void> {
    await (conn as Lease).hold();
    await conn.executeQuery(CompiledQuery.raw("begin immediate"));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw("rollback"));
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    (conn as Lease).release();
  }
  async destroy(): Promise<void> {
    this.#reader?.close();
    this.#db.close();
  }
}

export class ImmediateSqliteDialect implements Dialect {
  readonly #db: Database.Database;
  readonly #reader: Database.Database | null;
  readonly #shared: Shared;
  /** `reader`: a read-only connection to the same file, or null to read on the writer. */
  constructor(db: Database.Database, reader: Database.Database | null) {
    this.#db = db;
    this.#reader = reader;
    this.#shared = {
      writer: new StatementCache(db),
      mutex: new Mutex(),
      reader: reader ? new ReadStatements(reader) : null,
      readsPaused: null,
    };
  }
  /** Runs `work` while neither connection runs anything (the checkpointer's window, engine.ts). */
  async whileIdle(work: () => Promise<void>): Promise<void> {
    const release = await this.#shared.mutex.lock();
    let resume!: () => void;
    this.#shared.readsPaused = new Promise<void>((r) => {
      resume = r;
    });
    try {
      await work();
    } finally {
      this.#shared.readsPaused = null;
      resume();
      release();
    }
  }
  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#db, this.#reader, this.#shared);
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
