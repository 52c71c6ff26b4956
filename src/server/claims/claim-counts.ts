// The per-organisation status counters (migrations 0006, 0022): every insert of a claim and every
// status change adds its deltas here, in the writer's transaction, so the counts always equal the
// rows; a count is the sum of its slots.
//
// Why slots: on PostgreSQL the counter's upsert holds the row's lock to the end of the writer's
// transaction, so with one row per organisation and status every concurrent status change in one
// organisation waited for the one before it to commit. There each claim counts in one of SLOTS rows
// (by its id), and the fold (claim-count-fold.ts) moves those rows back into slot 0 now and then,
// so that a summary over every organisation reads about one row per counter. SQLite has one writer
// at a time whatever the rows: everything counts in slot 0 and nothing needs folding.
import type { Kysely } from "kysely";
import type { Engine } from "../db/engine.ts";
import type { DB } from "../db/schema.ts";

export const SLOTS = 16;

/** The slot a claim counts in: 0 on SQLite; on PostgreSQL 1..SLOTS, by FNV-1a of its id. */
export function countSlot(engine: Engine, claimId: string): number {
  if (engine === "sqlite") return 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < claimId.length; i++) h = Math.imul(h ^ claimId.charCodeAt(i), 0x01000193);
  return 1 + ((h >>> 0) % SLOTS);
}

export interface CountRow {
  organization_id: string;
  status: string;
  slot: number;
  n: number;
}

export class CountDeltas {
  readonly #deltas = new Map<string, CountRow>();

  constructor(private readonly engine: Engine) {}

  add(claimId: string, organizationId: string, status: string, by: number): void {
    const slot = countSlot(this.engine, claimId);
    // Slots are written as two digits so that the keys sort the same way as the slot numbers.
    const key = `${organizationId}\u0000${status}\u0000${String(slot).padStart(2, "0")}`;
    const row = this.#deltas.get(key) ?? { organization_id: organizationId, status, slot, n: 0 };
    row.n += by;
    this.#deltas.set(key, row);
  }

  move(claimId: string, organizationId: string, from: string, to: string): void {
    if (from === to) return;
    this.add(claimId, organizationId, from, -1);
    this.add(claimId, organizationId, to, 1);
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
          .columns(["organization_id", "status", "slot"])
          .doUpdateSet((eb) => ({ n: eb("claim_counts.n", "+", eb.ref("excluded.n")) })),
      );
  }

  /** The changed counters in key order (the upsert's rows), and the deltas cleared. */
  take(): CountRow[] {
    const rows = [...this.#deltas]
      .filter(([, r]) => r.n !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, r]) => r);
    this.#deltas.clear();
    return rows;
  }

  async apply(db: Kysely<DB>): Promise<void> {
    await this.upsert(db)?.execute();
  }
}
