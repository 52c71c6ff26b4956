// The operator side never sees drafts (policies/claims.ts mayListDrafts), so its lists ask for
// `status <> 'editing'`. Walked from a full (updated_at, id) index, a page had to step over every
// newer draft first: on the benchmark's million claims, where the newest are drafts, the reviewer's
// default page read ~2,000 index entries and their rows for 51. Partial indexes without the drafts
// answer the operator's default view and its needs-action filter from their first entry, and are a
// sixth smaller. The predicate is written literally in the queries (list-claims.ts) because both
// engines match a partial index only against a constant, not a bound parameter.
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema.dropIndex("claims_updated").ifExists().execute();
  await db.schema.dropIndex("claims_operator_action").ifExists().execute();
  await db.schema
    .createIndex("claims_visible_updated")
    .on("claims")
    .columns(["updated_at", "id"])
    .where(sql.ref("status"), "<>", sql.lit("editing"))
    .execute();
  await db.schema
    .createIndex("claims_visible_operator_action")
    .on("claims")
    .columns(["operator_action", "updated_at", "id"])
    .where(sql.ref("status"), "<>", sql.lit("editing"))
    .execute();
}
