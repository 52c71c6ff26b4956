// Claims per organisation and status, kept by the claim writer in the same transaction as every
// status change: the dashboard's counts become a read of a few rows instead of a scan of an index
// of a million entries (issue 5's "interactive in under a second").
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .createTable("claim_counts")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("n", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("claim_counts_pk", ["organization_id", "status"])
    .execute();
  await sql`insert into claim_counts (organization_id, status, n)
    select organization_id, status, count(*) from claims group by organization_id, status`.execute(db);
}
