// `npm run bench:core`: transitions per second and deadlines fired per second on SQLite and on
// PostgreSQL, each beside floors measured in the same run on the same database: a bare single-row
// INSERT, and the transition floor (one bare transaction writing the rows a transition writes, with
// prepared statements and nothing else), on a database seeded with BENCH_CLAIMS claims (default
// 1,000,000). PostgreSQL runs when DATABASE_URL=postgres://... is set (a fresh database is created).
import { randomUUID } from "node:crypto";
import cliProgress from "cli-progress";
import { days } from "../src/domain/calendar.ts";
import { pendingTimers, timerKey } from "../src/domain/timers.ts";
import { createOrganization, upsertCustomer } from "../src/server/admin/directory.ts";
import { bootstrap } from "../src/server/bootstrap.ts";
import { derivedColumns } from "../src/server/claims/derived-columns.ts";
import { actOnClaim } from "../src/server/claims/use-cases/act-on-claim.ts";
import { type AppContext, ManualClock } from "../src/server/context.ts";
import type { Engine } from "../src/server/db/engine.ts";
import { sweep } from "../src/server/jobs/sweeper.ts";
import type { Principal } from "../src/server/principal.ts";
import { seedClaims, stateAfter } from "../src/server/seed/bulk-seed.ts";
import { createTestDb } from "../test/support/engines.ts";
import { sweepFloor, sweepRows } from "./sweep-floor.ts";
import { bareConnection, type FloorClaim } from "./transition-floor.ts";

const TOTAL = Number(process.env.BENCH_CLAIMS ?? 1_000_000);
const TRANSITIONS = Number(process.env.BENCH_TRANSITIONS ?? 5_000);
const DUE = Number(process.env.BENCH_DUE ?? 50_000);
const SWEEP_BATCH = Number(process.env.BENCH_SWEEP_BATCH ?? 500);
const START = Date.parse("2026-03-02T09:00:00.000Z");
const PATHS = ["editing", "submitted", "under_review", "approved", "rejected", "withdrawn"];

interface Row {
  engine: Engine;
  insertPerSec: number;
  floorPerSec: number;
  transitionsPerSec: number;
  /** Milliseconds per transition, median and 99th percentile. */
  p50: number;
  p99: number;
  /** The event loop's delay (p99 and max, ms) during the transitions and during the sweep. */
  loopTransitions: string;
  loopSweep: string;
  sweepFloorPerSec: number;
  deadlinesPerSec: number;
  claimsRejectedPerSec: number;
}

/** A scratch database per engine, dropped afterwards (the same helper the tests use). */
const database = (engine: Engine) => createTestDb(engine);

function bar(label: string, total: number): cliProgress.SingleBar {
  const b = new cliProgress.SingleBar(
    {
      format: `  ${label.padEnd(34)} [{bar}] {percentage}% {value}/{total} {eta_formatted} left`,
      hideCursor: true,
      // Also when the output is a file or a pipe: a line every 5 s.
      noTTYOutput: true,
      notTTYSchedule: 5000,
    },
    cliProgress.Presets.shades_classic,
  );
  b.start(total, 0);
  return b;
}

async function timed(work: () => Promise<number>): Promise<number> {
  const t0 = performance.now();
  const n = await work();
  return n / ((performance.now() - t0) / 1000);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Runs work with the event loop's delay watched; answers its result and "p99 / max" in ms. A timer
 * every 10 ms notes how late it runs, and the gap after its last run counts too, so a phase that
 * never yields shows as one long delay (perf_hooks' histogram would record nothing at all then).
 */
async function watched<T>(work: () => Promise<T>): Promise<[T, string]> {
  const delays: number[] = [];
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    delays.push(Math.max(0, now - last - 10));
    last = now;
  }, 10);
  const r = await work();
  clearInterval(tick);
  delays.push(Math.max(0, performance.now() - last - 10));
  delays.sort((a, b) => a - b);
  const ms = (n: number) => n.toFixed(0);
  return [r, `${ms(percentile(delays, 0.99))} / ${ms(delays.at(-1) ?? 0)}`];
}

async function runEngine(engine: Engine): Promise<Row> {
  const target = await database(engine);
  const clock = new ManualClock(START);
  const ctx: AppContext = await bootstrap({ databaseUrl: target.url, dataDir: target.dataDir, clock });
  try {
    process.stdout.write(`\n${engine}: seeding ${TOTAL.toLocaleString("en")} claims\n`);
    const org = await createOrganization(ctx, { name: "Bench", partnerIds: ["7654321"] });
    const tenantId = randomUUID();
    await upsertCustomer(ctx, {
      tenantId,
      domain: "bench.example.com",
      name: "Bench customer",
      subscriptions: [],
    });
    const background = Math.max(0, TOTAL - 2 * TRANSITIONS - 2 * DUE);
    const b = bar("seed", TOTAL);
    const seed = (count: number, path: (i: number) => string, prefix: string, done: number) =>
      seedClaims(ctx, {
        count,
        organizationId: org.id,
        partnerId: "7654321",
        numberPrefix: prefix,
        // Distinct products per claim keep association keys unique without a registry per claim.
        pick: (i) => ({ path: path(i), at: START - days(i % 60), product: `${prefix}${i}`, tenantId }),
        batchSize: 500,
        onProgress: (n) => b.update(done + n),
      });
    await seed(background, (i) => PATHS[i % PATHS.length] ?? "editing", "BG", 0);
    const submitted = await seed(TRANSITIONS, () => "submitted", "TR", background);
    // Claims like those, for the floor to write exactly what a start-review writes.
    const floorIds = await seed(TRANSITIONS, () => "submitted", "FL", background + TRANSITIONS);
    await seed(DUE, () => "partner_action_required", "DU", background + 2 * TRANSITIONS);
    // Claims like those, for the sweeper's floor.
    const sweepFloorIds = await seed(
      DUE,
      () => "partner_action_required",
      "SF",
      background + 2 * TRANSITIONS + DUE,
    );
    b.stop();

    // Baseline: one single-row INSERT per transaction through the same driver and connection.
    const payload = "x".repeat(200);
    const insertPerSec = await timed(async () => {
      for (let i = 0; i < TRANSITIONS; i++) {
        await ctx.db.kysely.transaction().execute((trx) =>
          trx
            .insertInto("settings")
            .values({ key: `bench-${i}`, value: payload })
            .execute(),
        );
      }
      return TRANSITIONS;
    });

    const reviewer: Principal = {
      kind: "user",
      id: "bench",
      name: "Bench reviewer",
      role: "reviewer",
      organizationId: null,
      locale: "en",
    };
    // The floor: the same rows as a start-review (claim update, history row, outbox row, deadline
    // changes), everything known in advance, through the driver's prepared statements alone.
    const calendar = await ctx.calendars.get(ctx.db.kysely, null);
    const reviewed = stateAfter("under_review", START + 1000, calendar, ctx.policy);
    const claimRows = await ctx.db.kysely
      .selectFrom("claims")
      .select(["id", "revision", "history_seq"])
      .where("id", "in", floorIds.slice(0, 1))
      .execute();
    const template = claimRows[0];
    const old = await ctx.db.kysely
      .selectFrom("deadlines")
      .select("timer")
      .where("claim_id", "=", floorIds[0] ?? "")
      .execute();
    const floorClaims: FloorClaim[] = floorIds.map((id) => ({
      id,
      revision: template?.revision ?? 1,
      seq: (template?.history_seq ?? 0) + 1,
    }));
    const bare = await bareConnection(engine, target.url);
    let floorPerSec: number;
    try {
      floorPerSec = await timed(async () => {
        await bare.run(floorClaims, {
          at: START + 1000,
          state: derivedColumns(reviewed).state,
          status: reviewed.status,
          slaDueAt: derivedColumns(reviewed).sla_due_at,
          oldTimers: old.map((o) => o.timer),
          newTimers: pendingTimers(reviewed).map((t) => ({
            timer: timerKey(t),
            kind: t.kind,
            warn: t.warn ? 1 : 0,
            due_at: t.at,
          })),
        });
        return floorClaims.length;
      });
    } finally {
      await bare.close();
    }

    clock.set(START + 1000);
    const each: number[] = [];
    const [transitionsPerSec, loopTransitions] = await watched(() =>
      timed(async () => {
        for (const id of submitted) {
          const t0 = performance.now();
          await actOnClaim(ctx, reviewer, id, { type: "start-review" });
          each.push(performance.now() - t0);
        }
        return submitted.length;
      }),
    );
    each.sort((a, b) => a - b);

    clock.set(START + days(30));
    // The sweeper's floor first, on its own claims: afterwards nothing of theirs is due.
    const floorRows = await sweepRows(ctx, sweepFloorIds);
    const sweepFloorPerSec = await sweepFloor(engine, target.url, floorRows, SWEEP_BATCH);
    let fired = 0;
    let claims = 0;
    const [deadlinesPerSec, loopSweep] = await watched(() =>
      timed(async () => {
        const r = await sweep(ctx, { batchSize: SWEEP_BATCH });
        fired = r.fired;
        claims = r.claims;
        return r.fired;
      }),
    );
    const claimsRejectedPerSec = (deadlinesPerSec / Math.max(1, fired)) * claims;
    process.stdout.write(`  swept ${fired} timers on ${claims} claims\n`);
    return {
      engine,
      insertPerSec,
      floorPerSec,
      transitionsPerSec,
      p50: percentile(each, 0.5),
      p99: percentile(each, 0.99),
      loopTransitions,
      loopSweep,
      sweepFloorPerSec,
      deadlinesPerSec,
      claimsRejectedPerSec,
    };
  } finally {
    await ctx.db.close();
    await target.drop();
  }
}

const engines: Engine[] = process.env.DATABASE_URL?.startsWith("postgres")
  ? ["sqlite", "postgres"]
  : ["sqlite"];
const rows: Row[] = [];
for (const e of engines) rows.push(await runEngine(e));
const f = (n: number) => Math.round(n).toLocaleString("en");
process.stdout.write(
  `\nclaims seeded per engine: ${TOTAL.toLocaleString("en")}; one client, one transaction per action\n\n`,
);
process.stdout.write(
  "| engine | bare INSERT/s | transition floor/s | transitions/s | ratio to floor (goal >= 0.5) | p50 / p99 ms | loop delay p99 / max ms |\n",
);
process.stdout.write("|---|---|---|---|---|---|---|\n");
for (const r of rows) {
  process.stdout.write(
    `| ${r.engine} | ${f(r.insertPerSec)} | ${f(r.floorPerSec)} | ${f(r.transitionsPerSec)} | ${(r.transitionsPerSec / r.floorPerSec).toFixed(2)} | ${r.p50.toFixed(2)} / ${r.p99.toFixed(2)} | ${r.loopTransitions} |\n`,
  );
}
process.stdout.write(
  `\n| engine | sweeper floor timers/s | timers fired/s (goal >= 20,000) | ratio to floor | claims swept/s | loop delay p99 / max ms |\n`,
);
process.stdout.write("|---|---|---|---|---|---|\n");
for (const r of rows) {
  process.stdout.write(
    `| ${r.engine} | ${f(r.sweepFloorPerSec)} | ${f(r.deadlinesPerSec)} | ${(r.deadlinesPerSec / r.sweepFloorPerSec).toFixed(2)} | ${f(r.claimsRejectedPerSec)} | ${r.loopSweep} |\n`,
  );
}
const [lite, pg] = [rows.find((r) => r.engine === "sqlite"), rows.find((r) => r.engine === "postgres")];
if (lite && pg)
  process.stdout.write(
    `\nPostgreSQL transitions/s over SQLite's: ${(pg.transitionsPerSec / lite.transitionsPerSec).toFixed(2)} (goal >= 0.5)\n`,
  );
if (!engines.includes("postgres"))
  process.stdout.write("\nPostgreSQL not measured: set DATABASE_URL=postgres://...\n");
