// The one place a claim is written: guarded state update, hash-chained history, outbox messages
// and the deadline index, all inside the caller's transaction.

import type { Kysely } from "kysely";
import type { ClaimState } from "../../domain/claim-state.ts";
import { type DomainEvent, isOutboxEvent } from "../../domain/events.ts";
import { visibleChange } from "../../domain/sla.ts";
import { pendingTimers, type Timer, timerKey } from "../../domain/timers.ts";
import { ConcurrentWriteError } from "../db/concurrent-write-error.ts";
import type { Engine } from "../db/engine.ts";
import { deleteWhereIn, insertRows } from "../db/fixed-statements.ts";
import type { ClaimsTable, DB, HistoryTable } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { syncIncentives, syncIncentivesMany } from "../incentives/assessment.ts";
import type { ActorRef } from "../principal.ts";
import { updateClaimRows } from "./claim-batch-update.ts";
import { CountDeltas } from "./claim-counts.ts";
import { CONSENT_REQUESTS, DEADLINES, HISTORY, OUTBOX } from "./claim-write-columns.ts";
import { deleteInPart, insertPart, type Part, runClaimWrite, updatePart } from "./claim-write-statements.ts";
import { derivedColumns } from "./derived-columns.ts";
import { entryHash } from "./history-chain.ts";

export interface Entry {
  event: DomainEvent;
  actor: ActorRef;
}

export interface ClaimWrite {
  row: ClaimsTable;
  before: ClaimState;
  after: ClaimState;
  entries: Entry[];
  now: number;
  /** Field columns that change too (edit); forces a version bump. */
  fields?: Partial<ClaimsTable>;
  /** The engine that writes the texts (on PostgreSQL the write goes as one statement). */
  engine: Engine;
}

export function historyRows(row: ClaimsTable, entries: Entry[]): HistoryTable[] {
  let seq = row.history_seq;
  let prev = row.history_hash;
  return entries.map(({ event, actor }) => {
    seq += 1;
    const base = {
      claim_id: row.id,
      seq,
      at: event.at,
      actor_kind: actor.kind,
      actor_id: actor.id,
      actor_name: actor.name,
      event: event.type,
      data: JSON.stringify(event.data),
      prev_hash: prev,
    };
    const hash = entryHash(base);
    prev = hash;
    return { ...base, hash };
  });
}

/** What the notifier and webhooks read: the event, and the claim as the event left it. */
export interface OutboxPayload {
  claimId: string;
  number: string;
  organizationId: string;
  at: number;
  actor: ActorRef;
  data: DomainEvent["data"];
  status: ClaimState["status"];
  deadlines: { kind: string; dueAt: number }[];
  consentEndsAt: number | null;
}

export function outboxRows(row: ClaimsTable, entries: Entry[], now: number, after: ClaimState) {
  return entries
    .filter((e) => isOutboxEvent(e.event.type))
    .map(({ event, actor }) => ({
      id: newId(),
      claim_id: row.id,
      topic: event.type,
      payload: JSON.stringify({
        claimId: row.id,
        number: row.number,
        organizationId: row.organization_id,
        at: event.at,
        actor,
        data: event.data,
        status: after.status,
        deadlines: after.deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt })),
        consentEndsAt: after.consent?.endsAt ?? null,
      } satisfies OutboxPayload),
      created_at: now,
      available_at: now,
      attempts: 0,
      sent_at: null,
      last_error: null,
    }));
}

const sameTimer = (a: Timer, b: Timer) => timerKey(a) === timerKey(b) && a.at === b.at;

/** The row as the write leaves it. */
function nextRow(w: ClaimWrite, history: HistoryTable[]): ClaimsTable {
  const { row, after, now } = w;
  const bump = w.fields !== undefined || visibleChange(w.before, after);
  const last = history.at(-1);
  return {
    ...row,
    ...w.fields,
    ...derivedColumns(after),
    version: row.version + (bump ? 1 : 0),
    revision: row.revision + 1,
    history_seq: last?.seq ?? row.history_seq,
    history_hash: last?.hash ?? row.history_hash,
    updated_at: bump ? now : row.updated_at,
  };
}

// Columns that an index of `claims` holds: written only when their value changes, since an
// unchanged column left out of SET costs no index work (SQLite touches only the indexes of the
// columns it sets).
const INDEXED = ["status", "partner_action", "operator_action", "sla_due_at", "updated_at"] as const;

// The field columns an edit writes (claim-row.ts inputColumns): also only the ones that differ.
const FIELDS = [
  "partner_id",
  "tenant_id",
  "subscription_id",
  "customer_domain",
  "customer_name",
  "activity",
  "products",
  "customer_contact",
  "partner_contact",
] as const satisfies readonly (keyof ClaimsTable)[];

/** What the UPDATE sets: the state and revision always, every other column only when it changed. */
export function changedColumns(row: ClaimsTable, next: ClaimsTable) {
  const set: Partial<ClaimsTable> = { state: next.state, revision: next.revision };
  for (const c of [...FIELDS, ...INDEXED]) if (next[c] !== row[c]) Object.assign(set, { [c]: next[c] });
  if (next.version !== row.version) set.version = next.version;
  if (next.history_seq !== row.history_seq) {
    set.history_seq = next.history_seq;
    set.history_hash = next.history_hash;
  }
  return set;
}

/**
 * One claim's write: the guarded UPDATE, then the counters, history, outbox and deadline-index rows,
 * each one multi-row statement (or none when nothing changed), in fixed texts made once per shape
 * (claim-write-statements.ts). On PostgreSQL all of them go as one statement of data-modifying
 * CTEs: one round trip instead of six. They touch different tables, so that they see the same
 * snapshot changes nothing; the caller holds the claim's lock, and a lost guard rolls the whole
 * transaction back.
 */
export async function writeClaim(db: Kysely<DB>, w: ClaimWrite): Promise<ClaimsTable> {
  const history = historyRows(w.row, w.entries);
  const next = nextRow(w, history);
  const outbox = outboxRows(w.row, w.entries, w.now, w.after);
  const counts = new CountDeltas(w.engine);
  counts.move(w.row.id, w.row.organization_id, w.row.status, next.status);
  const countRows = counts.take();
  const rest = [
    countRows.length ? insertPart("claim_counts", COUNT_COLUMNS, countRows, COUNT_CONFLICT) : undefined,
    history.length ? insertPart("history", HISTORY_COLUMNS, history) : undefined,
    outbox.length ? insertPart("outbox", OUTBOX_COLUMNS, outbox) : undefined,
    ...deadlineChanges(w.row.id, pendingTimers(w.before), pendingTimers(w.after)),
  ].filter((q) => q !== undefined);
  const update = updatePart(w.row.id, w.row.revision, changedColumns(w.row, next));
  const updated = await runClaimWrite(db, w.engine, update, rest);
  if (updated !== 1) throw new ConcurrentWriteError(`claim ${w.row.id}`);
  await syncConsent(db, w);
  await syncIncentives(db, next, w.before, w.after, w.now);
  return next;
}

const COUNT_COLUMNS = ["organization_id", "status", "slot", "n"] as const;
// The counters' locks are taken in the rows' order (CountDeltas.take sorts them by key).
const COUNT_CONFLICT =
  'on conflict ("organization_id", "status", "slot") do update set "n" = "claim_counts"."n" + "excluded"."n"';
const HISTORY_COLUMNS = HISTORY.map((c) => c.name);
const OUTBOX_COLUMNS = OUTBOX.map((c) => c.name);
const DEADLINE_COLUMNS = DEADLINES.map((c) => c.name);
const DEADLINE_CONFLICT =
  'on conflict ("claim_id", "timer") do update set "kind" = "excluded"."kind", "warn" = "excluded"."warn", "due_at" = "excluded"."due_at"';

const CHUNK = 500;

/**
 * Many claims at once (the sweeper): one set-based guarded UPDATE of every claim row, then the
 * history, outbox and deadline-index rows of the whole batch in a few multi-row statements. The
 * caller holds every claim's lock, so replacing their index rows wholesale is safe.
 */
export async function writeClaims(db: Kysely<DB>, engine: Engine, writes: ClaimWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const history: HistoryTable[] = [];
  const outbox: ReturnType<typeof outboxRows> = [];
  const rows: { before: ClaimsTable; next: ClaimsTable }[] = [];
  const counts = new CountDeltas(engine);
  for (const w of writes) {
    const h = historyRows(w.row, w.entries);
    const next = nextRow(w, h);
    rows.push({ before: w.row, next });
    counts.move(w.row.id, w.row.organization_id, w.row.status, next.status);
    history.push(...h);
    outbox.push(...outboxRows(w.row, w.entries, w.now, w.after));
  }
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const updated = await updateClaimRows(db, engine, part);
    if (updated !== part.length)
      throw new ConcurrentWriteError(`${part.length - updated} of a batch of claims`);
  }
  await syncConsentMany(db, engine, writes);
  await syncIncentivesMany(
    db,
    engine,
    writes.map((w, i) => ({ claim: rows[i]?.next ?? w.row, before: w.before, after: w.after, now: w.now })),
  );
  await counts.apply(db);
  await insertRows(db, engine, "history", HISTORY, history);
  await insertRows(db, engine, "outbox", OUTBOX, outbox);
  await deleteWhereIn(
    db,
    engine,
    "deadlines",
    "claim_id",
    writes.map((w) => w.row.id),
  );
  await insertRows(
    db,
    engine,
    "deadlines",
    DEADLINES,
    writes.flatMap((w) => pendingTimers(w.after).map((t) => deadlineRow(w.row.id, t))),
  );
}

export const deadlineRow = (claimId: string, t: Timer) => ({
  claim_id: claimId,
  timer: timerKey(t),
  kind: t.kind,
  warn: t.warn ? 1 : 0,
  due_at: t.at,
});

/**
 * Keeps the sweeper's index equal to the timers the state has pending: deletes the keys that are
 * gone, and writes new or re-timed ones in one upsert (the two sets of keys are disjoint); no
 * statement at all when no timer changed.
 */
function deadlineChanges(claimId: string, before: Timer[], after: Timer[]): (Part | undefined)[] {
  const kept = new Set(after.map(timerKey));
  const gone = before.map(timerKey).filter((k) => !kept.has(k));
  const changed = after.filter((a) => !before.some((b) => sameTimer(a, b)));
  return [
    gone.length ? deleteInPart("deadlines", "claim_id", claimId, "timer", gone) : undefined,
    changed.length
      ? insertPart(
          "deadlines",
          DEADLINE_COLUMNS,
          changed.map((t) => deadlineRow(claimId, t)),
          DEADLINE_CONFLICT,
        )
      : undefined,
  ];
}

const running = (s: ClaimState) => (s.consent?.status === "running" ? s.consent : null);

/** A consent period that ends (for any reason) or is re-timed closes its request. */
function consentCloses(w: ClaimWrite): boolean {
  const was = running(w.before);
  const is = running(w.after);
  return was !== null && (!is || is.endsAt !== was.endsAt);
}

/** A consent period that starts (or is re-timed) opens a request: its end, or null. */
function consentOpens(w: ClaimWrite): number | null {
  const was = running(w.before);
  const is = running(w.after);
  return is && (!was || is.endsAt !== was.endsAt) ? is.endsAt : null;
}

export const consentRequestRow = (claimId: string, now: number, endsAt: number) => ({
  id: newId(),
  claim_id: claimId,
  created_at: now,
  ends_at: endsAt,
});

/**
 * Keeps the consent requests (the customer's link) in step with the state: a consent period that
 * starts opens one, and one that ends for any reason (passed, decided, withdrawn, reopened) closes
 * it, so that its link answers 410 from then on.
 */
export async function syncConsent(db: Kysely<DB>, w: ClaimWrite): Promise<void> {
  if (consentCloses(w)) {
    await db
      .updateTable("consent_requests")
      .set({ closed_at: w.now, closed_reason: w.after.consent?.status ?? "cancelled" })
      .where("claim_id", "=", w.row.id)
      .where("closed_at", "is", null)
      .execute();
  }
  const endsAt = consentOpens(w);
  if (endsAt !== null)
    await db
      .insertInto("consent_requests")
      .values(consentRequestRow(w.row.id, w.now, endsAt))
      .execute();
}

/** syncConsent for a batch: one UPDATE per (time, reason) of the closings, one insert of the openings. */
async function syncConsentMany(db: Kysely<DB>, engine: Engine, writes: ClaimWrite[]): Promise<void> {
  const closings = new Map<string, { now: number; reason: string; ids: string[] }>();
  for (const w of writes.filter(consentCloses)) {
    const reason = w.after.consent?.status ?? "cancelled";
    const key = `${w.now} ${reason}`;
    const group = closings.get(key) ?? { now: w.now, reason, ids: [] };
    group.ids.push(w.row.id);
    closings.set(key, group);
  }
  for (const { now, reason, ids } of closings.values()) {
    await db
      .updateTable("consent_requests")
      .set({ closed_at: now, closed_reason: reason })
      .where("claim_id", "in", ids)
      .where("closed_at", "is", null)
      .execute();
  }
  const openings = writes.flatMap((w) => {
    const endsAt = consentOpens(w);
    return endsAt === null ? [] : [consentRequestRow(w.row.id, w.now, endsAt)];
  });
  await insertRows(db, engine, "consent_requests", CONSENT_REQUESTS, openings);
}
