// Who creates an import's drafts: one process at a time holds its lease (wall-clock ms). The lease
// is taken with the acceptance, renewed at the start of every chunk's transaction (which fails the
// chunk if the lease was lost), and taken over by any process once it has run out, so an import
// whose process died resumes from `done`. PostgreSQL: the conditional UPDATE locks the row, so a
// takeover waits for a chunk in flight and then sees its renewed lease; SQLite: writers serialise.
import type { Kysely } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Principal } from "../../principal.ts";
import type { CheckedRow } from "./check-claim-rows.ts";

/** Renews the lease for a chunk; undefined when another process holds it or the import ended. */
export async function renewLease(
  db: Kysely<DB>,
  importId: string,
  owner: string,
  until: number,
): Promise<{ done: number; total: number } | undefined> {
  const row = await db
    .updateTable("claim_imports")
    .set({ lease_until: until })
    .where("id", "=", importId)
    .where("lease_owner", "=", owner)
    .where("status", "=", "running")
    .returning(["done", "total"])
    .executeTakeFirst();
  return row && { done: Number(row.done), total: Number(row.total) };
}

/** Takes over every running import whose lease ran out; the ids this process now holds. */
export async function takeExpired(
  db: Kysely<DB>,
  owner: string,
  now: number,
  until: number,
): Promise<string[]> {
  const rows = await db
    .updateTable("claim_imports")
    .set({ lease_owner: owner, lease_until: until })
    .where("status", "=", "running")
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

/** Lets the lease go at once (a stopping server), so the next process need not wait for it. */
export async function releaseLease(db: Kysely<DB>, importId: string, owner: string): Promise<void> {
  await db
    .updateTable("claim_imports")
    .set({ lease_until: 0 })
    .where("id", "=", importId)
    .where("lease_owner", "=", owner)
    .where("status", "=", "running")
    .execute();
}

export interface ImportWork {
  principal: Principal;
  rows: CheckedRow[];
}

/** What the acceptance stored: the checked rows and who filed them (written by us, in one transaction). */
export async function loadWork(db: Kysely<DB>, importId: string): Promise<ImportWork | undefined> {
  const row = await db
    .selectFrom("claim_imports")
    .select(["rows_json", "principal_json"])
    .where("id", "=", importId)
    .executeTakeFirst();
  if (!row) return undefined;
  const principal: Principal = JSON.parse(row.principal_json);
  const rows: CheckedRow[] = JSON.parse(row.rows_json);
  return { principal, rows };
}
