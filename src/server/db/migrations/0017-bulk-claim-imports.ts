// Bulk filing (issue 14): one row per accepted claims file, with its progress, and one row per
// claim it created (the file's line, the claim and its number), so that a ZIP of PoE can be matched
// to claims by line and the file's page can list what it made. The checked rows and who filed them
// are kept with the import, and a lease names the process creating its drafts, so that another
// process resumes from `done` when that one dies (bulk/run-claim-import.ts).
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .createTable("claim_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("total", "integer", (c) => c.notNull())
    .addColumn("done", "integer", (c) => c.notNull())
    .addColumn("error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("finished_at", "bigint")
    .addColumn("rows_json", "text", (c) => c.notNull())
    .addColumn("principal_json", "text", (c) => c.notNull())
    .addColumn("lease_owner", "text")
    .addColumn("lease_until", "bigint")
    .execute();
  await db.schema
    .createIndex("claim_imports_by_org")
    .on("claim_imports")
    .columns(["organization_id", "created_at"])
    .execute();
  await db.schema
    .createTable("claim_import_claims")
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .addColumn("claim_id", "text", (c) => c.notNull())
    .addColumn("number", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("claim_import_claims_pk", ["import_id", "line"])
    .execute();
}
