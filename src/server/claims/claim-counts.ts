// The per-organisation status counters (migration 0006): every insert of a claim and every status
// change adds its deltas here, in the writer's transaction, so the counts always equal the rows.
import type { Kysely } from "kysely";
import type { DB } from "../db/schema.ts";

export class CountDeltas {
  readonly #deltas = new Map<string, number>();

  add(organizationId: string, status: string, by: number): void {
    const key = `${organizationId}\u0000${status}`;
    this.#deltas.set(key, (this.#deltas.get(key) ?? 0) + by);
  }

  move(organizationId: string, from: string, to: string): void {
    if (from === to) return;
    this.add(organizationId, from, -1);
    this.add(organizationId, to, 1);
  }

  /** One upsert per changed counter, in key order: writers lock counters in the same order. */
  async apply(db: Kysely<DB>): Promise<void> {
    for (const [key, n] of [...this.#deltas].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (n === 0) continue;
      const [organization_id = "", status = ""] = key.split("\u0000");
      await db
        .insertInto("claim_counts")
        .values({ organization_id, status, n })
        .onConflict((oc) =>
          oc
            .columns(["organization_id", "status"])
            .doUpdateSet((eb) => ({ n: eb("claim_counts.n", "+", n) })),
        )
        .execute();
    }
    this.#deltas.clear();
  }
}
