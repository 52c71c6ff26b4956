// Opening a database from DATABASE_URL: `sqlite:<path>` (default) or `postgres://...`.

import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { COMMIT_CHANNEL, CommitSignal } from "./commit-signal.ts";
import { preparedPool } from "./pg-prepared.ts";
import type { DB } from "./schema.ts";
import { startCheckpointer } from "./sqlite-checkpointer.ts";
import { ImmediateSqliteDialect } from "./sqlite-driver.ts";

export type Engine = "sqlite" | "postgres";

export interface Db {
  engine: Engine;
  kysely: Kysely<DB>;
  /** A short description without credentials, for logs. */
  label: string;
  /** Fired after write transactions commit (see commit-signal.ts). */
  commits: CommitSignal;
  /** Hears other processes' commits (PostgreSQL LISTEN); a server calls it once. */
  listenForCommits(): Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = "sqlite:./data/claimdesk.db";

export function engineOf(url: string): Engine {
  if (url.startsWith("sqlite:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(":")[0]}:...")`);
}

/**
 * The second connection, for plain reads (sqlite-driver.ts): query_only, so that a write sent to
 * it by mistake fails instead of bypassing the writer's turn; its own page cache, since the reads
 * of lists and claims are what wants the indexes in memory.
 */
function openReader(path: string): Database.Database {
  const reader = new Database(path);
  reader.pragma("busy_timeout = 10000");
  reader.pragma("query_only = ON");
  reader.pragma("cache_size = -65536");
  return reader;
}

function openSqlite(url: string): Db {
  const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
  const inMemory = path === ":memory:";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  // First, so that even switching a new file to WAL waits for a sibling process (issue 12).
  raw.pragma("busy_timeout = 10000");
  raw.pragma("journal_mode = WAL");
  raw.pragma("foreign_keys = ON");
  // Durability (README, "Durability"): in WAL mode NORMAL does not fsync on commit. A committed
  // transaction survives a crash of the process; a power loss or OS crash may lose the last
  // commits, never corrupt the file. FULL would fsync on the event loop at every commit.
  raw.pragma("synchronous = NORMAL");
  // 32 MiB of page cache for the writer (its reads are the rows it changes and their indexes'
  // pages); the reader has 64 MiB, for the claim indexes of a large programme (openReader).
  raw.pragma("cache_size = -32768");
  // Checkpoints (copying the WAL into the file, with its fsyncs) stall everything when they run on
  // the committing connection, which is the event loop: a worker thread runs them instead.
  const dialect = new ImmediateSqliteDialect(raw, inMemory ? null : openReader(path));
  const checkpointer = inMemory
    ? null
    : startCheckpointer(path, {
        onFailure: () => {
          if (raw.open) raw.pragma("wal_autocheckpoint = 1000");
        },
        // The catch-up pass: nothing runs on either connection until the worker is done.
        whileIdle: (work) => dialect.whileIdle(work),
      });
  if (checkpointer) raw.pragma("wal_autocheckpoint = 0");
  // The WAL file keeps its largest size (a bulk import can leave hundreds of MiB); once the WAL
  // restarts after a full checkpoint, cut it back to 64 MiB.
  raw.pragma("journal_size_limit = 67108864");
  const kysely = new Kysely<DB>({ dialect });
  let dataVersion = Number(raw.pragma("data_version", { simple: true }));
  const commits = new CommitSignal({
    changedElsewhere: () => {
      if (!raw.open) return false;
      const v = Number(raw.pragma("data_version", { simple: true }));
      const changed = v !== dataVersion;
      dataVersion = v;
      return changed;
    },
  });
  return {
    engine: "sqlite",
    kysely,
    label: `sqlite:${path}`,
    commits,
    listenForCommits: async () => {},
    close: async () => {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
}

const INT8 = 20;
const NUMERIC = 1700;

function openPostgres(url: string, poolSize: number): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: {
      // Times are epoch milliseconds in int8: well inside Number's exact range.
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === INT8 || oid === NUMERIC
          ? Number
          : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client's error (say, after a failover) must not kill the process.
  pool.on("error", (err) => {
    process.emitWarning(`PostgreSQL pool error: ${err.message}`);
  });
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool: preparedPool(pool) }) });
  const u = new URL(url);
  const commits = new CommitSignal({
    publish: async () => {
      await pool.query("select pg_notify($1, '')", [COMMIT_CHANNEL]);
    },
  });
  let listener: pg.Client | null = null;
  let closed = false;
  const listen = async (): Promise<void> => {
    if (closed || listener) return;
    const client = new pg.Client({ connectionString: url });
    listener = client;
    const retry = (err: Error) => {
      // Lost the connection: commits elsewhere reach us through the safety poll until it is back.
      process.emitWarning(`PostgreSQL LISTEN connection: ${err.message}`);
      if (listener === client) listener = null;
      client.end().catch(() => {});
      if (!closed) setTimeout(() => void listen().catch(retry), 5000).unref();
    };
    client.on("error", retry);
    client.on("notification", () => commits.notifyLocal());
    await client.connect();
    await client.query(`LISTEN ${COMMIT_CHANNEL}`);
  };
  return {
    engine: "postgres",
    kysely,
    label: `postgres://${u.host}${u.pathname}`,
    commits,
    listenForCommits: listen,
    close: async () => {
      closed = true;
      await commits.close();
      await listener?.end();
      await kysely.destroy();
    },
  };
}

export function openDb(url: string = DEFAULT_DATABASE_URL, options: { poolSize?: number } = {}): Db {
  return engineOf(url) === "sqlite" ? openSqlite(url) : openPostgres(url, options.poolSize ?? 10);
}
