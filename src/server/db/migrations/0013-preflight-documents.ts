// The PoE preflight of each document (issue 14): its status, its checks as JSON, and the document's
// normalised text (for reuse and look-alike detection). The row is also the preflight's queue: a
// pending row is work to do, `generation` is bumped by every request to read it again (a result
// computed for an older generation is dropped), and `lease_until` keeps two processes from reading
// the same document at once. Documents that existed before are queued here too.
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .createTable("document_preflights")
    .addColumn("document_id", "text", (c) => c.primaryKey().references("documents.id"))
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("checks", "text", (c) => c.notNull())
    .addColumn("normalized_text", "text")
    .addColumn("unreadable_reason", "text")
    .addColumn("generation", "integer", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("document_preflights_claim")
    .on("document_preflights")
    .column("claim_id")
    .execute();
  await db.schema
    .createIndex("document_preflights_status")
    .on("document_preflights")
    .columns(["status", "updated_at"])
    .execute();
  await sql`insert into document_preflights
      (document_id, claim_id, organization_id, status, checks, generation, updated_at)
    select d.id, d.claim_id, c.organization_id, 'pending', '[]', 0, d.created_at
    from documents d join claims c on c.id = d.claim_id`.execute(db);
}
