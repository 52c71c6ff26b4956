// Creating an accepted claims file's drafts after the answer: a chunk of rows per transaction, each
// claim through insertClaim (the create-claim use case's own write: rules, number, history and
// outbox), and the chunk's progress (`done`) in the same transaction, so GET .../imports/{id} shows
// rows done and a chunk is either wholly created and counted or not at all. The file was checked
// whole before; a row refused now (a claim filed meanwhile on the same key) rolls back its chunk and
// stops the import as failed; the chunks before it stay (docs/RULES.md).
// Nothing is lost on a crash: the rows are stored with the import, the process creating them holds
// a lease (claim-import-lease.ts), and every process, at start and every poll, takes over imports
// whose lease ran out and continues from `done` — neither duplicating nor skipping a row.
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import { mayFileInBulk } from "../../../domain/policies/claims.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import { activeUser, principalOf } from "../../auth/users.ts";
import type { AppContext, Clock } from "../../context.ts";
import type { DB } from "../../db/schema.ts";
import { transact, unitOfWorkHooks } from "../../db/transact.ts";
import type { Principal } from "../../principal.ts";
import { InputRefusal, memoLookup } from "../claim-input.ts";
import { insertClaim } from "../use-cases/create-claim.ts";
import { type ImportWork, loadWork, releaseLease, renewLease, takeExpired } from "./claim-import-lease.ts";
import { type CreatedClaim, finishImport, recordCreated } from "./claim-import-store.ts";

export const CREATE_CHUNK = 200;
export const IMPORT_LEASE_MS = 60_000;
const POLL_MS = 10_000;

export interface ClaimImportRunnerOptions {
  /** Lease times (real time, never the simulated claims clock). */
  wall: Clock;
  leaseMs?: number;
  pollMs?: number;
  /** A test seam: told after each chunk committed (a crash test stops the process there). */
  afterChunk?: (importId: string, done: number) => Promise<void>;
  onError?: (err: unknown) => void;
}

/** The filer may no longer file (disabled, moved, or another role since the file was accepted). */
class FilerRefused extends Error {}

class RowRefused extends Error {
  constructor(
    readonly line: number,
    readonly refusal: RefusalError,
  ) {
    super(`line ${line}: ${refusal.message}`);
  }
}

export class ClaimImportRunner {
  /** This process's name on the leases it holds. */
  readonly owner = randomUUID();
  readonly #ctx: AppContext;
  readonly #o: ClaimImportRunnerOptions;
  readonly #running = new Map<string, Promise<void>>();
  #timer: NodeJS.Timeout | null = null;
  #stopped = false;

  constructor(ctx: AppContext, o: ClaimImportRunnerOptions) {
    this.#ctx = ctx;
    this.#o = o;
  }

  get leaseMs(): number {
    return this.#o.leaseMs ?? IMPORT_LEASE_MS;
  }

  /** The lease an import accepted now is stored with. */
  lease(): { owner: string; until: number } {
    return { owner: this.owner, until: this.#o.wall.now() + this.leaseMs };
  }

  /** Resumes what dead processes left, now and every poll. */
  start(): void {
    const tick = () => {
      void this.resumeExpired().catch((err) => this.#o.onError?.(err));
      this.#timer = setTimeout(tick, this.#o.pollMs ?? POLL_MS);
      this.#timer.unref();
    };
    tick();
  }

  /** Creates the drafts of an import this process accepted (its lease is already ours). */
  begin(importId: string, work?: ImportWork): void {
    if (this.#stopped || this.#running.has(importId)) return;
    // Outside the request's unit of work: its Idempotency-Key recorded the acceptance, not these chunks.
    const run = unitOfWorkHooks
      .exit(() => this.#createAll(importId, work))
      .catch((err) => this.#o.onError?.(err))
      .finally(() => this.#running.delete(importId));
    this.#running.set(importId, run);
  }

  /** Takes over the imports whose lease ran out and starts them; how many it took. */
  async resumeExpired(): Promise<number> {
    if (this.#stopped) return 0;
    const now = this.#o.wall.now();
    const ids = await takeExpired(this.#ctx.db.kysely, this.owner, now, now + this.leaseMs);
    for (const id of ids) this.begin(id);
    return ids.length;
  }

  /** Resolves when this process creates nothing any more (tests: after begin or resume). */
  async idle(): Promise<void> {
    while (this.#running.size > 0) await Promise.allSettled([...this.#running.values()]);
  }

  /** Finishes the chunk in flight, then lets the leases go so the next process resumes at once. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    await this.idle();
  }

  async #createAll(importId: string, given?: ImportWork): Promise<void> {
    const work = given ?? (await loadWork(this.#ctx.db.kysely, importId));
    if (!work) return;
    try {
      while (!this.#stopped) {
        const step = await this.#chunk(importId, work);
        if (step.left === null) return;
        await this.#o.afterChunk?.(importId, step.done);
        if (step.left === 0) return;
      }
      await releaseLease(this.#ctx.db.kysely, importId, this.owner);
    } catch (err) {
      // Anything else: the lease runs out and the import is resumed.
      if (!(err instanceof RowRefused || err instanceof FilerRefused)) throw err;
      const at = this.#ctx.clock.now();
      const failure =
        err instanceof RowRefused
          ? {
              code: err.refusal.refusal.code,
              line: err.line,
              reason: err.refusal instanceof InputRefusal ? (err.refusal.reasons[0]?.reason ?? null) : null,
              message: err.message,
            }
          : { code: "filer_refused", line: null, reason: null, message: err.message };
      await finishImport(this.#ctx.db.kysely, importId, this.owner, "failed", failure, at);
    }
  }

  /** One transaction: the lease renewed, the next rows from `done` created and counted. */
  async #chunk(importId: string, work: ImportWork): Promise<{ done: number; left: number | null }> {
    const ctx = this.#ctx;
    return transact(ctx.db, async (trx) => {
      const held = await renewLease(trx, importId, this.owner, this.#o.wall.now() + this.leaseMs);
      if (!held) return { done: 0, left: null }; // another process took it over, or it ended
      const filer = await currentFiler(trx, work.principal);
      const chunk = work.rows.slice(held.done, held.done + CREATE_CHUNK);
      const lookup = memoLookup(trx);
      const made: CreatedClaim[] = [];
      for (const r of chunk) {
        try {
          const w = await insertClaim(ctx, trx, filer, r.input, null, lookup);
          made.push({ line: r.line, id: w.row.id, number: w.row.number });
        } catch (err) {
          throw err instanceof RefusalError ? new RowRefused(r.line, err) : err;
        }
      }
      await recordCreated(trx, importId, made);
      const done = held.done + made.length;
      const left = held.total - done;
      if (left <= 0) await finishImport(trx, importId, this.owner, "done", null, ctx.clock.now());
      return { done, left: Math.max(0, left) };
    });
  }
}

/**
 * The filer as the users table has them now, checked before every chunk: an import resumed after a
 * crash, or one still running when an administrator disables its filer or moves them to another
 * organisation or role, stops instead of creating drafts in their name.
 */
async function currentFiler(db: Kysely<DB>, stored: Principal): Promise<Principal> {
  if (stored.kind !== "user") return stored;
  const user = await activeUser(db, stored.id);
  const now = user ? principalOf(user) : undefined;
  if (!now || now.organizationId !== stored.organizationId || !mayFileInBulk(now))
    throw new FilerRefused(`${stored.name} can no longer file claims for this organisation`);
  return now;
}
