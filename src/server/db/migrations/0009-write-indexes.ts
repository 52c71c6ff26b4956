// Fewer indexes for every claim write to keep (issue 13, transitions). `claims_queue`
// (operator_action, sla_due_at) overlaps `claims_operator_action` (operator_action, updated_at, id)
// on its leading column: the review queue filters on operator_action and sorts by
// coalesce(sla_due_at, …), an order neither index gives, so it is served as well by the other one,
// and a change of a claim's SLA deadline no longer rewrites an index entry. The indexes the
// dashboard list reads (list-claims.ts: organisation, status, needs-action, tenant, created and
// updated orders) are left as they are.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  // Dropping an index also drops its SQLite statistics: no ANALYZE needed.
  await db.schema.dropIndex("claims_queue").ifExists().execute();
}
