// Asking for a preflight: a pending row, written in the transaction that made the reason for it (an
// upload, an edit of the customer or products), so that it exists exactly when that commits. The
// runner (preflight-runner.ts) reads pending rows after the commit, never inside the request.
import { noteCommit } from "../db/commit-signal.ts";
import type { Executor } from "../db/transact.ts";

/** The commit topic that wakes the runner: only transactions that queued a read. */
export const PREFLIGHT_TOPIC = "preflight";

export async function queuePreflight(
  db: Executor,
  doc: { documentId: string; claimId: string; organizationId: string },
  now: number,
): Promise<void> {
  noteCommit(db, PREFLIGHT_TOPIC);
  await db
    .insertInto("document_preflights")
    .values({
      document_id: doc.documentId,
      claim_id: doc.claimId,
      organization_id: doc.organizationId,
      status: "pending",
      checks: "[]",
      normalized_text: null,
      unreadable_reason: null,
      generation: 0,
      lease_until: null,
      updated_at: now,
    })
    .execute();
}

/**
 * Every document of the claim is read again (its customer or products changed). The generation
 * bump makes a runner that is reading one right now drop what it finds: it checked the old claim.
 */
export async function requeueClaimPreflights(db: Executor, claimId: string, now: number): Promise<void> {
  noteCommit(db, PREFLIGHT_TOPIC);
  await db
    .updateTable("document_preflights")
    .set((eb) => ({
      status: "pending",
      generation: eb("generation", "+", 1),
      lease_until: null,
      updated_at: now,
    }))
    .where("claim_id", "=", claimId)
    .execute();
}
