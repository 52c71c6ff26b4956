// Taking due work from a queue table so that several server processes never hold the same row: the
// row is leased (and its attempt counted) in one statement; a process that dies mid-send leaves the
// lease to run out, after which another takes the row over. That is where the at-most-one duplicate
// after a crash comes from, and why each message carries a stable id.
import { type RawBuilder, type Selectable, sql } from "kysely";
import type { Db } from "../db/engine.ts";
import { rowLimit } from "../db/row-limit.ts";
import type { DB } from "../db/schema.ts";

type QueueTable = "mail_messages" | "webhook_deliveries";

export async function leaseDue<T extends QueueTable>(
  db: Db,
  table: T,
  now: number,
  limit: number,
  leaseMs: number,
  /** A further condition on the rows taken (a paused webhook endpoint's wait). */
  also: RawBuilder<unknown> = sql`true`,
): Promise<Selectable<DB[T]>[]> {
  const lock = db.engine === "postgres" ? sql`for update skip locked` : sql``;
  const t = sql.table(table);
  const res = await sql<Selectable<DB[T]>>`
    update ${t} set lease_until = ${now + leaseMs}, attempts = attempts + 1
    where id in (
      select id from ${t}
      where status = 'pending' and available_at <= ${now} and (lease_until is null or lease_until <= ${now})
        and ${also}
      order by available_at, id
      limit ${rowLimit(limit)}
      ${lock}
    )
    returning *`.execute(db.kysely);
  return res.rows;
}

/** Exponential back-off from `base`, capped: 1st retry after base, then 2x, 4x ... up to `cap`. */
export function backoff(attempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * When the notifier next has something to do: now if the outbox holds an undispatched event,
 * else the earliest time a pending message or delivery becomes due (or its lease runs out).
 * Null: nothing is waiting.
 */
export async function nextDueAt(db: Db, now: number): Promise<number | null> {
  const undispatched = await db.kysely
    .selectFrom("outbox")
    .select("id")
    .where("sent_at", "is", null)
    .limit(rowLimit(1))
    .executeTakeFirst();
  if (undispatched) return now;
  const due = (t: QueueTable, also: RawBuilder<unknown>) =>
    sql<{ due: number | null }>`
      select min(case when lease_until is not null and lease_until > available_at
                      then lease_until else available_at end) as due
      from ${sql.table(t)} where status = 'pending' and ${also}`.execute(db.kysely);
  const [mail, hooks] = await Promise.all([
    due("mail_messages", sql`true`),
    due("webhook_deliveries", sql`webhook_id not in (select id from webhooks where paused_at is not null)`),
  ]);
  const times = [mail.rows[0]?.due, hooks.rows[0]?.due].filter((t) => t !== null && t !== undefined);
  return times.length ? Math.min(...times.map(Number)) : null;
}
