// `npm run bench`: the HTTP API under load on a database seeded with BENCH_CLAIMS claims (default
// 1,000,000; `--claims=100000` or BENCH_CLAIMS=100000 for a run of a few minutes) across BENCH_ORGS
// organisations (default 1,000), on SQLite and (with DATABASE_URL=postgres://...) PostgreSQL.
// Every API route is measured beside its floor of the same run (issue 13): the constant GET and the
// one-row INSERT, one indexed row read (for GET one claim), the same 50-row SELECT serialised with
// JSON.stringify (for each list), and one bare transaction writing the rows a transition writes.
// Each line has req/s, p50/p99, the server's event-loop delay and RSS; then bytes per claim, table
// and indexes apart. The server runs as its own process; autocannon drives it from this one.
import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";
import cliProgress from "cli-progress";
import { sql } from "kysely";
import { createUser } from "../src/server/admin/directory.ts";
import { createAccessToken } from "../src/server/auth/access-tokens.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { systemClock } from "../src/server/context.ts";
import type { Db, Engine } from "../src/server/db/engine.ts";
import { createTestDb } from "../test/support/engines.ts";
import { compiledServerEnv } from "./compiled-server.ts";
import { seedOrganizations } from "./seed-organizations.ts";

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const TOTAL = Number(arg("claims") ?? process.env.BENCH_CLAIMS ?? 1_000_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 1_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** The lists' goal is stated at 10 connections (p99 < 20 ms). */
const LIST_CONNECTIONS = Number(process.env.BENCH_LIST_CONNECTIONS ?? 10);

interface Result {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  connections: number;
  /** The server's event-loop delay during the route, and its RSS after it. */
  loopP99Ms: number;
  loopMaxMs: number;
  rssMiB: number;
  floor?: string;
}

interface Storage {
  tableBytes: number;
  indexBytes: number;
  perIndex: { name: string; bytes: number }[];
}

/** A scratch database per engine, dropped afterwards (the same helper the tests use). */
const database = (engine: Engine) => createTestDb(engine);

async function seed(url: string, dataDir: string) {
  const ctx = await bootstrap({ databaseUrl: url, dataDir, clock: systemClock });
  const bar = new cliProgress.SingleBar(
    {
      format: "  seed [{bar}] {percentage}% {value}/{total} claims, {eta_formatted} left",
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(TOTAL, 0);
  const submitted: string[] = [];
  let firstOrg = "";
  await seedOrganizations(ctx, {
    total: TOTAL,
    orgs: ORGS,
    partnerBase: 1_000_000,
    name: "Org",
    prefix: "B",
    domain: "bench.example.com",
    onOrganization: (org, seeded) => {
      if (org.index === 0) firstOrg = org.id;
      for (const c of org.claims) if (c.path === "submitted") submitted.push(c.id);
      bar.update(seeded);
    },
  });
  bar.stop();
  const reviewer = await createUser(ctx, {
    email: "bench-reviewer@example.com",
    name: "Bench reviewer",
    password: "bench-password-1",
    role: "reviewer",
  });
  const partner = await createUser(ctx, {
    email: "bench-partner@example.com",
    name: "Bench partner",
    password: "bench-password-1",
    role: "global_admin",
    organizationId: firstOrg,
  });
  const reviewerToken = (await createAccessToken(ctx.db.kysely, reviewer.id, "bench", systemClock)).token;
  const partnerToken = (await createAccessToken(ctx.db.kysely, partner.id, "bench", systemClock)).token;
  const sample = await ctx.db.kysely
    .selectFrom("claims")
    .select("id")
    .where("organization_id", "=", firstOrg)
    .limit(500)
    .execute();
  const storage = await storageOf(ctx.db);
  await ctx.db.close();
  // Half the submitted claims for the API's transition, half for its floor: neither sees the other's.
  const half = Math.floor(submitted.length / 2);
  return {
    reviewerToken,
    partnerToken,
    firstOrg,
    submitted: submitted.slice(0, half),
    floorSubmitted: submitted.slice(half),
    sampleIds: sample.map((s) => s.id),
    storage,
  };
}

/** Bytes of the claims table and of each of its indexes (SQLite dbstat, PostgreSQL relation sizes). */
async function storageOf(db: Db): Promise<Storage> {
  if (db.engine === "sqlite") {
    await sql`pragma wal_checkpoint(truncate)`.execute(db.kysely);
    const indexes = await sql<{ name: string }>`select name from sqlite_master
      where type = 'index' and tbl_name = 'claims'`.execute(db.kysely);
    const sizes = await sql<{ name: string; bytes: number }>`select name, sum(pgsize) as bytes
      from dbstat group by name`.execute(db.kysely);
    const size = new Map(sizes.rows.map((r) => [r.name, Number(r.bytes)]));
    const perIndex = indexes.rows.map((r) => ({ name: r.name, bytes: size.get(r.name) ?? 0 }));
    return {
      tableBytes: size.get("claims") ?? 0,
      indexBytes: perIndex.reduce((n, i) => n + i.bytes, 0),
      perIndex,
    };
  }
  // Every table, not only claims: unanalysed, claim_products made the competing-claims query of
  // each reviewer transition a hash join over the whole table (ARCHITECTURE.md, stop 24).
  await sql`vacuum analyze`.execute(db.kysely);
  const t = await sql<{ t: number; i: number }>`select pg_table_size('claims') as t,
    pg_indexes_size('claims') as i`.execute(db.kysely);
  const per = await sql<{ name: string; bytes: number }>`select indexrelname as name,
    pg_relation_size(indexrelid) as bytes from pg_stat_user_indexes where relname = 'claims'`.execute(
    db.kysely,
  );
  return {
    tableBytes: Number(t.rows[0]?.t ?? 0),
    indexBytes: Number(t.rows[0]?.i ?? 0),
    perIndex: per.rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) })),
  };
}

function startServer(url: string, dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/claimdesk.js", "serve"], {
    env: {
      ...process.env,
      ...compiledServerEnv(),
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      CLAIMDESK_BENCH_ROUTES: "1",
      SWEEP_INTERVAL_SECONDS: "3600",
      // One token drives thousands of transitions a second here: the throttle would measure itself.
      RATE_LIMIT_ACTIONS: "0/0",
      BASE_URL: "",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes("is running at")) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stats(base: string) {
  const r = await fetch(`${base}/bench/stats`);
  return (await r.json()) as { loopP99Ms: number; loopMaxMs: number; rssMiB: number };
}

async function load(
  base: string,
  route: string,
  opts: autocannon.Options,
  extra: { floor?: string; connections?: number } = {},
): Promise<Result> {
  const connections = extra.connections ?? CONNECTIONS;
  await stats(base); // resets the server's event-loop histogram
  const r = await autocannon({ connections, duration: DURATION, ...opts });
  const s = await stats(base);
  return {
    route,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts,
    connections,
    ...s,
    floor: extra.floor,
  };
}

async function runEngine(engine: Engine, port: number): Promise<[Result[], Storage]> {
  const db = await database(engine);
  process.stdout.write(
    `\n${engine}: seeding ${TOTAL.toLocaleString("en")} claims across ${ORGS} organisations\n`,
  );
  const s = await seed(db.url, db.dataDir);
  const server = await startServer(db.url, db.dataDir, port);
  const base = `http://127.0.0.1:${port}`;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const rotating = (paths: () => string) => [{ setupRequest: (req: object) => ({ ...req, path: paths() }) }];
  try {
    const results: Result[] = [];
    // Warm-up, discarded: the first seconds of a fresh process measure its JIT, not the route.
    await autocannon({ url: `${base}/bench/hello`, connections: 10, duration: 3 });
    await autocannon({
      url: `${base}/api/v1/claims?limit=5`,
      headers: auth(s.partnerToken),
      connections: 10,
      duration: 2,
    });
    const HELLO = "GET /bench/hello (floor: constant)";
    const ROW = "POST /bench/row (floor: one-row INSERT)";
    results.push(await load(base, HELLO, { url: `${base}/bench/hello` }));
    results.push(await load(base, ROW, { url: `${base}/bench/row`, method: "POST" }));
    const FLOOR_GET = "GET /bench/floor/claim/{id} (floor: one indexed row)";
    let f = 0;
    results.push(
      await load(base, FLOOR_GET, {
        url: base,
        requests: rotating(() => `/bench/floor/claim/${s.sampleIds[f++ % s.sampleIds.length]}`),
      }),
    );
    let i = 0;
    results.push(
      await load(
        base,
        "GET /api/v1/claims/{id} (partner)",
        {
          url: base,
          headers: auth(s.partnerToken),
          requests: rotating(() => `/api/v1/claims/${s.sampleIds[i++ % s.sampleIds.length]}`),
        },
        { floor: FLOOR_GET },
      ),
    );
    // Lists: partner (one organisation) and reviewer (all), default view and a status filter.
    const lists: [string, string, string, string][] = [
      ["partner, default", s.partnerToken, "", `org=${s.firstOrg}`],
      ["partner, status=submitted", s.partnerToken, "status=submitted", `org=${s.firstOrg}&status=submitted`],
      ["reviewer, default", s.reviewerToken, "", ""],
      ["reviewer, status=under_review", s.reviewerToken, "status=under_review", "status=under_review"],
    ];
    for (const [label, token, query, floorQuery] of lists) {
      const floor = `GET /bench/floor/list (${label}) (floor: same 50-row SELECT)`;
      results.push(
        await load(
          base,
          floor,
          { url: `${base}/bench/floor/list?${floorQuery}` },
          { connections: LIST_CONNECTIONS },
        ),
      );
      results.push(
        await load(
          base,
          `GET /api/v1/claims?${query}&limit=50 (${label})`,
          { url: `${base}/api/v1/claims?${query}&limit=50`, headers: auth(token) },
          { floor, connections: LIST_CONNECTIONS },
        ),
      );
    }
    results.push(
      await load(
        base,
        "GET /api/v1/review/queue?limit=50 (reviewer)",
        { url: `${base}/api/v1/review/queue?limit=50`, headers: auth(s.reviewerToken) },
        { connections: LIST_CONNECTIONS },
      ),
    );
    const FLOOR_TX = "POST /bench/floor/transition/{id} (floor: same rows in one transaction)";
    let k = 0;
    results.push(
      await load(base, FLOOR_TX, {
        url: base,
        method: "POST",
        requests: rotating(
          () => `/bench/floor/transition/${s.floorSubmitted[k++ % s.floorSubmitted.length]}`,
        ),
      }),
    );
    let j = 0;
    results.push(
      await load(
        base,
        "POST .../actions/start-review",
        {
          url: base,
          method: "POST",
          headers: { ...auth(s.reviewerToken), "content-type": "application/json" },
          body: "{}",
          requests: rotating(
            () => `/api/v1/claims/${s.submitted[j++ % s.submitted.length]}/actions/start-review`,
          ),
        },
        { floor: FLOOR_TX },
      ),
    );
    if (j > s.submitted.length)
      process.stdout.write(
        `  note: ${j} transitions on ${s.submitted.length} submitted claims; repeats answered 409\n`,
      );
    return [results, s.storage];
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await db.drop();
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString("en");
const engines: Engine[] = process.env.DATABASE_URL?.startsWith("postgres")
  ? ["sqlite", "postgres"]
  : ["sqlite"];
const all: [Engine, Result[], Storage][] = [];
for (const [k, e] of engines.entries()) all.push([e, ...(await runEngine(e, 3900 + k))]);
process.stdout.write(
  `\n${TOTAL.toLocaleString("en")} claims, ${ORGS} organisations, ${CONNECTIONS} connections (lists ${LIST_CONNECTIONS}), ${DURATION} s per route (autocannon; whole-ms latencies)\n`,
);
for (const [engine, results, storage] of all) {
  process.stdout.write(
    `\n${engine}\n\n| route | conns | req/s | p50 ms | p99 ms | errors | loop p99 / max ms | RSS MiB | ratio to floor | ratio to constant GET |\n|---|---|---|---|---|---|---|---|---|---|\n`,
  );
  const hello = results[0];
  for (const r of results) {
    const floor = results.find((b) => b.route === r.floor);
    const ratio = floor ? (r.rps / floor.rps).toFixed(2) : "-";
    const toHello = hello && r !== hello ? (r.rps / hello.rps).toFixed(2) : "-";
    process.stdout.write(
      `| ${r.route} | ${r.connections} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.loopP99Ms.toFixed(1)} / ${r.loopMaxMs.toFixed(1)} | ${r.rssMiB.toFixed(0)} | ${ratio} | ${toHello} |\n`,
    );
  }
  const per = (b: number) => (b / TOTAL).toFixed(0);
  process.stdout.write(
    `\nstorage (${engine}): claims table ${per(storage.tableBytes)} B/claim, its indexes ${per(storage.indexBytes)} B/claim\n`,
  );
  for (const ix of storage.perIndex) process.stdout.write(`  ${ix.name}: ${per(ix.bytes)} B/claim\n`);
}
process.stdout.write(
  "\nGoals: GET claim >= 0.5 x constant GET; lists >= 0.5 x their floor with p99 < 20 ms at 10 connections; transition >= 0.5 x its floor.\n",
);
