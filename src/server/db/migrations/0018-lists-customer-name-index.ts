// The customer registry screen (issue 11): the registry is paged by name, then tenant id, so that
// a page is one walk of this index from the cursor on, the same on both engines.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .createIndex("customers_name_tenant")
    .on("customers")
    .columns(["name", "tenant_id"])
    .execute();
}
