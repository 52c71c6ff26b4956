// The circuit breaker per webhook endpoint (issue 12): failed attempts in a row and since when,
// and the pause they lead to. One column per statement: SQLite adds one column per ALTER TABLE.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable("webhooks")
    .addColumn("consecutive_failures", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable("webhooks").addColumn("failing_since", "bigint").execute();
  await db.schema.alterTable("webhooks").addColumn("paused_at", "bigint").execute();
  await db.schema.alterTable("webhooks").addColumn("paused_reason", "text").execute();
}
