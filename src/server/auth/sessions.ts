// Server-side sessions: the cookie carries a random id, the database its hash. A session dies on
// sign-out, after an idle period, and at an absolute age. Real time throughout (API.md: sessions
// keep real time even when the claims clock is simulated).
import type { Kysely } from "kysely";
import type { Clock } from "../context.ts";
import type { DB, UsersTable } from "../db/schema.ts";
import { randomSecret, sha256 } from "./secrets.ts";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 2 * 3_600_000, absoluteMs: 12 * 3_600_000 };

/** last_seen_at is written at most this often, so reads do not turn into writes. */
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

export async function findSession(
  db: Kysely<DB>,
  cookie: string,
  wall: Clock,
  policy: SessionPolicy,
): Promise<{ user: UsersTable; csrfToken: string } | null> {
  const idHash = sha256(cookie);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .selectAll("users")
    .select(["sessions.csrf_token", "sessions.created_at as session_created", "sessions.last_seen_at"])
    .where("sessions.id_hash", "=", idHash)
    .executeTakeFirst();
  if (!row) return null;
  const now = wall.now();
  const expired = now - row.last_seen_at > policy.idleMs || now - row.session_created > policy.absoluteMs;
  if (expired || row.disabled_at !== null) {
    await db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
    return null;
  }
  if (now - row.last_seen_at > TOUCH_EVERY_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("id_hash", "=", idHash).execute();
  }
  const { csrf_token, session_created: _c, last_seen_at: _l, ...user } = row;
  return { user, csrfToken: csrf_token };
}

export async function destroySession(db: Kysely<DB>, cookie: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", sha256(cookie)).execute();
}
