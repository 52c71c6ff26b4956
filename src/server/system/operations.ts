// What the operational endpoints read (/readyz, the /metrics gauges): the queries live here, the
// HTTP layer only answers with them.
import { sql } from "kysely";
import type { Db } from "../db/engine.ts";

/** Throws when the database does not answer. */
export async function databaseAnswers(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}

export async function claimCountsByStatus(db: Db): Promise<{ status: string; n: number }[]> {
  const rows = await db.kysely
    .selectFrom("claims")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("status")
    .execute();
  return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
}

export async function outboxBacklog(db: Db): Promise<number> {
  const r = await db.kysely
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("sent_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
