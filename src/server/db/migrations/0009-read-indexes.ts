// The indexes the lists and the review queue walk (issue 13): each ends with `id`, the tie-break
// of every keyset page, so a page of 50 is read in index order and never sorted. They replace
// claims_org_status, claims_status and claims_queue, which lacked the tie-break (and the queue's
// order is an expression the old index could not serve).
//
//   claims_org_status_updated  partner list filtered by status (organisation, status, newest change)
//   claims_status_updated      operator list filtered by status (status, newest change)
//   claims_review_queue        GET /review/queue: operator_action = 1, earliest SLA first
//
// Kept from 0005 (lists use them): claims_updated (operator default view), claims_org_updated
// (partner default view), claims_org_partner_action and claims_operator_action (needs action),
// and from 0001 claims_org_created (sort by creation).
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

/** The review queue's sort key: claims without an SLA deadline last (review-queue.ts matches it). */
const NO_SLA = "9007199254740991";

export async function up(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema
    .createIndex("claims_org_status_updated")
    .on("claims")
    .columns(["organization_id", "status", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("claims_status_updated")
    .on("claims")
    .columns(["status", "updated_at", "id"])
    .execute();
  await sql`create index claims_review_queue on claims
    (operator_action, coalesce(sla_due_at, ${sql.raw(NO_SLA)}), id)`.execute(db);
  // Prefixes of the new ones: a write to claims has three fewer entries to maintain.
  for (const old of ["claims_org_status", "claims_status", "claims_queue"])
    await db.schema.dropIndex(old).ifExists().execute();
  if (engine === "sqlite") await sql`analyze`.execute(db);
}
