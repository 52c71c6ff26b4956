// A fixed-window counter in the database, shared by every server process.
import { type Kysely, sql } from "kysely";
import type { Clock } from "../context.ts";
import type { DB } from "../db/schema.ts";

export interface Limit {
  max: number;
  windowMs: number;
}

/** Counts one hit on `key`; answers the seconds to wait when the limit is exceeded, else null. */
export async function hit(db: Kysely<DB>, key: string, limit: Limit, wall: Clock): Promise<number | null> {
  const now = wall.now();
  const windowStart = now - (now % limit.windowMs);
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`case when rate_limits.window_start = ${windowStart} then rate_limits.count + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning(["count"])
    .executeTakeFirstOrThrow();
  return Number(row.count) > limit.max ? Math.ceil((windowStart + limit.windowMs - now) / 1000) : null;
}

/** Whether `key` is over its limit, without counting. */
export async function blocked(
  db: Kysely<DB>,
  key: string,
  limit: Limit,
  wall: Clock,
): Promise<number | null> {
  const now = wall.now();
  const windowStart = now - (now % limit.windowMs);
  const row = await db
    .selectFrom("rate_limits")
    .select(["count", "window_start"])
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row || row.window_start !== windowStart || row.count < limit.max) return null;
  return Math.ceil((windowStart + limit.windowMs - now) / 1000);
}

export async function reset(db: Kysely<DB>, key: string): Promise<void> {
  await db.deleteFrom("rate_limits").where("key", "=", key).execute();
}

/** Hits counted on `key` in the current window (0 when none). */
export async function counted(db: Kysely<DB>, key: string, limit: Limit, wall: Clock): Promise<number> {
  const now = wall.now();
  const windowStart = now - (now % limit.windowMs);
  const row = await db
    .selectFrom("rate_limits")
    .select(["count", "window_start"])
    .where("key", "=", key)
    .executeTakeFirst();
  return row && Number(row.window_start) === windowStart ? Number(row.count) : 0;
}

/**
 * A run of failures: `at` is the latest, `count` how many since the run began. A run ends after
 * `quietMs` without a failure. Stored in the same table, with window_start holding the latest.
 */
export interface FailureRun {
  count: number;
  at: number;
}

export async function noteFailure(
  db: Kysely<DB>,
  key: string,
  quietMs: number,
  wall: Clock,
): Promise<FailureRun> {
  const now = wall.now();
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`case when rate_limits.window_start > ${now - quietMs} then rate_limits.count + 1 else 1 end`,
        window_start: now,
      }),
    )
    .returning(["count"])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), at: now };
}

export async function failureRun(
  db: Kysely<DB>,
  key: string,
  quietMs: number,
  wall: Clock,
): Promise<FailureRun | null> {
  const row = await db
    .selectFrom("rate_limits")
    .select(["count", "window_start"])
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row || Number(row.window_start) <= wall.now() - quietMs) return null;
  return { count: Number(row.count), at: Number(row.window_start) };
}
