// Creating an accepted claims file's drafts after the answer: a chunk of rows per transaction, each
// claim through insertClaim (the create-claim use case's own write: rules, number, history and
// outbox), and the chunk's progress in the same transaction, so GET .../imports/{id} shows rows done.
// The file was checked whole before; a row refused now (a claim filed meanwhile on the same key)
// rolls back its chunk and stops the import as failed; the chunks before it stay (docs/RULES.md).
import { RefusalError } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import { transact, unitOfWorkHooks } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { memoLookup } from "../claim-input.ts";
import { insertClaim } from "../use-cases/create-claim.ts";
import type { CheckedRow } from "./check-claim-rows.ts";
import { type CreatedClaim, finishImport, recordCreated } from "./claim-import-store.ts";

export const CREATE_CHUNK = 200;

const running = new Set<Promise<void>>();

/** Lets a closing server wait for the files it is still creating. */
export async function settleClaimImports(): Promise<void> {
  await Promise.allSettled([...running]);
}

class RowRefused extends Error {
  constructor(
    readonly line: number,
    readonly refusal: RefusalError,
  ) {
    super(`line ${line}: ${refusal.message}`);
  }
}

export function startCreating(
  ctx: AppContext,
  principal: Principal,
  importId: string,
  rows: CheckedRow[],
): void {
  // Outside the request's unit of work: its Idempotency-Key recorded the acceptance, not these chunks.
  const work = unitOfWorkHooks.exit(() => createAll(ctx, principal, importId, rows));
  running.add(work);
  void work.finally(() => running.delete(work));
}

async function createAll(ctx: AppContext, principal: Principal, importId: string, rows: CheckedRow[]) {
  try {
    for (let i = 0; i < rows.length; i += CREATE_CHUNK) {
      const chunk = rows.slice(i, i + CREATE_CHUNK);
      await transact(ctx.db, async (trx) => {
        const lookup = memoLookup(trx);
        const made: CreatedClaim[] = [];
        for (const r of chunk) {
          try {
            const w = await insertClaim(ctx, trx, principal, r.input, null, lookup);
            made.push({ line: r.line, id: w.row.id, number: w.row.number });
          } catch (err) {
            throw err instanceof RefusalError ? new RowRefused(r.line, err) : err;
          }
        }
        await recordCreated(trx, importId, made);
      });
    }
    await finishImport(ctx.db.kysely, importId, "done", null, ctx.clock.now());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    await finishImport(ctx.db.kysely, importId, "failed", message, ctx.clock.now()).catch(() => {});
  }
}
