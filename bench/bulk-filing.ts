// `npm run bench:bulk`: bulk filing of BENCH_BULK_ROWS claims (default 1,000 and 10,000) through
// the real use case (the dry run, then the creation of the drafts: checks, numbers, history,
// outbox, keys) on SQLite, and on PostgreSQL when DATABASE_URL=postgres://... is set. Beside it, in
// the same run, the floor: the very rows the import wrote (claims, history, outbox, claim_products,
// claim counters aside) inserted again into a fresh database by plain prepared statements in one
// transaction (better-sqlite3 / pg), with no checks.
import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { Readable } from "node:stream";
import Database from "better-sqlite3";
import pg from "pg";
import { createOrganization, createUser } from "../src/server/admin/directory.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { CLAIM_FILE_COLUMNS } from "../src/server/claims/bulk/claim-file-columns.ts";
import { ClaimImportRunner } from "../src/server/claims/bulk/run-claim-import.ts";
import { importClaimsFile } from "../src/server/claims/use-cases/import-claims-file.ts";
import { systemClock } from "../src/server/context.ts";
import type { Engine } from "../src/server/db/engine.ts";
import { claimBodyShape } from "../src/server/http/claim-import-schemas.ts";
import type { Principal } from "../src/server/principal.ts";
import { createTestDb } from "../test/support/engines.ts";

const SIZES = process.env.BENCH_BULK_ROWS ? [Number(process.env.BENCH_BULK_ROWS)] : [1_000, 10_000];
const ENGINES: Engine[] = process.env.DATABASE_URL?.startsWith("postgres")
  ? ["sqlite", "postgres"]
  : ["sqlite"];
const TABLES = ["claims", "history", "outbox", "claim_products"] as const;
type Rows = Record<(typeof TABLES)[number], Record<string, unknown>[]>;

function csvFile(partnerId: string, tenants: string[]): string {
  const lines = [CLAIM_FILE_COLUMNS.join(",")];
  for (const [i, tenant] of tenants.entries()) {
    const r: Record<string, string> = {
      partnerId,
      customerTenantId: tenant,
      customerDomain: `c${i}.example.com`,
      customerName: `Customer ${i}`,
      activity: "deployment",
      products: "teams;exchange_online",
      customerContactName: "Casey",
      customerContactEmail: `casey${i}@customer.example`,
      partnerContactName: "Paula",
      partnerContactEmail: "paula@partner.example",
    };
    lines.push(CLAIM_FILE_COLUMNS.map((c) => r[c] ?? "").join(","));
  }
  return `${lines.join("\n")}\n`;
}

async function run(engine: Engine, n: number) {
  const target = await createTestDb(engine);
  const ctx = await bootstrap({ databaseUrl: target.url, dataDir: target.dataDir, clock: systemClock });
  const db = ctx.db.kysely;
  const partnerId = String(4_000_000 + Math.floor(Math.random() * 1_000_000));
  const org = await createOrganization(ctx, { name: "Bench partner", partnerIds: [partnerId] });
  const user = await createUser(ctx, {
    email: `bench-${randomUUID().slice(0, 8)}@example.com`,
    name: "Bench",
    password: "bench-password-123",
    role: "incentives_admin",
    organizationId: org.id,
  });
  const principal: Principal = {
    kind: "user",
    id: user.id,
    name: "Bench",
    role: "incentives_admin",
    organizationId: org.id,
    locale: "en",
  };
  const tenants = Array.from({ length: n }, () => randomUUID());
  for (let i = 0; i < n; i += 500) {
    await db
      .insertInto("customers")
      .values(
        tenants.slice(i, i + 500).map((t, j) => ({
          tenant_id: t,
          domain: `c${i + j}.example.com`,
          name: "C",
          locale: null,
          created_at: 0,
        })),
      )
      .execute();
  }
  const csv = csvFile(partnerId, tenants);
  const runner = new ClaimImportRunner(ctx, { wall: systemClock });
  const send = (dryRun: boolean) =>
    importClaimsFile(ctx, principal, {
      dryRun,
      multipart: true,
      shape: claimBodyShape,
      runner,
      open: async () => ({
        file: Readable.from([Buffer.from(csv)]),
        filename: "bench.csv",
        truncated: () => false,
      }),
    });

  let t0 = performance.now();
  const dry = await send(true);
  const dryMs = performance.now() - t0;
  if (dry.errorCount)
    throw new Error(`dry run found ${dry.errorCount} problems: ${JSON.stringify(dry.errors[0])}`);
  t0 = performance.now();
  const real = await send(false);
  await runner.idle();
  const createMs = performance.now() - t0;
  const done = await db
    .selectFrom("claim_imports")
    .selectAll()
    .where("id", "=", real.import?.id ?? "")
    .executeTakeFirstOrThrow();
  if (done.status !== "done" || Number(done.done) !== n)
    throw new Error(`import ended ${done.status}: ${done.error}`);

  const ids = (
    await db.selectFrom("claims").select("id").where("organization_id", "=", org.id).execute()
  ).map((r) => r.id);
  const rows: Rows = { claims: [], history: [], outbox: [], claim_products: [] };
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    rows.claims.push(...(await db.selectFrom("claims").selectAll().where("id", "in", part).execute()));
    rows.history.push(
      ...(await db.selectFrom("history").selectAll().where("claim_id", "in", part).execute()),
    );
    rows.outbox.push(...(await db.selectFrom("outbox").selectAll().where("claim_id", "in", part).execute()));
    rows.claim_products.push(
      ...(await db.selectFrom("claim_products").selectAll().where("claim_id", "in", part).execute()),
    );
  }
  await ctx.db.close();
  await target.drop();
  const floorMs = await floor(engine, rows);
  return { dryMs, createMs, floorMs, rows: Object.values(rows).reduce((a, r) => a + r.length, 0) };
}

/** The same rows by plain prepared INSERTs in one transaction, into a freshly migrated database. */
async function floor(engine: Engine, rows: Rows): Promise<number> {
  const target = await createTestDb(engine);
  const ctx = await bootstrap({ databaseUrl: target.url, dataDir: target.dataDir, clock: systemClock });
  await ctx.db.close();
  const statements = TABLES.map((table) => {
    const cols = Object.keys(rows[table][0] ?? {});
    return { table, cols };
  });
  let ms: number;
  if (engine === "sqlite") {
    const sqlite = new Database(join(target.dataDir, "test.db"));
    sqlite.pragma("journal_mode = WAL");
    // The organisation and its users are not copied: the floor writes the claims' rows alone.
    sqlite.pragma("foreign_keys = OFF");
    const prepared = statements.map((s) => ({
      ...s,
      stmt: sqlite.prepare(
        `insert into ${s.table} (${s.cols.join(",")}) values (${s.cols.map(() => "?").join(",")})`,
      ),
    }));
    const t0 = performance.now();
    sqlite.exec("begin immediate");
    for (const p of prepared) for (const r of rows[p.table]) p.stmt.run(...p.cols.map((c) => r[c] ?? null));
    sqlite.exec("commit");
    ms = performance.now() - t0;
    sqlite.close();
  } else {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    // The organisation and its users are not copied: the floor writes the claims' rows alone.
    await client.query("set session_replication_role = replica");
    const t0 = performance.now();
    await client.query("begin");
    for (const s of statements) {
      const text = `insert into ${s.table} (${s.cols.join(",")}) values (${s.cols.map((_, i) => `$${i + 1}`).join(",")})`;
      for (const r of rows[s.table])
        await client.query({ name: `floor_${s.table}`, text, values: s.cols.map((c) => r[c] ?? null) });
    }
    await client.query("commit");
    ms = performance.now() - t0;
    await client.end();
  }
  await target.drop();
  return ms;
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  "bulk filing: dry run and creation through the use case, beside the bare insert of the same rows",
);
for (const engine of ENGINES) {
  for (const n of SIZES) {
    const r = await run(engine, n);
    console.log(
      `${engine.padEnd(8)} ${String(n).padStart(6)} rows: dry run ${fmt(r.dryMs)} (${Math.round(n / (r.dryMs / 1000))} rows/s), ` +
        `create ${fmt(r.createMs)} (${Math.round(n / (r.createMs / 1000))} claims/s); floor (${r.rows} rows, prepared inserts) ${fmt(r.floorMs)}; create/floor ${(r.createMs / r.floorMs).toFixed(1)}x`,
    );
  }
}
