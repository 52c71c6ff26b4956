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

export async function bootstrap(opts: BootOptions): Promise<AppContext> {
  const db: Db = openDb(opts.databaseUrl, { poolSize: opts.poolSize });
  const clock = opts.clock ?? systemClock;
  try {
    await migrate(db);
    // Keeps the planner's statistics fresh as tables grow (SQLite's advice: on every open, bounded).
    if (db.engine === "sqlite") {
      await sql`pragma analysis_limit = 1000`.execute(db.kysely);
      await sql`pragma optimize = 0x10002`.execute(db.kysely);
    }
    await seedCatalog(db.kysely, clock.now());
    await seedPrograms(db.kysely, clock.now());
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
