// Taking due work from a queue table so that several server processes never hold the same row: the
// row is leased (and its attempt counted) in one statement; a process that dies mid-send leaves the
// lease to run out, after which another takes the row over. That is where the at-most-one duplicate
// after a crash comes from, and why each message carries a stable id.
import { type RawBuilder, type Selectable, sql } from "kysely";
import type { Db } from "../db/engine.ts";
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
      limit ${limit}
      ${lock}
    )
    returning *`.execute(db.kysely);
  return res.rows;
}

/** Exponential back-off from `base`, capped: 1st retry after base, then 2x, 4x ... up to `cap`. */
export function backoff(attempts: number, baseMs: number, capMs: number): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempts - 1));
}
