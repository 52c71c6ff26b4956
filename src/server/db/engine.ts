// Opening a database from DATABASE_URL: `sqlite:<path>` (default) or `postgres://...`.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.ts";
import { ImmediateSqliteDialect } from "./sqlite-driver.ts";

export type Engine = "sqlite" | "postgres";

export interface Db {
  engine: Engine;
  kysely: Kysely<DB>;
  /** A short description without credentials, for logs. */
  label: string;
  close(): Promise<void>;
}

export const DEFAULT_DATABASE_URL = "sqlite:./data/claimdesk.db";

export function engineOf(url: string): Engine {
  if (url.startsWith("sqlite:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgres";
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(":")[0]}:...")`);
}

function openSqlite(url: string): Db {
  const path = url.slice("sqlite:".length).replace(/^\/\/(?=\/)/, "");
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path);
  // First, so that even switching a new file to WAL waits for a sibling process (issue 12).
  raw.pragma("busy_timeout = 10000");
  raw.pragma("journal_mode = WAL");
  raw.pragma("foreign_keys = ON");
  // WAL with NORMAL sync: durable across process crashes, loses at most the last commits on power loss.
  raw.pragma("synchronous = NORMAL");
  // 64 MiB of page cache: the claim indexes of a large programme stay in memory.
  raw.pragma("cache_size = -65536");
  const kysely = new Kysely<DB>({ dialect: new ImmediateSqliteDialect(raw) });
  return { engine: "sqlite", kysely, label: `sqlite:${path}`, close: () => kysely.destroy() };
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
  const kysely = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const u = new URL(url);
  return {
    engine: "postgres",
    kysely,
    label: `postgres://${u.host}${u.pathname}`,
    close: () => kysely.destroy(),
  };
}

export function openDb(url: string = DEFAULT_DATABASE_URL, options: { poolSize?: number } = {}): Db {
  return engineOf(url) === "sqlite" ? openSqlite(url) : openPostgres(url, options.poolSize ?? 10);
}
