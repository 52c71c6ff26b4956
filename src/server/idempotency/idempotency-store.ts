// The stored Idempotency-Keys (API.md §1.3): a key is claimed by the first request, answered once that
// request ends, and replayed to repeats. The HTTP middleware (http/idempotency.ts) decides what a
// client is told; this module owns the rows. Real time throughout, never the simulated clock.
//
// A crash must not leave a key `running` for ever (issue 12): the request holds its key on a lease
// that it renews while it runs, and each transaction it commits records its result in the same
// transaction (commitResults, through db/transact.ts's unit-of-work hook). Once a holder's lease has
// run out, the next request with the key takes it over and re-runs the handler with the recorded
// results replayed: a committed effect is answered, never repeated; an uncommitted one runs afresh.
// A slow holder that lost its lease cannot commit any more: the guard below rolls its work back.
import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { Clock } from "../context.ts";
import type { DB } from "../db/schema.ts";

/** How long a key is kept and replayed; after that it starts over as if it were new. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
/** How long a holder that stopped renewing (a crashed process) keeps its key from a retry. */
export const DEFAULT_LEASE_MS = 30_000;

export interface KeyRef {
  /** The caller (a user id): keys of different callers never meet. */
  scope: string;
  key: string;
}

/** A key held by this request: its lease token, and what an earlier holder already committed. */
export interface Lease {
  token: string;
  committed: string[];
}

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the first look at a key found. */
export type KeyClaim =
  | { outcome: "run"; lease: Lease }
  /** The row vanished (expired and purged) between two statements: run, without a guard. */
  | { outcome: "unguarded" }
  | { outcome: "replay"; answer: StoredAnswer }
  | { outcome: "running"; justRestarted: boolean }
  | { outcome: "other_request" };

export class LeaseLostError extends Error {
  constructor() {
    super("the Idempotency-Key's lease was taken over by a retry; this run's work is rolled back");
    this.name = "LeaseLostError";
  }
}

const parseResults = (text: string | null | undefined): string[] =>
  text ? (JSON.parse(text) as string[]) : [];

/** Claims `ref` for a request whose fingerprint is `hash`, or says why it cannot run now. */
export async function claimKey(
  db: Kysely<DB>,
  ref: KeyRef,
  hash: string,
  wall: Clock,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<KeyClaim> {
  const now = wall.now();
  const token = randomUUID();
  const inserted = await db
    .insertInto("idempotency_keys")
    .values({
      scope: ref.scope,
      key: ref.key,
      request_hash: hash,
      status: "running",
      response_status: null,
      response_body: null,
      created_at: now,
      lease_until: now + leaseMs,
      lease_token: token,
      results: null,
    })
    .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1)
    return { outcome: "run", lease: { token, committed: [] } };
  const row = await db
    .selectFrom("idempotency_keys")
    .selectAll()
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .executeTakeFirst();
  if (!row) return { outcome: "unguarded" };
  if (now - row.created_at > IDEMPOTENCY_TTL_MS) {
    // Expired: the key starts over as if it were new; of two restarts at once, one wins.
    const renewed = await db
      .updateTable("idempotency_keys")
      .set({
        request_hash: hash,
        status: "running",
        response_status: null,
        response_body: null,
        created_at: now,
        lease_until: now + leaseMs,
        lease_token: token,
        results: null,
      })
      .where("scope", "=", ref.scope)
      .where("key", "=", ref.key)
      .where("created_at", "=", row.created_at)
      .executeTakeFirst();
    return renewed.numUpdatedRows === 1n
      ? { outcome: "run", lease: { token, committed: [] } }
      : { outcome: "running", justRestarted: true };
  }
  if (row.request_hash !== hash) return { outcome: "other_request" };
  if (row.status !== "running") {
    const stored = JSON.parse(row.response_body ?? "{}") as { headers: Record<string, string>; body: string };
    return { outcome: "replay", answer: { status: row.response_status ?? 200, ...stored } };
  }
  const leaseUntil = row.lease_until ?? row.created_at + leaseMs;
  if (now < leaseUntil) return { outcome: "running", justRestarted: false };
  // The holder stopped renewing: it died. Take the key over, reading what it committed in the
  // same statement, so that nothing it committed before the take-over is missed.
  const taken = await db
    .updateTable("idempotency_keys")
    .set({ lease_until: now + leaseMs, lease_token: token })
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .where("status", "=", "running")
    .where((eb) =>
      row.lease_token == null ? eb("lease_token", "is", null) : eb("lease_token", "=", row.lease_token),
    )
    .returning(["results"])
    .executeTakeFirst();
  if (!taken) return { outcome: "running", justRestarted: true };
  return { outcome: "run", lease: { token, committed: parseResults(taken.results) } };
}

/** Extends the lease of a request still running in this process; false once it was taken over. */
export async function renewLease(
  db: Kysely<DB>,
  ref: KeyRef,
  token: string,
  wall: Clock,
  leaseMs: number = DEFAULT_LEASE_MS,
): Promise<boolean> {
  const r = await db
    .updateTable("idempotency_keys")
    .set({ lease_until: wall.now() + leaseMs })
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .where("lease_token", "=", token)
    .where("status", "=", "running")
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/**
 * Inside the request's transaction: the results its transactions committed so far, this one's
 * last. Throws LeaseLostError (rolling the transaction back) when a retry has taken the key over.
 */
export async function commitResults(
  trx: Transaction<DB>,
  ref: KeyRef,
  token: string,
  results: string[],
): Promise<void> {
  const r = await trx
    .updateTable("idempotency_keys")
    .set({ results: JSON.stringify(results) })
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .where("lease_token", "=", token)
    .where("status", "=", "running")
    .executeTakeFirst();
  if (r.numUpdatedRows !== 1n) throw new LeaseLostError();
}

/** The answer to replay for `ref` from now on (unless a retry has taken the key over). */
export async function recordAnswer(
  db: Kysely<DB>,
  ref: KeyRef,
  token: string,
  answer: StoredAnswer,
): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({
      status: "done",
      response_status: answer.status,
      response_body: JSON.stringify({ headers: answer.headers, body: answer.body }),
    })
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .where("lease_token", "=", token)
    .execute();
}

/**
 * The request failed on our side. With nothing committed, the key goes: a retry runs afresh. With
 * an effect committed, the key stays and its lease ends now: a retry replays what was committed.
 */
export async function releaseKey(db: Kysely<DB>, ref: KeyRef, token: string): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .where("lease_token", "=", token)
    .where("results", "is", null)
    .execute();
  await db
    .updateTable("idempotency_keys")
    .set({ lease_until: 0 })
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .where("lease_token", "=", token)
    .where("status", "=", "running")
    .execute();
}

export async function purgeIdempotencyKeys(db: Kysely<DB>, wall: Clock): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", wall.now() - 2 * IDEMPOTENCY_TTL_MS)
    .execute();
}
