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
