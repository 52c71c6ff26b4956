// Crash consistency: a child process driving a stream of transitions (test/support/crash-worker.ts)
// is killed with SIGKILL, CRASH_RUNS times (default 50). After every kill, with the test's own
// context on the same database: the hash chains verify, the deadline index equals the timers the
// state has pending, the outbox holds one message per notifying history entry, the stored status
// equals the state's and the one its history replays to, and history_seq counts the entries (and,
// beyond those five: document and comment rows match their entries and documentCount, every stored
// document's bytes hash to its sha256, the claim-number counter is not behind a number issued).
// Finally sweeps of everything the workers left due must find nothing half done.
//
// While a worker runs the test does not touch the database (SQLite: no lock held against it). On
// PostgreSQL the server may still be finishing the dead worker's last statement or COMMIT when the
// child is gone, so the audit waits until its sessions (application_name below) have left.
// CRASH_SEED reproduces a sequence of kill points (counted in the worker's reported transitions,
// never in milliseconds) and worker choices.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { days } from "../../src/domain/calendar.ts";
import type { ClaimState } from "../../src/domain/claim-state.ts";
import { type DomainEventType, isOutboxEvent } from "../../src/domain/events.ts";
import { pendingTimers, timerKey } from "../../src/domain/timers.ts";
import type { Status } from "../../src/domain/vocabulary.ts";
import type { AppContext } from "../../src/server/context.ts";
import { verifyHistory } from "../../src/server/history/verify-history.ts";
import { sweep } from "../../src/server/jobs/sweeper.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { rng } from "../support/helpers.ts";
import { makeWorld, type World } from "../support/world.ts";

const RUNS = Number(process.env.CRASH_RUNS ?? 50);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WORKER = "test/support/crash-worker.ts";
const WORKER_APP = "claimdesk-crash-worker";
const BOOT_TIMEOUT_MS = 180_000;
// The worker runs as `node --import tsx test/support/crash-worker.ts`, with a few packages loaded
// first: Node 20 runs tsx's loader hooks for every module, which makes kysely's hundreds of ESM
// files slow to load (boot to "ready" about 1.5 s instead of 0.9 s). Loaded before tsx registers,
// they skip the hooks; the worker's own imports then find them already in the module map.
const PRELOAD = ["kysely", "date-holidays", "pg"].flatMap((m) => ["--import", m]);

interface Run {
  bootMs: number;
  /** Transitions ("ok" lines) the worker reported before it died. */
  transitions: number;
  /** The last line announced an action or sweep that had not reported back: killed mid-work. */
  midWork: boolean;
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/**
 * When to kill: on the worker's `oks`-th "ok" line after "ready" (so the kill always lands while
 * transitions flow, however busy the machine), or, with `onNextStart`, on the next "> " line after
 * it (so it lands as an action or sweep begins). Events, not delays: a slow machine only slows the
 * run, it cannot make a kill land before the stream started.
 */
interface KillAt {
  oks: number;
  onNextStart: boolean;
}

/** Spawns the worker, kills it at `at`, resolves once it is gone. */
function runWorker(env: NodeJS.ProcessEnv, at: KillAt): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...PRELOAD, "--import", "tsx", WORKER], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let bootMs = -1;
    let transitions = 0;
    let last = "";
    let pending = "";
    let stderr = "";
    let killed = false;
    // Not a condition of the test: a guard against a worker that hangs before it is ready.
    const bootTimer = setTimeout(() => child.kill("SIGKILL"), BOOT_TIMEOUT_MS);
    const kill = () => {
      if (killed) return;
      killed = true;
      child.kill("SIGKILL");
    };
    const onLine = (line: string) => {
      if (killed) return;
      last = line;
      if (line === "ready" && bootMs < 0) {
        bootMs = performance.now() - started;
        clearTimeout(bootTimer);
      } else if (line.startsWith("ok ")) {
        transitions += 1;
        if (transitions >= at.oks && !at.onNextStart) kill();
      } else if (line.startsWith("> ") && at.onNextStart && transitions >= at.oks) kill();
    };
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      pending += chunk;
      for (let i = pending.indexOf("\n"); i >= 0; i = pending.indexOf("\n")) {
        onLine(pending.slice(0, i));
        pending = pending.slice(i + 1);
      }
    });
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    // `close`, not `exit`: every line the worker wrote before it died has been read.
    child.on("close", (code, signal) => {
      clearTimeout(bootTimer);
      resolve({ bootMs, transitions, midWork: last.startsWith("> "), signal, code, stderr });
    });
  });
}

/** PostgreSQL: wait until the server has dropped the dead worker's sessions; how many were in a transaction. */
async function awaitWorkerGone(ctx: AppContext): Promise<number> {
  if (ctx.db.engine !== "postgres") return 0;
  let inTransaction = -1;
  const deadline = performance.now() + 120_000;
  for (;;) {
    const { rows } = await sql<{ n: number; tx: number }>`
      select count(*)::int as n, count(xact_start)::int as tx from pg_stat_activity
      where datname = current_database() and application_name = ${WORKER_APP}`.execute(ctx.db.kysely);
    const r = rows[0] ?? { n: 0, tx: 0 };
    if (inTransaction < 0) inTransaction = r.tx;
    if (r.n === 0) return inTransaction;
    if (performance.now() > deadline) throw new Error(`${r.n} sessions of the killed worker linger`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/** The status each event leaves the claim in; events not listed leave it as it was. */
const STATUS_AFTER: Partial<Record<DomainEventType, Status>> = {
  created: "editing",
  submitted: "submitted",
  review_started: "under_review",
  information_requested: "partner_action_required",
  resubmitted: "under_review",
  approved: "approved",
  rejected: "rejected",
};

interface Audit {
  problems: string[];
  claims: number;
  entries: number;
  outbox: number;
  deadlines: number;
  /** The latest instant anything was written at: the next clock starts after it. */
  latest: number;
}

function groupBy<T extends { claim_id: string | null }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const key = r.claim_id ?? "(none)";
    const list = out.get(key) ?? [];
    list.push(r);
    out.set(key, list);
  }
  return out;
}

const sorted = (xs: string[]) => [...xs].sort();
const same = (a: string[], b: string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

/** Reads everything (no transaction, so nothing is locked) and lists every disagreement. */
async function audit(ctx: AppContext): Promise<Audit> {
  const db = ctx.db.kysely;
  const problems: string[] = [];
  const verified = await verifyHistory(ctx.db);
  for (const b of verified.breaks) problems.push(`history of ${b.claimNumber} at ${b.seq}: ${b.problem}`);

  const claims = await db
    .selectFrom("claims")
    .select(["id", "number", "status", "state", "history_seq", "updated_at"])
    .execute();
  const history = await db
    .selectFrom("history")
    .select(["claim_id", "seq", "at", "event", "data"])
    .orderBy("claim_id")
    .orderBy("seq")
    .execute();
  const outbox = await db.selectFrom("outbox").select(["claim_id", "topic", "created_at"]).execute();
  const deadlines = await db.selectFrom("deadlines").select(["claim_id", "timer", "due_at"]).execute();
  const documents = await db.selectFrom("documents").select(["claim_id", "storage_key", "sha256"]).execute();
  const comments = await db.selectFrom("comments").select(["claim_id"]).execute();
  const historyOf = groupBy(history);
  const outboxOf = groupBy(outbox);
  const deadlinesOf = groupBy(deadlines);
  const documentsOf = groupBy(documents);
  const commentsOf = groupBy(comments);

  if (verified.claims !== claims.length) problems.push(`verifyHistory saw ${verified.claims} claims`);
  // The dashboard's counters (migrations 0006, 0022) equal the rows they count, kill or no kill:
  // each organisation's and status's slots add up to its claims.
  const counted = await db
    .selectFrom("claims")
    .select(["organization_id", "status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["organization_id", "status"])
    .execute();
  const kept = await db
    .selectFrom("claim_counts")
    .select(["organization_id", "status", (eb) => eb.fn.sum<number>("n").as("n")])
    .groupBy(["organization_id", "status"])
    .having((eb) => eb.fn.sum("n"), "!=", 0)
    .execute();
  const asText = (rows: { organization_id: string; status: string; n: number }[]) =>
    rows.map((r) => `${r.organization_id}/${r.status}=${Number(r.n)}`).sort();
  if (!same(asText(counted), asText(kept)))
    problems.push(`claim_counts ${asText(kept)} but claims ${asText(counted)}`);
  const known = new Set(claims.map((c) => c.id));
  for (const o of outbox) {
    if (o.claim_id === null || !known.has(o.claim_id))
      problems.push(`outbox row for no claim: ${o.claim_id}`);
  }
  let latest = 0;
  for (const c of claims) {
    const where = `claim ${c.number}`;
    const state = JSON.parse(c.state) as ClaimState;
    const entries = historyOf.get(c.id) ?? [];
    latest = Math.max(latest, c.updated_at, ...entries.map((e) => e.at));

    // 2. The deadline index is exactly the state's pending timers.
    const expected = pendingTimers(state).map((t) => `${timerKey(t)}@${t.at}`);
    const indexed = (deadlinesOf.get(c.id) ?? []).map((d) => `${d.timer}@${d.due_at}`);
    if (!same(expected, indexed)) {
      problems.push(`${where}: deadlines index ${sorted(indexed)} but pending timers ${sorted(expected)}`);
    }
    // 3. One outbox message per outbox-worthy history entry (compared as multisets of topics).
    const notifying = entries.map((e) => e.event).filter((e) => isOutboxEvent(e as DomainEventType));
    const topics = (outboxOf.get(c.id) ?? []).map((o) => o.topic);
    if (!same(notifying, topics)) {
      problems.push(`${where}: outbox ${sorted(topics)} but notifying history ${sorted(notifying)}`);
    }
    // 4. Status column = state's status = what the history replays to.
    let replayed: string | null = null;
    for (const e of entries) {
      if (e.event === "dispute_overturned") replayed = (JSON.parse(e.data) as { to: Status }).to;
      else replayed = STATUS_AFTER[e.event as DomainEventType] ?? replayed;
    }
    if (c.status !== state.status || c.status !== replayed) {
      problems.push(
        `${where}: status column ${c.status}, state ${state.status}, history replays to ${replayed}`,
      );
    }
    // 5. history_seq counts the entries.
    if (c.history_seq !== entries.length) {
      problems.push(`${where}: history_seq ${c.history_seq} but ${entries.length} history rows`);
    }
    // Beyond the five: documents and comments rows came with their entries, time never ran back.
    const added = entries.filter((e) => e.event === "document_added").length;
    const docs = documentsOf.get(c.id)?.length ?? 0;
    if (added !== docs || docs !== state.documentCount) {
      problems.push(
        `${where}: ${docs} documents, ${added} document_added, documentCount ${state.documentCount}`,
      );
    }
    const said = entries.filter((e) => e.event === "comment_added").length;
    if (said !== (commentsOf.get(c.id)?.length ?? 0)) {
      problems.push(`${where}: ${commentsOf.get(c.id)?.length ?? 0} comments but ${said} comment_added`);
    }
    for (let i = 1; i < entries.length; i++) {
      const [a, b] = [entries[i - 1], entries[i]];
      if (a && b && b.at < a.at) problems.push(`${where}: entry ${b.seq} is earlier than entry ${a.seq}`);
    }
  }
  for (const o of outbox) latest = Math.max(latest, o.created_at);
  // The bytes of every recorded document were stored, whole, before the row that names them.
  const blobs = new Map(documents.map((d) => [d.storage_key, d.sha256]));
  for (const [key, sha256] of blobs) {
    try {
      const hash = createHash("sha256");
      for await (const chunk of await ctx.blobs.get(key)) hash.update(chunk as Buffer);
      const got = hash.digest("hex");
      if (got !== sha256) problems.push(`document blob ${key} holds bytes of sha256 ${got}`);
    } catch (err) {
      problems.push(`document blob ${key} is unreadable: ${String(err)}`);
    }
  }
  // The claim-number counter never falls behind a number it issued (it commits with the claim).
  const counters = await db.selectFrom("counters").select(["name", "value"]).execute();
  const issued = new Map<string, number>();
  for (const c of claims) {
    const [, year, n] = /^CA-(\d{4})-(\d+)$/.exec(c.number) ?? [];
    if (year && n) issued.set(year, Math.max(issued.get(year) ?? 0, Number(n)));
  }
  for (const [year, max] of issued) {
    const counter = Number(counters.find((c) => c.name === `claim:${year}`)?.value ?? 0);
    if (counter < max) problems.push(`counter claim:${year} is ${counter} but ${max} was issued`);
  }
  return {
    problems,
    claims: claims.length,
    entries: verified.entries,
    outbox: outbox.length,
    deadlines: deadlines.length,
    latest,
  };
}

function workerUrl(app: TestApp): string {
  if (app.db.engine !== "postgres") return app.db.url;
  const u = new URL(app.db.url);
  u.searchParams.set("application_name", WORKER_APP);
  return u.toString();
}

describe.each(ENGINES)("SIGKILL in the middle of a stream of transitions on %s", (engine) => {
  let app: TestApp;
  let w: World;
  beforeAll(async () => {
    app = await openTestApp(engine);
    w = await makeWorld(app.ctx);
  });
  afterAll(async () => {
    await app?.close();
  });

  it(
    `state, history and outbox agree after each of ${RUNS} kills, and after a final sweep`,
    async () => {
      const { ctx, clock } = app;
      const random = rng(SEED);
      const runs: Run[] = [];
      let sessionsInTransaction = 0;
      let auditMs = 0;
      const began = performance.now();
      for (let run = 1; run <= RUNS; run++) {
        const at: KillAt = { oks: 1 + Math.floor(random() * 30), onNextStart: random() < 0.5 };
        const r = await runWorker(
          {
            ...process.env,
            DATABASE_URL: workerUrl(app),
            DATA_DIR: app.db.dataDir,
            CRASH_ORG_ID: w.a.id,
            CRASH_PARTNER_ID: w.a.partnerId,
            CRASH_START: String(clock.now()),
            CRASH_SEED: String(Math.floor(random() * 2 ** 31)),
          },
          at,
        );
        if (r.signal !== "SIGKILL" || r.bootMs < 0) {
          throw new Error(
            `run ${run} (seed ${SEED}): the worker ended by itself (code ${r.code}, signal ${r.signal}` +
              `${r.bootMs < 0 ? ", never ready" : ""}):\n${r.stderr}`,
          );
        }
        runs.push(r);
        sessionsInTransaction += await awaitWorkerGone(ctx);
        const t = performance.now();
        const a = await audit(ctx);
        auditMs += performance.now() - t;
        expect(a.problems, `after kill ${run} (seed ${SEED})`).toEqual([]);
        // The next worker's clock starts after everything written so far.
        clock.set(Math.max(clock.now(), a.latest) + 60_000);
      }
      const streaming = runs.filter((r) => r.transitions > 0).length;
      const midWork = runs.filter((r) => r.midWork).length;
      const bootMs = runs.map((r) => r.bootMs).sort((a, b) => a - b);
      const killsMs = performance.now() - began;

      // Each kill landed while transitions were flowing (by construction: it waits for them).
      expect(streaming, `runs that reported transitions before the kill (seed ${SEED})`).toBe(RUNS);
      const before = await audit(ctx);
      expect(before.entries).toBeGreaterThan(0);
      expect(before.claims).toBeGreaterThan(0);

      // A later sweep trips on nothing a dead worker left: first at the time the workers stopped,
      // then jumping to each remaining due time until no timer is left.
      const sweeps: number[] = [];
      sweeps.push((await sweep(ctx)).fired);
      let after = await audit(ctx);
      expect(after.problems, "after the first sweep").toEqual([]);
      for (let i = 0; i < 10 && after.deadlines > 0; i++) {
        const next = await ctx.db.kysely
          .selectFrom("deadlines")
          .select((eb) => eb.fn.max("due_at").as("due"))
          .executeTakeFirstOrThrow();
        clock.set(Math.max(clock.now(), Number(next.due)) + 1);
        sweeps.push((await sweep(ctx)).fired);
        after = await audit(ctx);
        expect(after.problems, `after sweep ${i + 2}`).toEqual([]);
      }
      expect(after.deadlines, "timers left after sweeping to the end of time").toBe(0);
      if (before.deadlines > 0) expect(after.entries).toBeGreaterThan(before.entries);
      // One more sweep a month later: nothing left to fire.
      clock.advance(days(30));
      expect((await sweep(ctx)).fired).toBe(0);

      const pct = (p: number) =>
        Math.round(bootMs[Math.min(bootMs.length - 1, Math.floor(p * bootMs.length))] ?? 0);
      const transitions = runs.reduce((n, r) => n + r.transitions, 0);
      // Not a database inconsistency: uploads cut off while streaming leave their temporary file.
      const tmp = join(app.db.dataDir, "documents", "tmp");
      const leftovers = existsSync(tmp) ? readdirSync(tmp).length : 0;
      const lingering =
        engine === "postgres" ? `; ${sessionsInTransaction} dead sessions still seen in a transaction` : "";
      console.log(
        [
          `[crash ${engine}] seed ${SEED}: ${RUNS} kills in ${(killsMs / 1000).toFixed(1)} s` +
            ` (audits ${(auditMs / 1000).toFixed(1)} s of it)`,
          `worker spawn to "ready": median ${pct(0.5)} ms, p90 ${pct(0.9)} ms, max ${pct(1)} ms`,
          `${transitions} transitions reported (${(transitions / RUNS).toFixed(1)} a run);` +
            ` ${streaming}/${RUNS} runs streaming at the kill, ${midWork}/${RUNS} killed mid-action${lingering}`,
          `before the final sweeps: ${before.claims} claims, ${before.entries} entries,` +
            ` ${before.outbox} outbox rows, ${before.deadlines} timers indexed`,
          `final sweeps fired ${sweeps.join(" + ")} timers; after: ${after.entries} entries, all consistent`,
          `temporary upload files left behind by killed workers: ${leftovers}`,
        ].join("\n  "),
      );
    },
    RUNS * 30_000 + 120_000,
  );
});
