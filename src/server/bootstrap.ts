// Opening the database, migrating, seeding the catalog and wiring the side effects.
import { join } from "node:path";
import { sql } from "kysely";
import { DEFAULT_POLICY, type Policy } from "../domain/policy.ts";
import { CalendarCache } from "./calendars/calendar-cache.ts";
import { seedCatalog } from "./catalog/seed-catalog.ts";
import { type AppContext, type Clock, systemClock } from "./context.ts";
import { type Db, openDb } from "./db/engine.ts";
import { migrate } from "./db/migrate.ts";
import { type BlobStore, DbBlobStore, FsBlobStore } from "./documents/blob-store.ts";
import { seedPrograms } from "./incentives/programs.ts";

export interface BootOptions {
  databaseUrl: string;
  dataDir: string;
  clock?: Clock;
  policy?: Policy;
  /** `fs` (default) or `db`: PoE bytes in the database, for several servers without a shared disk. */
  storage?: "fs" | "db";
  poolSize?: number;
}

// Any fixed 64-bit number no other advisory lock here uses (Kysely's migrator takes its own inside).
const STARTUP_LOCK = 7_203_114_512;
// SQLite: how long a process waits for another's migrations and seed before it gives up.
const SQLITE_STARTUP_WAIT_MS = 300_000;

/**
 * Migrations and seeding, one process at a time: several servers starting together on an empty
 * database would otherwise all run them and trip over each other's rows (issue 12). PostgreSQL:
 * a session advisory lock held on one connection; SQLite: the file's write lock (BEGIN IMMEDIATE),
 * which also makes the whole of it one transaction.
 */
async function underStartupLock(db: Db, work: (held: Db) => Promise<void>): Promise<void> {
  await db.kysely.connection().execute(async (conn) => {
    const held: Db = { ...db, kysely: conn };
    if (db.engine === "postgres") {
      await sql`select pg_advisory_lock(${sql.lit(STARTUP_LOCK)})`.execute(conn);
      try {
        await work(held);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(STARTUP_LOCK)})`.execute(conn);
      }
      return;
    }
    const giveUp = Date.now() + SQLITE_STARTUP_WAIT_MS;
    for (;;) {
      try {
        await sql`begin immediate`.execute(conn);
        break;
      } catch (err) {
        // busy_timeout already waited; a slow sibling may still be migrating: wait on.
        const busy = err instanceof Error && "code" in err && err.code === "SQLITE_BUSY";
        if (!busy || Date.now() > giveUp) throw err;
      }
    }
    try {
      await work(held);
      await sql`commit`.execute(conn);
    } catch (err) {
      await sql`rollback`.execute(conn);
      throw err;
    }
  });
}

export async function bootstrap(opts: BootOptions): Promise<AppContext> {
  const db: Db = openDb(opts.databaseUrl, { poolSize: opts.poolSize });
  const clock = opts.clock ?? systemClock;
  try {
    await underStartupLock(db, async (held) => {
      await migrate(held);
      await seedCatalog(held.kysely, clock.now());
      await seedPrograms(held.kysely, clock.now());
    });
    // Keeps the planner's statistics fresh as tables grow (SQLite's advice: on every open, bounded).
    if (db.engine === "sqlite") {
      await sql`pragma analysis_limit = 1000`.execute(db.kysely);
      await sql`pragma optimize = 0x10002`.execute(db.kysely);
    }
  } catch (err) {
    await db.close();
    throw err;
  }
  let blobs: BlobStore;
  if (opts.storage === "db") blobs = new DbBlobStore(db.kysely);
  else {
    const fs = new FsBlobStore(join(opts.dataDir, "documents"));
    // An upload cut short by a crash leaves a partial file; an hour is far longer than any upload.
    await fs.removeAbandonedUploads(3_600_000);
    blobs = fs;
  }
  return { db, clock, policy: opts.policy ?? DEFAULT_POLICY, calendars: new CalendarCache(), blobs };
}
