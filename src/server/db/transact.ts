// Transactions with retry: a lost optimistic guard, a PostgreSQL serialization failure or a
// deadlock re-runs the whole unit of work, which re-reads and re-judges from scratch.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Kysely, Transaction } from "kysely";
import { notedTopics } from "./commit-signal.ts";
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

/**
 * Work that commits or rolls back with every unit of work of one request: the Idempotency-Key's
 * record (src/server/http/idempotency.ts), set around a request's handler; absent elsewhere.
 */
export interface UnitOfWorkHook {
  /** What this unit of work committed in an earlier, crashed run of the request, as JSON. */
  replay(): string | undefined;
  /** Inside the transaction, after the work: throwing rolls the work back. */
  beforeCommit(trx: Transaction<DB>, result: unknown): Promise<void>;
  afterCommit(): void;
}

export const unitOfWorkHooks = new AsyncLocalStorage<UnitOfWorkHook>();

export async function transact<T>(db: Db, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  const hook = unitOfWorkHooks.getStore();
  const replayed = hook?.replay();
  // The result this very work committed before: what it returned then, as plain JSON.
  if (replayed !== undefined) return JSON.parse(replayed);
  for (let attempt = 1; ; attempt++) {
    try {
      let ran: Transaction<DB> | undefined;
      const result = await db.kysely.transaction().execute(async (trx) => {
        ran = trx;
        const r = await work(trx);
        await hook?.beforeCommit(trx, r);
        return r;
      });
      hook?.afterCommit();
      // After the commit: a waiting notifier looks for new outbox rows now rather than at its poll.
      db.commits.committed(ran ? notedTopics(ran) : null);
      return result;
    } catch (err) {
      if (attempt >= ATTEMPTS || !isWriteConflict(err)) throw err;
    }
  }
}

export type Executor = Kysely<DB>;
