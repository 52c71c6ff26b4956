// An identity provider can be switched off without deleting it (issue 15): its users keep their
// links (user_identities) for when it is switched on again, but it signs no one in meanwhile.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable("identity_providers")
    .addColumn("enabled", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
}
