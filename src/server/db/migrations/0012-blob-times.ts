// When each database blob was stored (issue 12): the orphaned-blob collector spares blobs younger
// than its grace period, which may belong to an upload whose document row has not committed yet.
// Set by the database itself, so the blob store's INSERT stays as it is: PostgreSQL by a column
// default, SQLite (which refuses a non-constant default on ADD COLUMN) by a trigger. Rows older
// than this migration are left null: their age is unknown, and the collector counts them as old.
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, engine: Engine): Promise<void> {
  if (engine === "postgres") {
    await db.schema.alterTable("blobs").addColumn("created_at", "bigint").execute();
    await sql`alter table blobs alter column created_at
      set default (extract(epoch from clock_timestamp()) * 1000)::bigint`.execute(db);
    return;
  }
  await db.schema.alterTable("blobs").addColumn("created_at", "bigint").execute();
  await sql`create trigger blobs_created_at after insert on blobs
    when new.created_at is null
    begin
      update blobs set created_at = cast((julianday('now') - 2440587.5) * 86400000 as integer)
      where sha256 = new.sha256;
    end`.execute(db);
}
