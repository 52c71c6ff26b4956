// Transactions with retry: a lost optimistic guard, a PostgreSQL serialization failure or a
// deadlock re-runs the whole unit of work, which re-reads and re-judges from scratch.
import type { Kysely, Transaction } from "kysely";
import { ConcurrentWriteError } from "./concurrent-write-error.ts";
import type { Db } from "./engine.ts";
import type { DB } from "./schema.ts";

const RETRYABLE_PG_CODES = new Set(["40001", "40P01"]);
const ATTEMPTS = 5;

/** A lost race with another writer: worth running again, not worth an error report. */
export function isWriteConflict(err: unknown): boolean {
  if (err instanceof ConcurrentWriteError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && (RETRYABLE_PG_CODES.has(code) || code === "SQLITE_BUSY");
}

export async function transact<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await db.kysely.transaction().execute(work);
      // After the commit: a waiting notifier looks for new outbox rows now rather than at its poll.
      db.commits.committed();
      return result;
    } catch (err) {
      if (attempt >= ATTEMPTS || !isWriteConflict(err)) throw err;
    }
  }
}

export type Executor = Kysely<DB>;
