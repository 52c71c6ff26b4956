// The stored Idempotency-Keys (API.md §1.3): a key is claimed by the first request, answered once that
// request ends, and replayed to repeats. The HTTP middleware (http/idempotency.ts) decides what a
// client is told; this module owns the rows. Real time throughout, never the simulated clock.
import type { Kysely } from "kysely";
import type { Clock } from "../context.ts";
import type { DB } from "../db/schema.ts";

/** How long a key is kept and replayed; after that it starts over as if it were new. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface KeyRef {
  /** The caller (a user id): keys of different callers never meet. */
  scope: string;
  key: string;
}

export interface StoredAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the first look at a key found. */
export type KeyClaim =
  | { outcome: "run" }
  /** The row vanished (expired and purged) between two statements: run, without a guard. */
  | { outcome: "unguarded" }
  | { outcome: "replay"; answer: StoredAnswer }
  | { outcome: "running"; justRestarted: boolean }
  | { outcome: "other_request" };

/** Claims `ref` for a request whose fingerprint is `hash`, or says why it cannot run now. */
export async function claimKey(db: Kysely<DB>, ref: KeyRef, hash: string, wall: Clock): Promise<KeyClaim> {
  const now = wall.now();
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
    })
    .onConflict((oc) => oc.columns(["scope", "key"]).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { outcome: "run" };
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
      })
      .where("scope", "=", ref.scope)
      .where("key", "=", ref.key)
      .where("created_at", "=", row.created_at)
      .executeTakeFirst();
    return renewed.numUpdatedRows === 1n ? { outcome: "run" } : { outcome: "running", justRestarted: true };
  }
  if (row.request_hash !== hash) return { outcome: "other_request" };
  if (row.status === "running") return { outcome: "running", justRestarted: false };
  const stored = JSON.parse(row.response_body ?? "{}") as { headers: Record<string, string>; body: string };
  return { outcome: "replay", answer: { status: row.response_status ?? 200, ...stored } };
}

/** The answer to replay for `ref` from now on. */
export async function recordAnswer(db: Kysely<DB>, ref: KeyRef, answer: StoredAnswer): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({
      status: "done",
      response_status: answer.status,
      response_body: JSON.stringify({ headers: answer.headers, body: answer.body }),
    })
    .where("scope", "=", ref.scope)
    .where("key", "=", ref.key)
    .execute();
}

/** Lets the key go: the request failed on our side, so a retry with the same key runs afresh. */
export async function releaseKey(db: Kysely<DB>, ref: KeyRef): Promise<void> {
  await db.deleteFrom("idempotency_keys").where("scope", "=", ref.scope).where("key", "=", ref.key).execute();
}

export async function purgeIdempotencyKeys(db: Kysely<DB>, wall: Clock): Promise<void> {
  await db
    .deleteFrom("idempotency_keys")
    .where("created_at", "<", wall.now() - 2 * IDEMPOTENCY_TTL_MS)
    .execute();
}
