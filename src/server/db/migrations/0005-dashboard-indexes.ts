// The dashboard's default views on a million claims (issue 5, `npm run bench:web`): the newest
// changes first, per organisation or across all, and "needs your action" per side, each answered
// from an index instead of a sort of every row.
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, engine: Engine): Promise<void> {
  await db.schema.createIndex("claims_updated").on("claims").columns(["updated_at", "id"]).execute();
  await db.schema
    .createIndex("claims_org_updated")
    .on("claims")
    .columns(["organization_id", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("claims_org_partner_action")
    .on("claims")
    .columns(["organization_id", "partner_action", "updated_at", "id"])
    .execute();
  await db.schema
    .createIndex("claims_operator_action")
    .on("claims")
    .columns(["operator_action", "updated_at", "id"])
    .execute();
  // Without statistics SQLite picked claims_org_created for "organisation, newest change first"
  // and sorted a million rows; with them it walks the index made for it. PostgreSQL's autovacuum
  // gathers its own.
  if (engine === "sqlite") await sql`analyze`.execute(db);
}
