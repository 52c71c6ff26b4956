// `npm run bench:start`: start to ready, and CPU at idle (issue 13.6). Seeds START_CLAIMS claims
// (default 1,000,000, as `npm run bench`) once, then START_RUNS times spawns `bin/claimdesk.js
// serve` and times it from the spawn to the first 200 from /readyz; after the last start it
// leaves the server idle for IDLE_SECONDS (default 60) and reads its CPU time from
// /proc/<pid>/stat (utime + stime). START_ROOT runs another checkout's bin/claimdesk.js on the same
// database (to compare with an older commit). SQLite; START_ENGINE=postgres with DATABASE_URL.
// START_DIR=<dir> (SQLite) keeps the seeded database there and reuses it on the next run, so a
// start can be profiled again without seeding a million claims anew.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createOrganization, upsertCustomer } from "../src/server/admin/directory.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { systemClock } from "../src/server/context.ts";
import type { Engine } from "../src/server/db/engine.ts";
import { seedClaims } from "../src/server/seed/bulk-seed.ts";
import { createTestDb } from "../test/support/engines.ts";
import { compiledServerEnv } from "./compiled-server.ts";

const CLAIMS = Number(process.env.START_CLAIMS ?? 1_000_000);
const RUNS = Number(process.env.START_RUNS ?? 3);
const IDLE_SECONDS = Number(process.env.IDLE_SECONDS ?? 60);
const ROOTS = (process.env.START_ROOT ?? process.cwd()).split(",");
const ENGINE: Engine = process.env.START_ENGINE === "postgres" ? "postgres" : "sqlite";
const TICKS = 100; // USER_HZ on Linux

async function seed(url: string, dataDir: string): Promise<void> {
  const ctx = await bootstrap({ databaseUrl: url, dataDir, clock: systemClock });
  const tenantId = "00000000-0000-4000-8000-000000000001";
  await upsertCustomer(ctx, { tenantId, domain: "start.example.com", name: "Start", subscriptions: [] });
  const orgs = Math.max(1, Math.round(CLAIMS / 1000));
  for (let o = 0; o < orgs; o++) {
    const partnerId = String(3_000_000 + o);
    const org = await createOrganization(ctx, { name: `Start org ${o}`, partnerIds: [partnerId] });
    await seedClaims(ctx, {
      count: Math.ceil(CLAIMS / orgs),
      organizationId: org.id,
      partnerId,
      numberPrefix: `T${o}`,
      pick: (i) => ({
        path: "submitted",
        at: Date.now() - (i % 180) * 60_000,
        product: `p${o}-${i}`,
        tenantId,
      }),
      batchSize: 500,
    });
  }
  await ctx.db.close();
}

function cpuSeconds(pid: number): number {
  // Fields 14 and 15 (utime, stime) after the command name in parentheses.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

async function startOnce(root: string, url: string, dataDir: string, port: number) {
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, [join(root, "bin/claimdesk.js"), "serve"], {
    cwd: root,
    env: {
      ...process.env,
      ...compiledServerEnv(),
      DATABASE_URL: url,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`)
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, ms: performance.now() - t0 };
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill("SIGTERM");
  if (child.exitCode === null) await new Promise((r) => child.once("exit", r));
}

async function database() {
  const dir = process.env.START_DIR;
  if (!dir || ENGINE !== "sqlite") return createTestDb(ENGINE);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `start-${CLAIMS}.db`);
  const seeded = existsSync(join(dir, `start-${CLAIMS}.seeded`));
  if (!seeded && existsSync(file)) throw new Error(`${file} is a seed that did not finish: remove ${dir}`);
  return { url: `sqlite:${file}`, dataDir: dir, seeded, drop: async () => {} };
}

const db = await database();
if (!("seeded" in db && db.seeded)) {
  process.stdout.write(`seeding ${CLAIMS.toLocaleString("en")} claims (${ENGINE})\n`);
  await seed(db.url, db.dataDir);
  if ("seeded" in db) writeFileSync(join(db.dataDir, `start-${CLAIMS}.seeded`), new Date().toISOString());
}
try {
  for (const root of ROOTS) {
    const times: number[] = [];
    let last: ChildProcess | null = null;
    for (let i = 0; i < RUNS; i++) {
      const { child, ms } = await startOnce(root, db.url, db.dataDir, 3960);
      times.push(ms);
      if (i < RUNS - 1) await stop(child);
      else last = child;
    }
    process.stdout.write(
      `\n${root}\n  start to ready: ${times.map((t) => `${(t / 1000).toFixed(2)} s`).join(", ")}\n`,
    );
    if (last?.pid && IDLE_SECONDS > 0) {
      // Let the start's own work (JIT, first sweep) settle before measuring the idle.
      await new Promise((r) => setTimeout(r, 5000));
      const before = cpuSeconds(last.pid);
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      const used = cpuSeconds(last.pid) - before;
      process.stdout.write(
        `  idle CPU over ${IDLE_SECONDS} s: ${used.toFixed(2)} s = ${((used / IDLE_SECONDS) * 100).toFixed(2)} % of a core\n`,
      );
    }
    if (last) await stop(last);
  }
} finally {
  await db.drop();
}
