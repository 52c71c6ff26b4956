// History by event and time: the reviewers' service-level metrics (RULES.md §14) read the
// last days' submissions, review starts, decisions and breaches without scanning every entry.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema.createIndex("history_event_at").on("history").columns(["event", "at"]).execute();
}
