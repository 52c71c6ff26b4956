// Server-side sessions: the cookie carries a random id, the database its hash. A session dies on
// sign-out, after an idle period, and at an absolute age. Real time throughout (API.md §1.4: sessions
// keep real time even when the claims clock is simulated).
import type { Kysely } from "kysely";
import type { Clock } from "../context.ts";
import { compiledOnce } from "../db/compiled-query.ts";
import type { DB, UsersTable } from "../db/schema.ts";
import { type CachedCredential, sessionCache } from "./principal-cache.ts";
import { randomSecret, sha256 } from "./secrets.ts";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 3_600_000, absoluteMs: 12 * 3_600_000 };

/** last_seen_at is written at most this often (and only on a cache miss), so reads stay reads. */
const TOUCH_EVERY_MS = 60_000;

export async function createSession(
  db: Kysely<DB>,
  userId: string,
  wall: Clock,
): Promise<{ cookie: string; csrfToken: string }> {
  const cookie = randomSecret();
  const csrfToken = randomSecret();
  const now = wall.now();
  await db
    .insertInto("sessions")
    .values({
      id_hash: sha256(cookie),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
    })
    .execute();
  return { cookie, csrfToken };
}

const sessionRow = compiledOnce((db, idHash: string) =>
  db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select(["sessions.csrf_token", "sessions.created_at as session_created", "sessions.last_seen_at"])
    .where("sessions.id_hash", "=", idHash),
);

const expiredAt = (s: CachedCredential, now: number, policy: SessionPolicy) =>
  now - s.lastSeenAt > policy.idleMs || now - s.createdAt > policy.absoluteMs;

/**
 * The session's user, from the principal cache when it was read in the last few seconds: the
 * database is read (and last_seen_at written, at most every TOUCH_EVERY_MS) only on a miss.
 */
export async function findSession(
  db: Kysely<DB>,
  cookie: string,
  wall: Clock,
  policy: SessionPolicy,
): Promise<{ user: UsersTable; csrfToken: string } | null> {
  const idHash = sha256(cookie);
  const now = wall.now();
  const hit = sessionCache.get(idHash, now);
  if (hit?.csrfToken && !expiredAt(hit, now, policy)) return { user: hit.user, csrfToken: hit.csrfToken };
  const epoch = sessionCache.epoch();
  const [row] = await sessionRow(db, idHash);
  if (!row) return null;
  const { csrf_token, session_created, last_seen_at, ...user } = row;
  const found = { user, csrfToken: csrf_token, createdAt: session_created, lastSeenAt: last_seen_at };
  if (expiredAt(found, now, policy) || user.disabled_at !== null) {
    await destroySession(db, cookie);
    return null;
  }
  if (now - last_seen_at > TOUCH_EVERY_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
    found.lastSeenAt = now;
  }
  sessionCache.set(idHash, found, now, epoch);
  return { user, csrfToken: csrf_token };
}

export async function destroySession(db: Kysely<DB>, cookie: string): Promise<void> {
  const idHash = sha256(cookie);
  sessionCache.forget(idHash);
  await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  // Again once deleted: a lookup that read the row meanwhile must not keep it.
  sessionCache.forget(idHash);
}
