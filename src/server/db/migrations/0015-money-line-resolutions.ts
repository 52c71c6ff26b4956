// The programme's answer to a disputed payout line (issue 11): who resolved it, when, the outcome
// (`accepted` with an adjusted amount, or `rejected`) and the reply the partner reads. An accepted
// line keeps the amount it was calculated at in `calculated_minor`; `earnings_minor` is what is paid.
import type { Kysely } from "kysely";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
  for (const [name, type] of [
    ["resolved_at", "bigint"],
    ["resolved_by", "text"],
    ["resolution_outcome", "text"],
    ["resolution_reply", "text"],
    ["calculated_minor", "bigint"],
  ] as const)
    await db.schema.alterTable("payout_lines").addColumn(name, type).execute();
}
