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

  /**
   * One multi-row upsert for every changed counter, its rows in key order: the engine takes the
   * counters' locks in that order, so two writers never wait on each other crosswise. Undefined
   * when no counter changes.
   */
  upsert(db: Kysely<DB>) {
    const rows = this.take();
    if (rows.length === 0) return undefined;
    return db
      .insertInto("claim_counts")
      .values(rows)
      .onConflict((oc) =>
        oc
          .columns(["organization_id", "status"])
          .doUpdateSet((eb) => ({ n: eb("claim_counts.n", "+", eb.ref("excluded.n")) })),
      );
  }

  /** The changed counters in key order (the upsert's rows), and the deltas cleared. */
  take(): { organization_id: string; status: string; n: number }[] {
    const rows = [...this.#deltas]
      .filter(([, n]) => n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, n]) => {
        const [organization_id = "", status = ""] = key.split("\u0000");
        return { organization_id, status, n };
      });
    this.#deltas.clear();
    return rows;
  }

  async apply(db: Kysely<DB>): Promise<void> {
    await this.upsert(db)?.execute();
  }
}
