// The deadline sweeper: fires every due timer exactly once, safe with several processes.
// The claim row's lock is the one mutex: every writer of a claim (and of its deadline index rows)
// holds it. PostgreSQL: the sweeper takes claims with due timers FOR UPDATE SKIP LOCKED, so
// sweepers split the work and a claim locked by a request is left to that request (which fires its
// own due deadlines first). SQLite: BEGIN IMMEDIATE serialises writers. Either way the guarded
// write is the last word.
import { prepareClaim } from "../claims/claim-loader.ts";
import { type ClaimWrite, writeClaims } from "../claims/claim-writer.ts";
import type { AppContext } from "../context.ts";
import { rowLimit } from "../db/row-limit.ts";
import { transact } from "../db/transact.ts";

export interface SweepResult {
  /** Timers fired (transitions, SLA flags and reminders). */
  fired: number;
  claims: number;
  batches: number;
}

export async function sweepBatch(
  ctx: AppContext,
  batchSize: number,
): Promise<{ fired: number; claims: number; seen: number }> {
  return transact(ctx.db, async (trx) => {
    const now = ctx.clock.now();
    // Candidates from a wider pool than the batch, so concurrent sweepers find disjoint claims.
    const candidates = trx
      .selectFrom("deadlines")
      .select("claim_id")
      .where("due_at", "<=", now)
      .orderBy("due_at")
      .limit(rowLimit(batchSize * 4));
    // The claims and their calendars in the same statement that locks them.
    let q = trx
      .selectFrom("claims")
      .innerJoin("organizations", "organizations.id", "claims.organization_id")
      .selectAll("claims")
      .select("organizations.calendar_id")
      .where("claims.id", "in", candidates)
      .limit(rowLimit(batchSize));
    // OF claims: without it PostgreSQL would lock the organisation and the deadline rows too.
    if (ctx.db.engine === "postgres") q = q.forUpdate("claims").skipLocked();
    const rows = await q.execute();
    let fired = 0;
    const writes: ClaimWrite[] = [];
    const stale: string[] = [];
    for (const row of rows) {
      const loaded = await prepareClaim(ctx, trx, row);
      if (loaded.timersFired === 0) {
        // Nothing due any more (another sweeper got here first), so any due index row left is stale.
        stale.push(row.id);
        continue;
      }
      writes.push({
        row: loaded.row,
        before: loaded.stored,
        after: loaded.state,
        entries: loaded.fired,
        now: loaded.now,
        engine: ctx.db.engine,
      });
      fired += loaded.timersFired;
    }
    if (stale.length) {
      await trx.deleteFrom("deadlines").where("claim_id", "in", stale).where("due_at", "<=", now).execute();
    }
    await writeClaims(trx, ctx.db.engine, writes);
    return { fired, claims: writes.length, seen: rows.length };
  });
}

/** Sweeps until nothing is due (or nothing more can be taken now). */
export async function sweep(ctx: AppContext, options: { batchSize?: number } = {}): Promise<SweepResult> {
  const batchSize = options.batchSize ?? 500;
  const total: SweepResult = { fired: 0, claims: 0, batches: 0 };
  for (;;) {
    const r = await sweepBatch(ctx, batchSize);
    total.batches += 1;
    total.fired += r.fired;
    total.claims += r.claims;
    // Fewer rows than asked: nothing else is due. No progress: the rest is locked by others.
    if (r.seen < batchSize || r.claims === 0) return total;
    // Between batches, let the event loop serve what waits: on SQLite every statement is
    // synchronous and the driver's lock hands over in microtasks, so a long sweep would otherwise
    // hold the loop from its first batch to its last (issue 13 item 4: bounded slices).
    await new Promise((resolve) => setImmediate(resolve));
  }
}
