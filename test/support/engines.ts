// Every database test runs once per engine (as Kysely's own tests do). SQLite gets a fresh file per
// context; PostgreSQL a fresh database on the server named by DATABASE_URL.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { bootstrap } from "../../src/server/bootstrap.ts";
import { type AppContext, type Clock, ManualClock } from "../../src/server/context.ts";
import type { Engine } from "../../src/server/db/engine.ts";

const PG_URL = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const IN_CI = process.env.CI === "true" || process.env.CI === "1";

/** The engines this run covers. In CI a missing PostgreSQL is a failure, never a silent skip. */
export const ENGINES: Engine[] = PG_URL || IN_CI ? ["sqlite", "postgres"] : ["sqlite"];

export interface TestDb {
  engine: Engine;
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDb(engine: Engine): Promise<TestDb> {
  const dataDir = mkdtempSync(join(tmpdir(), "claimdesk-test-"));
  if (engine === "sqlite") {
    return {
      engine,
      url: `sqlite:${join(dataDir, "test.db")}`,
      dataDir,
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  if (!PG_URL) throw new Error("PostgreSQL tests need DATABASE_URL=postgres://... (CI must provide it)");
  const name = `cd_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return {
    engine,
    url: u.toString(),
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  ctx: AppContext;
  clock: ManualClock;
  db: TestDb;
  close(): Promise<void>;
}

export async function openTestApp(
  engine: Engine,
  start = Date.parse("2026-03-02T09:00:00.000Z"),
  clock?: Clock,
): Promise<TestApp> {
  const db = await createTestDb(engine);
  const manual = new ManualClock(start);
  const ctx = await bootstrap({ databaseUrl: db.url, dataDir: db.dataDir, clock: clock ?? manual });
  return {
    ctx,
    clock: manual,
    db,
    close: async () => {
      await ctx.db.close();
      await db.drop();
    },
  };
}

/** Another context on the same database: a second server process, as far as the database can tell. */
export async function openSibling(app: TestApp, clock: Clock = app.clock): Promise<AppContext> {
  return bootstrap({ databaseUrl: app.db.url, dataDir: app.db.dataDir, clock });
}
