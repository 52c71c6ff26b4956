// A document's text fingerprint, stored when its preflight completes (in the same transaction as
// the preflight's result), so near-identical text is found later by band lookup.
import type { Kysely, Transaction } from "kysely";
import { bandsOf, encodeSignature, signatureOf } from "../../domain/similarity/minhash.ts";
import type { DB } from "../db/schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

/** Idempotent: a re-run preflight replaces the document's fingerprint. Too little text: none. */
export async function recordFingerprint(
  db: Executor,
  doc: { documentId: string; claimId: string; normalizedText: string; now: number },
): Promise<void> {
  await db.deleteFrom("document_bands").where("document_id", "=", doc.documentId).execute();
  await db.deleteFrom("document_fingerprints").where("document_id", "=", doc.documentId).execute();
  const sig = signatureOf(doc.normalizedText);
  if (!sig) return;
  await db
    .insertInto("document_fingerprints")
    .values({
      document_id: doc.documentId,
      claim_id: doc.claimId,
      signature: encodeSignature(sig),
      created_at: doc.now,
    })
    .execute();
  await db
    .insertInto("document_bands")
    .values(bandsOf(sig).map((band) => ({ band, document_id: doc.documentId })))
    .execute();
}

/** The preflight runner's hook: fingerprints a document whose preflight has just completed. */
export async function fingerprintDocument(
  db: Executor,
  documentId: string,
  normalizedText: string | null,
  now: number,
): Promise<void> {
  const doc = await db
    .selectFrom("documents")
    .select("claim_id")
    .where("id", "=", documentId)
    .executeTakeFirst();
  if (doc && normalizedText !== null)
    await recordFingerprint(db, { documentId, claimId: doc.claim_id, normalizedText, now });
}
