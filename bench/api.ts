// `npm run bench`: the HTTP API under load on a database seeded with BENCH_CLAIMS claims (default
// 1,000,000) across BENCH_ORGS organisations (default 1,000), on SQLite and (with
// DATABASE_URL=postgres://...) PostgreSQL. In one run per engine it drives bare baseline routes (a
// GET that returns a constant, a POST that inserts one row) and GET one claim, GET the dashboard
// list filtered by status, POST a transition; it prints req/s, p50 and p99 and each route's ratio
// to its baseline. The server runs as its own process; autocannon drives it from this one.
import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";
import cliProgress from "cli-progress";
import { createOrganization, createUser, upsertCustomer } from "../src/server/admin/directory.ts";
import { createAccessToken } from "../src/server/auth/access-tokens.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { systemClock } from "../src/server/context.ts";
import type { Engine } from "../src/server/db/engine.ts";
import { seedClaims } from "../src/server/seed/bulk-seed.ts";
import { createTestDb } from "../test/support/engines.ts";

const TOTAL = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const ORGS = Number(process.env.BENCH_ORGS ?? 1_000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PATHS = ["editing", "submitted", "under_review", "partner_action_required", "approved", "rejected"];

interface Result {
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  baseline?: string;
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
  const perOrg = Math.ceil(TOTAL / ORGS);
  const tenantId = "00000000-0000-4000-8000-000000000001";
  await upsertCustomer(ctx, {
    tenantId,
    domain: "bench.example.com",
    name: "Bench customer",
    subscriptions: [],
  });
  const submitted: string[] = [];
  let firstOrg = "";
  for (let o = 0; o < ORGS; o++) {
    const partnerId = String(1_000_000 + o);
    const org = await createOrganization(ctx, { name: `Org ${o}`, partnerIds: [partnerId] });
    if (o === 0) firstOrg = org.id;
    const count = Math.min(perOrg, TOTAL - o * perOrg);
    if (count <= 0) break;
    const ids = await seedClaims(ctx, {
      count,
      organizationId: org.id,
      partnerId,
      numberPrefix: `B${o}`,
      // Created within the last hours: no deadline is due, so no sweep competes with the load.
      pick: (i) => ({
        path: PATHS[i % PATHS.length] ?? "editing",
        at: Date.now() - (i % 180) * 60_000,
        product: `p${o}-${i}`,
        tenantId,
      }),
      batchSize: 500,
    });
    ids.forEach((id, i) => {
      if (PATHS[i % PATHS.length] === "submitted") submitted.push(id);
    });
    bar.update(Math.min(TOTAL, (o + 1) * perOrg));
  }
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
  await ctx.db.close();
  return { reviewerToken, partnerToken, submitted, sampleIds: sample.map((s) => s.id) };
}

function startServer(url: string, dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/claimdesk.js", "serve"], {
    env: {
      ...process.env,
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

async function load(route: string, opts: autocannon.Options): Promise<Result> {
  const r = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts });
  return {
    route,
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.non2xx + r.timeouts,
  };
}

async function runEngine(engine: Engine, port: number): Promise<Result[]> {
  const db = await database(engine);
  process.stdout.write(
    `\n${engine}: seeding ${TOTAL.toLocaleString("en")} claims across ${ORGS} organisations\n`,
  );
  const s = await seed(db.url, db.dataDir);
  const server = await startServer(db.url, db.dataDir, port);
  const base = `http://127.0.0.1:${port}`;
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
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
    results.push(await load("GET /bench/hello (baseline)", { url: `${base}/bench/hello` }));
    results.push(await load("POST /bench/row (baseline)", { url: `${base}/bench/row`, method: "POST" }));
    let i = 0;
    results.push({
      ...(await load("GET /api/v1/claims/{id}", {
        url: base,
        headers: auth(s.partnerToken),
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              path: `/api/v1/claims/${s.sampleIds[i++ % s.sampleIds.length]}`,
            }),
          },
        ],
      })),
      baseline: "GET /bench/hello (baseline)",
    });
    results.push({
      ...(await load("GET /api/v1/claims?status=under_review (reviewer, 1M rows)", {
        url: `${base}/api/v1/claims?status=under_review&limit=50`,
        headers: auth(s.reviewerToken),
      })),
      baseline: "GET /bench/hello (baseline)",
    });
    results.push({
      ...(await load("GET /api/v1/claims?status=submitted (partner org)", {
        url: `${base}/api/v1/claims?status=submitted&limit=50`,
        headers: auth(s.partnerToken),
      })),
      baseline: "GET /bench/hello (baseline)",
    });
    let j = 0;
    results.push({
      ...(await load("POST .../actions/start-review", {
        url: base,
        method: "POST",
        headers: { ...auth(s.reviewerToken), "content-type": "application/json" },
        body: "{}",
        requests: [
          {
            setupRequest: (req) => ({
              ...req,
              path: `/api/v1/claims/${s.submitted[j++ % s.submitted.length]}/actions/start-review`,
            }),
          },
        ],
      })),
      baseline: "POST /bench/row (baseline)",
    });
    if (j > s.submitted.length)
      process.stdout.write(
        `  note: ${j} transitions on ${s.submitted.length} submitted claims; repeats answered 409\n`,
      );
    return results;
  } finally {
    server.kill("SIGTERM");
    await new Promise((r) => server.once("exit", r));
    await db.drop();
  }
}

const engines: Engine[] = process.env.DATABASE_URL?.startsWith("postgres")
  ? ["sqlite", "postgres"]
  : ["sqlite"];
const all: [Engine, Result[]][] = [];
for (const [k, e] of engines.entries()) all.push([e, await runEngine(e, 3900 + k)]);
process.stdout.write(
  `\n${TOTAL.toLocaleString("en")} claims, ${ORGS} organisations, ${CONNECTIONS} connections, ${DURATION} s per route (autocannon; whole-ms latencies)\n`,
);
for (const [engine, results] of all) {
  process.stdout.write(
    `\n${engine}\n\n| route | req/s | p50 ms | p99 ms | non-2xx/errors | ratio to baseline |\n|---|---|---|---|---|---|\n`,
  );
  for (const r of results) {
    const base = results.find((b) => b.route === r.baseline);
    const ratio = base ? (r.rps / base.rps).toFixed(2) : "-";
    process.stdout.write(
      `| ${r.route} | ${Math.round(r.rps).toLocaleString("en")} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |\n`,
    );
  }
}
process.stdout.write(
  "\nGoals: GET claim >= 0.5 x bare GET; list >= 0.3 x bare GET with p99 < 20 ms; transition >= 0.5 x bare INSERT.\n",
);
