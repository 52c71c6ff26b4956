// Runs pending preflights after their commit: woken by every commit that queued one (and by a slow
// poll, for other processes' rows and leases that ran out), it leases a pending row, reads the
// document's bytes in the worker pool, checks the text against the claim, and writes the result
// only if nobody asked for a newer run meanwhile. A row left pending by a crash (or a stop) is found
// again at the next start or when its lease runs out: nothing is lost, and a re-read is harmless.
import { buffer } from "node:stream/consumers";
import { normalizeText, runPreflightChecks } from "../../domain/preflight/index.ts";
import type { AppContext, Clock } from "../context.ts";
import { rowLimit } from "../db/row-limit.ts";
import { fingerprintDocument } from "../similarity/fingerprints.ts";
import { extractDocument } from "./extract.ts";
import { type Extraction, ExtractPool } from "./extract-pool.ts";
import { preflightClaim } from "./preflight-input.ts";
import { PREFLIGHT_TOPIC } from "./preflight-queue.ts";
import { unreadableReason } from "./unreadable-reasons.ts";

/** The normalised text kept per document (similarity needs the gist, not every page). */
export const NORMALIZED_TEXT_CAP = 200_000;
const LEASE_MS = 60_000;
const POLL_MS = 5_000;
const BATCH = 20;

export interface PreflightRunnerOptions {
  /** Lease times; the checks' "now" is the claims clock (ctx.clock). */
  wall: Clock;
  pool?: ExtractPool;
  pollMs?: number;
  /** Told after each document's result is written (tests, metrics). */
  onDone?: (documentId: string, ms: number) => void;
  onError?: (err: unknown) => void;
}

export class PreflightRunner {
  readonly #ctx: AppContext;
  readonly #o: PreflightRunnerOptions;
  readonly #pool: ExtractPool;
  readonly #ownPool: boolean;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #timer: NodeJS.Timeout | null = null;
  #unlisten: (() => void) | null = null;

  constructor(ctx: AppContext, o: PreflightRunnerOptions) {
    this.#ctx = ctx;
    this.#o = o;
    this.#ownPool = !o.pool;
    this.#pool = o.pool ?? new ExtractPool();
  }

  start(): void {
    // Only commits that queued a read (or that another process made: unknown) can have work.
    this.#unlisten = this.#ctx.db.commits.on((topics) => {
      if (topics === null || topics.has(PREFLIGHT_TOPIC)) this.wake();
    });
    const tick = () => {
      this.wake();
      this.#timer = setTimeout(tick, this.#o.pollMs ?? POLL_MS);
      this.#timer.unref();
    };
    tick();
  }

  /** Look for pending rows now (coalesced: one pass at a time, one more if woken meanwhile). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#drain().finally(() => {
      this.#running = null;
      if (this.#again && !this.#stopped) {
        this.#again = false;
        this.wake();
      }
    });
  }

  /** Resolves when no pass is running (tests: after a wake, the rows it saw are done). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unlisten?.();
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#ownPool) await this.#pool.close();
    await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      for (;;) {
        const rows = await this.#pending();
        if (rows.length === 0 || this.#stopped) return;
        let progressed = false;
        for (const row of rows) {
          if (this.#stopped) return;
          if (await this.#runOne(row.document_id, row.generation)) progressed = true;
        }
        if (!progressed) return;
      }
    } catch (err) {
      this.#o.onError?.(err);
    }
  }

  #pending() {
    const now = this.#o.wall.now();
    return this.#ctx.db.kysely
      .selectFrom("document_preflights")
      .select(["document_id", "generation"])
      .where("status", "=", "pending")
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
      .orderBy("updated_at")
      .limit(rowLimit(BATCH))
      .execute();
  }

  /** Leases, reads, checks and writes one document; false if another runner has it. */
  async #runOne(documentId: string, generation: number): Promise<boolean> {
    const db = this.#ctx.db.kysely;
    const started = performance.now();
    const now = this.#o.wall.now();
    // Single statements, outside transact(): they signal no commit, so the runner is not woken by
    // its own writes.
    const leased = await db
      .updateTable("document_preflights")
      .set({ lease_until: now + LEASE_MS })
      .where("document_id", "=", documentId)
      .where("generation", "=", generation)
      .where("status", "=", "pending")
      .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
      .executeTakeFirst();
    if (Number(leased.numUpdatedRows) !== 1) return false;
    const result = await this.#check(documentId);
    const written = await db
      .updateTable("document_preflights")
      .set({ ...result, lease_until: null, updated_at: this.#o.wall.now() })
      .where("document_id", "=", documentId)
      .where("generation", "=", generation)
      .executeTakeFirst();
    // Reuse detection (src/server/similarity): a done preflight's text gets its fingerprint.
    if (Number(written.numUpdatedRows) === 1 && result.normalized_text !== null)
      await fingerprintDocument(db, documentId, result.normalized_text, now);
    if (Number(written.numUpdatedRows) === 1) this.#o.onDone?.(documentId, performance.now() - started);
    return true;
  }

  async #check(documentId: string) {
    const db = this.#ctx.db.kysely;
    const doc = await db
      .selectFrom("documents")
      .select(["claim_id", "content_type", "storage_key"])
      .where("id", "=", documentId)
      .executeTakeFirst();
    const claim = doc ? await preflightClaim(db, doc.claim_id) : null;
    if (!doc || !claim) return unreadable(unreadableReason.gone());
    let extraction: Extraction;
    try {
      const bytes = new Uint8Array(await buffer(await this.#ctx.blobs.get(doc.storage_key)));
      extraction = await extractDocument(bytes, doc.content_type, this.#pool);
    } catch (err) {
      extraction = {
        unreadable: unreadableReason.loadFailed(err instanceof Error ? err.message : String(err)),
      };
    }
    if ("unreadable" in extraction) return unreadable(extraction.unreadable);
    const checks = runPreflightChecks(extraction, claim, new Date(this.#ctx.clock.now()));
    const fields = extraction.formFields.map((f) => f.value);
    const whole = [...extraction.pages.map((p) => p.text), ...fields].join("\n");
    const text = normalizeText(whole).slice(0, NORMALIZED_TEXT_CAP);
    return {
      status: "done",
      checks: JSON.stringify(checks),
      normalized_text: text,
      unreadable_reason: null,
    };
  }
}

function unreadable(reason: string) {
  return { status: "unreadable", checks: "[]", normalized_text: null, unreadable_reason: reason };
}
