// `npm run bench:soak`: mixed traffic at a steady rate, below saturation, for SOAK_SECONDS (default
// 300), against a server on 127.0.0.1 (its own process, compiled JavaScript when dist/ is fresh)
// on a database seeded with SOAK_CLAIMS claims. It looks for stalls (issue 13.4): every 5 s it
// scrapes /metrics for the slowest request on the server and the event-loop delay of that window,
// and at the end prints the worst of each beside the client's view. Goal: no request slower than
// 250 ms on the server. SOAK_ENGINE=postgres (with DATABASE_URL=postgres://...) runs on PostgreSQL.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import autocannon from "autocannon";
import { sql } from "kysely";
import { createUser } from "../src/server/admin/directory.ts";
import { createAccessToken } from "../src/server/auth/access-tokens.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { systemClock } from "../src/server/context.ts";
import type { Engine } from "../src/server/db/engine.ts";
import { createTestDb } from "../test/support/engines.ts";
import { compiledServerEnv } from "./compiled-server.ts";
import { seedOrganizations } from "./seed-organizations.ts";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const CLAIMS = Number(process.env.SOAK_CLAIMS ?? 100_000);
const ORGS = Number(process.env.SOAK_ORGS ?? 100);
/** Requests per second, all kinds together: a steady load, not a saturating one. */
const RATE = Number(process.env.SOAK_RATE ?? 300);
const ENGINE: Engine = process.env.SOAK_ENGINE === "postgres" ? "postgres" : "sqlite";
const GOAL_MS = 250;

async function seed(url: string, dataDir: string) {
  const ctx = await bootstrap({ databaseUrl: url, dataDir, clock: systemClock });
  const submitted: string[] = [];
  const ids: string[] = [];
  const reviewable: string[] = [];
  let firstOrg = "";
  await seedOrganizations(ctx, {
    total: CLAIMS,
    orgs: ORGS,
    partnerBase: 2_000_000,
    name: "Soak org",
    prefix: "S",
    domain: "soak.example.com",
    onOrganization: (org, seeded) => {
      if (org.index === 0) {
        firstOrg = org.id;
        const first = org.claims.slice(0, 2000);
        ids.push(...first.map((c) => c.id));
        reviewable.push(...first.filter((c) => c.path !== "editing").map((c) => c.id));
      }
      for (const c of org.claims) if (c.path === "submitted") submitted.push(c.id);
      if (org.index % 10 === 9) process.stdout.write(`  seeded ${seeded} claims\n`);
    },
  });
  const reviewer = await createUser(ctx, {
    email: "soak-reviewer@example.com",
    name: "Soak reviewer",
    password: "soak-password-1",
    role: "reviewer",
  });
  const partner = await createUser(ctx, {
    email: "soak-partner@example.com",
    name: "Soak partner",
    password: "soak-password-1",
    role: "global_admin",
    organizationId: firstOrg,
  });
  const reviewerToken = (await createAccessToken(ctx.db.kysely, reviewer.id, "soak", systemClock)).token;
  const partnerToken = (await createAccessToken(ctx.db.kysely, partner.id, "soak", systemClock)).token;
  // What a DBA does after a bulk load (bench:workers does the same): without it, autovacuum's first
  // passes over the freshly written tables ran during the soak's first minutes and their requests
  // took 0.3-2.5 s. A database that grows at a claim's pace never has that burst.
  if (ctx.db.engine === "postgres") await sql`vacuum analyze`.execute(ctx.db.kysely);
  await ctx.db.close();
  return { reviewerToken, partnerToken, submitted, ids, reviewable };
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
      // One reviewer token writes tens of comments and transitions a second here: with the per-user
      // limits on, most answers would be cheap 429s and the soak would measure the throttle.
      RATE_LIMIT_COMMENTS: "0/0",
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

function gauge(text: string, name: string): number {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, "m").exec(text);
  return m?.[1] ? Number(m[1]) : Number.NaN;
}

interface Window {
  at: number;
  slowestMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
  walBytes: number;
}

const db = await createTestDb(ENGINE);
process.stdout.write(
  `soak on ${ENGINE}: seeding ${CLAIMS.toLocaleString("en")} claims in ${ORGS} organisations\n`,
);
const s = await seed(db.url, db.dataDir);
const port = 3950;
const server = await startServer(db.url, db.dataDir, port);
const base = `http://127.0.0.1:${port}`;
const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const wal = `${db.url.slice("sqlite:".length)}-wal`;
const windows: Window[] = [];
const scrape = setInterval(async () => {
  try {
    const text = await (await fetch(`${base}/metrics`)).text();
    windows.push({
      at: windows.length * 5,
      slowestMs: gauge(text, "claimdesk_http_request_max_seconds") * 1000,
      loopP99Ms: gauge(text, "nodejs_eventloop_lag_p99_seconds") * 1000,
      loopMaxMs: gauge(text, "nodejs_eventloop_lag_max_seconds") * 1000,
      walBytes: ENGINE === "sqlite" && existsSync(wal) ? statSync(wal).size : 0,
    });
  } catch {
    // A missed scrape is a gap, not a failure.
  }
}, 5000);

process.stdout.write(
  `driving ${RATE} req/s for ${SECONDS} s (GET claim 50%, list 20%, comment 20%, transition 10%)\n`,
);
let g = 0;
let c = 0;
let t = 0;
const run = (o: Omit<autocannon.Options, "url"> & { url?: string }) =>
  autocannon({ duration: SECONDS, connections: 4, ...o, url: o.url ?? base });
const share = (p: number) => Math.max(1, Math.round(RATE * p));
const [reads, lists, comments, transitions] = await Promise.all([
  run({
    overallRate: share(0.5),
    headers: auth(s.partnerToken),
    requests: [{ setupRequest: (r) => ({ ...r, path: `/api/v1/claims/${s.ids[g++ % s.ids.length]}` }) }],
  }),
  run({
    overallRate: share(0.2),
    url: `${base}/api/v1/claims?status=under_review&limit=50`,
    headers: auth(s.reviewerToken),
  }),
  run({
    overallRate: share(0.2),
    method: "POST",
    headers: { ...auth(s.reviewerToken), "content-type": "application/json" },
    body: JSON.stringify({ body: "soak comment" }),
    requests: [
      {
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/claims/${s.reviewable[c++ % s.reviewable.length]}/comments`,
        }),
      },
    ],
  }),
  run({
    overallRate: share(0.1),
    method: "POST",
    headers: { ...auth(s.reviewerToken), "content-type": "application/json" },
    body: "{}",
    requests: [
      {
        setupRequest: (r) => ({
          ...r,
          path: `/api/v1/claims/${s.submitted[t++ % s.submitted.length]}/actions/start-review`,
        }),
      },
    ],
  }),
]);
clearInterval(scrape);
server.kill("SIGTERM");
await new Promise((r) => server.once("exit", r));
await db.drop();

const worst = (k: keyof Window) => Math.max(0, ...windows.map((w) => w[k]).filter(Number.isFinite));
const row = (name: string, r: autocannon.Result) =>
  `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${r.non2xx + r.errors + r.timeouts} |\n`;
process.stdout.write(
  `\n${ENGINE}, ${CLAIMS.toLocaleString("en")} claims, ${SECONDS} s at ${RATE} req/s\n\n` +
    "| traffic | req/s | p50 ms | p99 ms | max ms (client) | non-2xx/errors |\n|---|---|---|---|---|---|\n" +
    row("GET one claim", reads) +
    row("list, reviewer, 50 rows", lists) +
    row("comment", comments) +
    row("start-review (409 once used up)", transitions),
);
const slowest = worst("slowestMs");
process.stdout.write(
  `\nslowest request on the server: ${slowest.toFixed(1)} ms (goal < ${GOAL_MS} ms: ${slowest < GOAL_MS ? "met" : "NOT met"})\n` +
    `event-loop delay: p99 of the worst 5-s window ${worst("loopP99Ms").toFixed(1)} ms, max ${worst("loopMaxMs").toFixed(1)} ms\n` +
    (ENGINE === "sqlite"
      ? `WAL file (high-water mark): ${(worst("walBytes") / 1048576).toFixed(1)} MiB\n`
      : "") +
    `windows over ${GOAL_MS} ms: ${
      windows
        .filter((w) => w.slowestMs >= GOAL_MS)
        .map((w) => `${w.at}s (${w.slowestMs.toFixed(0)} ms)`)
        .join(", ") || "none"
    }\n`,
);
