// `npm run bench:workers` (DATABASE_URL=postgres://...): throughput of `claimdesk serve --workers N`
// for N = 1 and 2 (WORKERS_COUNTS="1,2,4" for more) on one PostgreSQL database seeded with
// WORKERS_CLAIMS claims; autocannon drives GET one claim and a transition (start-review, each
// claim once) for WORKERS_SECONDS each and prints req/s, p50 and p99 per N beside N = 1.
import { type ChildProcess, spawn } from "node:child_process";
import autocannon from "autocannon";
import { sql } from "kysely";
import { createOrganization, createUser, upsertCustomer } from "../src/server/admin/directory.ts";
import { createAccessToken } from "../src/server/auth/access-tokens.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { systemClock } from "../src/server/context.ts";
import { seedClaims } from "../src/server/seed/bulk-seed.ts";
import { createTestDb } from "../test/support/engines.ts";
import { compiledServerEnv } from "./compiled-server.ts";

const CLAIMS = Number(process.env.WORKERS_CLAIMS ?? 50_000);
const SECONDS = Number(process.env.WORKERS_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.WORKERS_CONNECTIONS ?? 20);
const COUNTS = (process.env.WORKERS_COUNTS ?? "1,2").split(",").map(Number);

if (!process.env.DATABASE_URL?.startsWith("postgres")) {
  process.stderr.write("bench:workers runs on PostgreSQL: set DATABASE_URL=postgres://...\n");
  process.exit(2);
}

const db = await createTestDb("postgres");
process.stdout.write(`seeding ${CLAIMS.toLocaleString("en")} claims on PostgreSQL\n`);
const ctx = await bootstrap({ databaseUrl: db.url, dataDir: db.dataDir, clock: systemClock });
const tenantId = "00000000-0000-4000-8000-000000000001";
await upsertCustomer(ctx, { tenantId, domain: "workers.example.com", name: "Workers", subscriptions: [] });
const org = await createOrganization(ctx, { name: "Workers org", partnerIds: ["4000000"] });
const ids = await seedClaims(ctx, {
  count: CLAIMS,
  organizationId: org.id,
  partnerId: "4000000",
  numberPrefix: "W",
  pick: (i) => ({ path: "submitted", at: Date.now() - (i % 180) * 60_000, product: `p-${i}`, tenantId }),
  batchSize: 500,
});
const reviewer = await createUser(ctx, {
  email: "workers-reviewer@example.com",
  name: "Workers reviewer",
  password: "workers-password-1",
  role: "reviewer",
});
const token = (await createAccessToken(ctx.db.kysely, reviewer.id, "bench", systemClock)).token;
// Statistics now: autovacuum analyses a fresh table within a minute or so, and until it has, the
// first server measured (1 worker) ran on plans for empty tables (GET 31 req/s, then 633 with 2).
await sql`vacuum analyze`.execute(ctx.db.kysely);
await ctx.db.close();

function serve(workers: number, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["bin/claimdesk.js", "serve", "--workers", String(workers)], {
    env: {
      ...process.env,
      ...compiledServerEnv(),
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
      BASE_URL: "",
      SWEEP_INTERVAL_SECONDS: "3600",
      // One token drives hundreds of transitions a second: the throttle would answer 429.
      RATE_LIMIT_ACTIONS: "0/0",
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const banner = workers > 1 ? "workers running at" : "is running at";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (d: Buffer) => {
      if (d.toString().includes(banner)) resolve(child);
    });
    child.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
}

interface Row {
  workers: number;
  route: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

const rows: Row[] = [];
let next = 0; // each transition takes a claim nobody has started yet
const auth = { authorization: `Bearer ${token}` };
for (const [k, n] of COUNTS.entries()) {
  const port = 3970 + k;
  const base = `http://127.0.0.1:${port}`;
  const child = await serve(n, port);
  try {
    let g = 0;
    const getClaim = () => ({ path: `/api/v1/claims/${ids[g++ % ids.length]}` });
    await autocannon({
      url: base,
      connections: 10,
      duration: 3,
      headers: auth,
      requests: [{ setupRequest: (r) => ({ ...r, ...getClaim() }) }],
    });
    const get = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      headers: auth,
      requests: [{ setupRequest: (r) => ({ ...r, ...getClaim() }) }],
    });
    rows.push({
      workers: n,
      route: "GET one claim",
      rps: get.requests.average,
      p50: get.latency.p50,
      p99: get.latency.p99,
      errors: get.non2xx + get.errors,
    });
    const act = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: "{}",
      requests: [
        {
          setupRequest: (r) => ({
            ...r,
            path: `/api/v1/claims/${ids[next++ % ids.length]}/actions/start-review`,
          }),
        },
      ],
    });
    rows.push({
      workers: n,
      route: "start-review",
      rps: act.requests.average,
      p50: act.latency.p50,
      p99: act.latency.p99,
      errors: act.non2xx + act.errors,
    });
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}
await db.drop();

process.stdout.write(
  `\nPostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s per route\n\n| workers | route | req/s | p50 ms | p99 ms | non-2xx/errors | vs 1 worker |\n|---|---|---|---|---|---|---|\n`,
);
for (const r of rows) {
  const one = rows.find((o) => o.workers === COUNTS[0] && o.route === r.route);
  process.stdout.write(
    `| ${r.workers} | ${r.route} | ${Math.round(r.rps)} | ${r.p50} | ${r.p99} | ${r.errors} | ${one ? (r.rps / one.rps).toFixed(2) : "-"} |\n`,
  );
}
if (next > ids.length)
  process.stdout.write(`note: ${next} transitions on ${ids.length} claims; repeats answered 409\n`);
