// outbox_pending (sent_at, available_at) served no query: the notifier, the backlog counts and the
// wake-up check all ask for `sent_at is null` in id order, which outbox_undispatched (sent_at, id)
// answers. test/server/index-use.test.ts found it; dropping it saves an index entry on every event
// written and on every dispatch.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema.dropIndex("outbox_pending").ifExists().execute();
}
