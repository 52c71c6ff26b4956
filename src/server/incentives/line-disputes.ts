// The programme's answer to a disputed line, in the store: the line's resolution and the
// statement's new total (and state), each guarded on what the use case judged, so that a dispute
// reopened or a statement moved meanwhile is never answered blindly.
import type { Kysely } from "kysely";
import type { DB, LineDisputeOutcome, PayoutStatus } from "../db/schema.ts";

export interface Resolution {
  outcome: LineDisputeOutcome;
  reply: string;
  userId: string;
  at: number;
  /** What the line pays after the answer, and what it was calculated at (null: not adjusted). */
  earningsMinor: number;
  calculatedMinor: number | null;
}

/** False when the dispute was answered or flagged again since `disputedAt` was read. */
export async function resolveLineRow(
  db: Kysely<DB>,
  lineId: string,
  disputedAt: number,
  r: Resolution,
): Promise<boolean> {
  const res = await db
    .updateTable("payout_lines")
    .set({
      resolved_at: r.at,
      resolved_by: r.userId,
      resolution_outcome: r.outcome,
      resolution_reply: r.reply,
      earnings_minor: r.earningsMinor,
      calculated_minor: r.calculatedMinor,
    })
    .where("id", "=", lineId)
    .where("resolved_at", "is", null)
    .where("disputed_at", "=", disputedAt)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}

/** A statement's total after an answer, and its state (approved -> calculated when it changed). */
export async function reviseStatementRow(
  db: Kysely<DB>,
  id: string,
  from: PayoutStatus,
  to: PayoutStatus,
  totalMinor: number,
): Promise<boolean> {
  const res = await db
    .updateTable("payout_statements")
    .set(
      to === from ? { total_minor: totalMinor } : { total_minor: totalMinor, status: to, approved_at: null },
    )
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return res.numUpdatedRows === 1n;
}
