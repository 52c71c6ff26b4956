// One counter row per organisation and status made every concurrent status change of that
// organisation wait for the one before it to commit: on PostgreSQL the upsert holds the row's lock
// to the end of the transaction, so a team reviewing one partner's claims went one at a time
// (start-review, 10 connections on one organisation: 343-351/s with the counter, 513-533/s without).
// Each counter is now spread over slots, a claim always counting in the slot its id hashes to
// (claim-counts.ts countSlot): two changes wait for each other only when their claims share a slot.
// A count is the sum of its slots. Rows move over in slot 0.
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  // SQLite cannot change a primary key in place: both engines rebuild the table.
  await db.schema
    .createTable("claim_count_slots")
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("slot", "integer", (c) => c.notNull())
    .addColumn("n", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("claim_count_slots_pk", ["organization_id", "status", "slot"])
    .execute();
  await sql`insert into claim_count_slots (organization_id, status, slot, n)
    select organization_id, status, 0, n from claim_counts`.execute(db);
  await db.schema.dropTable("claim_counts").execute();
  await db.schema.alterTable("claim_count_slots").renameTo("claim_counts").execute();
}
