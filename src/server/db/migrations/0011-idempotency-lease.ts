// Idempotency keys that survive a crash (issue 12): the request that holds a key holds it on a
// lease (until `lease_until`, renewed while it runs, by the holder named `lease_token`), and what
// each of its transactions returned is kept in `results`, written in that same transaction, so a
// retry after a crash replays the committed effect instead of running it twice.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  // One column per statement: SQLite adds one column per ALTER TABLE.
  await db.schema.alterTable("idempotency_keys").addColumn("lease_until", "bigint").execute();
  await db.schema.alterTable("idempotency_keys").addColumn("lease_token", "text").execute();
  await db.schema.alterTable("idempotency_keys").addColumn("results", "text").execute();
}
