// The mail queue as an admin sees it (API and CLI): counts, the oldest waiting message, failures,
// and a retry that puts failed or waiting messages back at the front.
import type { Kysely } from "kysely";
import { rowLimit } from "../db/row-limit.ts";
import type { DB, MailStatus } from "../db/schema.ts";
import { decodeIdCursor, page } from "./pages.ts";

export interface MailSummary {
  pending: number;
  sent: number;
  failed: number;
  oldestPendingAt: number | null;
  /** Outbox events not yet turned into messages. */
  undispatched: number;
}

export async function mailSummary(db: Kysely<DB>): Promise<MailSummary> {
  const counts = await db
    .selectFrom("mail_messages")
    .select(["status", db.fn.countAll<number>().as("n"), db.fn.min<number>("created_at").as("oldest")])
    .groupBy("status")
    .execute();
  const by = (s: MailStatus) => counts.find((c) => c.status === s);
  const undispatched = await db
    .selectFrom("outbox")
    .select(db.fn.countAll<number>().as("n"))
    .where("sent_at", "is", null)
    .executeTakeFirstOrThrow();
  const oldest = by("pending")?.oldest;
  return {
    pending: Number(by("pending")?.n ?? 0),
    sent: Number(by("sent")?.n ?? 0),
    failed: Number(by("failed")?.n ?? 0),
    oldestPendingAt: oldest === undefined || oldest === null ? null : Number(oldest),
    undispatched: Number(undispatched.n),
  };
}

export async function listMail(
  db: Kysely<DB>,
  f: { status?: MailStatus; claimId?: string; limit: number; cursor?: string },
) {
  let q = db
    .selectFrom("mail_messages")
    .selectAll()
    .orderBy("id", "desc")
    .limit(rowLimit(f.limit + 1));
  if (f.status) q = q.where("status", "=", f.status);
  if (f.claimId) q = q.where("claim_id", "=", f.claimId);
  const after = decodeIdCursor(f.cursor);
  if (after) q = q.where("id", "<", after);
  return page(await q.execute(), f.limit);
}

/** Back to the queue, due now. Answers how many messages were requeued. */
export async function retryMail(db: Kysely<DB>, which: { id: string } | { allFailed: true }, now: number) {
  let q = db
    .updateTable("mail_messages")
    .set({ status: "pending", available_at: now, lease_until: null, attempts: 0 })
    .where("status", "!=", "sent");
  q = "id" in which ? q.where("id", "=", which.id) : q.where("status", "=", "failed");
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows);
}
