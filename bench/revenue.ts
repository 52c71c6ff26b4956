// `npm run bench:revenue`: a revenue import of BENCH_REVENUE_ROWS rows (default 1,000,000) through
// the real importer on SQLite (and PostgreSQL when DATABASE_URL=postgres://...), beside two bare
// baselines measured in the same run: parsing the same file with csv-parse alone, and inserting the
// same rows with one prepared statement in one transaction (better-sqlite3, no checks).
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import cliProgress from "cli-progress";
import { parse } from "csv-parse";
import { bootstrap } from "../src/server/bootstrap.ts";
import { ManualClock } from "../src/server/context.ts";
import type { Engine } from "../src/server/db/engine.ts";
import { importRevenue } from "../src/server/incentives/revenue-import.ts";
import { createTestDb } from "../test/support/engines.ts";

const ROWS = Number(process.env.BENCH_REVENUE_ROWS ?? 1_000_000);
const PRODUCTS = ["teams", "exchange_online", "sharepoint_online", "d365_sales", "power_bi_pro"];

async function writeFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write("tenantId,subscriptionId,product,month,amount,currency\n");
  const tenants = Array.from({ length: 20_000 }, () => randomUUID());
  for (let i = 0; i < ROWS; i++) {
    const line = `${tenants[i % tenants.length]},${randomUUID()},${PRODUCTS[i % PRODUCTS.length]},2030-0${1 + (i % 3)},${(i % 100_000) / 100},${i % 7 === 0 ? "EUR" : "USD"}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(r));
}

async function parseOnly(path: string): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  for await (const _ of createReadStream(path).pipe(parse({ columns: true, info: true, bom: true }))) n++;
  if (n !== ROWS) throw new Error(`parsed ${n} rows, expected ${ROWS}`);
  return performance.now() - t0;
}

async function bareInsert(path: string, dir: string): Promise<number> {
  const db = new Database(join(dir, "bare.db"));
  db.pragma("journal_mode = WAL");
  db.exec(
    "create table revenue (month text, tenant_id text, subscription_id text, product text, currency text, amount_minor integer, import_id text, line integer)",
  );
  const insert = db.prepare("insert into revenue values (?, ?, ?, ?, ?, ?, ?, ?)");
  const t0 = performance.now();
  db.exec("begin");
  let line = 1;
  for await (const r of createReadStream(path).pipe(parse({ columns: true, bom: true })) as AsyncIterable<
    Record<string, string>
  >) {
    line++;
    insert.run(
      r.month,
      r.tenantId,
      r.subscriptionId,
      r.product,
      r.currency,
      Math.round(Number(r.amount) * 100),
      "x",
      line,
    );
  }
  db.exec("commit");
  const ms = performance.now() - t0;
  db.close();
  return ms;
}

async function realImport(engine: Engine, path: string): Promise<{ ms: number; rows: number }> {
  const target = await createTestDb(engine);
  const ctx = await bootstrap({
    databaseUrl: target.url,
    dataDir: target.dataDir,
    clock: new ManualClock(Date.now()),
  });
  const bar = new cliProgress.SingleBar(
    {
      format: `  import on ${engine.padEnd(8)} [{bar}] {value}/{total} rows`,
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(ROWS, 0);
  try {
    const r = await importRevenue(ctx, createReadStream(path), {
      dryRun: false,
      filename: "bench.csv",
      userId: "bench",
      onProgress: (n) => bar.update(n),
    });
    bar.stop();
    if (!r.imported || r.errorCount)
      throw new Error(`import failed: ${JSON.stringify(r.errors.slice(0, 3))}`);
    return { ms: r.durationMs, rows: r.rows };
  } finally {
    await ctx.db.close();
    await target.drop();
  }
}

const dir = mkdtempSync(join(tmpdir(), "claimdesk-revenue-bench-"));
try {
  const file = join(dir, "revenue.csv");
  process.stdout.write(`writing ${ROWS.toLocaleString("en")} rows ...\n`);
  await writeFile(file);
  const parseMs = await parseOnly(file);
  const bareMs = await bareInsert(file, dir);
  const engines: Engine[] = process.env.DATABASE_URL?.startsWith("postgres")
    ? ["sqlite", "postgres"]
    : ["sqlite"];
  const results: [string, number][] = [];
  for (const engine of engines) results.push([engine, (await realImport(engine, file)).ms]);
  const rate = (ms: number) => Math.round(ROWS / (ms / 1000)).toLocaleString("en");
  process.stdout.write(`\n| step | seconds | rows/s | ratio to bare insert |\n|---|---|---|---|\n`);
  process.stdout.write(
    `| csv-parse alone (baseline) | ${(parseMs / 1000).toFixed(1)} | ${rate(parseMs)} | - |\n`,
  );
  process.stdout.write(
    `| bare prepared INSERT, one transaction (baseline) | ${(bareMs / 1000).toFixed(1)} | ${rate(bareMs)} | 1.00 |\n`,
  );
  for (const [engine, ms] of results)
    process.stdout.write(
      `| importRevenue on ${engine} (checks, staging, duplicates, replace) | ${(ms / 1000).toFixed(1)} | ${rate(ms)} | ${(bareMs / ms).toFixed(2)} |\n`,
    );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
