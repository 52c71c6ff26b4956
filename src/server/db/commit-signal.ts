// "Something was committed": how the notifier learns of new outbox rows without polling the tables.
// In this process transact() fires it after every committed write transaction (a listener just
// checks the outbox, so it need not know what was written). Other processes hear of it on
// PostgreSQL through NOTIFY, sent only by processes that have no listener of their own (the CLI);
// on SQLite another connection's commit shows as a changed `pragma data_version`, which costs
// microseconds to read. Work that must not wake itself (the notifier's own writes) runs quietly().
import { AsyncLocalStorage } from "node:async_hooks";

const quiet = new AsyncLocalStorage<true>();

/** Runs `work` so that its commits signal nobody. */
export function quietly<T>(work: () => Promise<T>): Promise<T> {
  return quiet.run(true, work);
}

export interface CommitSignalOptions {
  /** Tells other processes (PostgreSQL: NOTIFY). */
  publish?: () => Promise<void>;
  /** Whether another process committed since the last call (SQLite: data_version). */
  changedElsewhere?: () => boolean;
}

export class CommitSignal {
  readonly #listeners = new Set<() => void>();
  readonly #o: CommitSignalOptions;
  #publishTimer: NodeJS.Timeout | null = null;
  #publishing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(o: CommitSignalOptions = {}) {
    this.#o = o;
  }

  on(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** transact() calls this after a commit. */
  committed(): void {
    if (this.#closed || quiet.getStore()) return;
    if (this.#listeners.size > 0) {
      this.notifyLocal();
      return;
    }
    // No waiter here: a server elsewhere should hear of it. Bursts of commits send one NOTIFY.
    if (this.#o.publish && !this.#publishTimer) {
      this.#publishTimer = setTimeout(() => this.#flush(), 50);
      this.#publishTimer.unref();
    }
  }

  /** What a NOTIFY from another process or a changed data_version amounts to here. */
  notifyLocal(): void {
    for (const l of this.#listeners) l();
  }

  changedElsewhere(): boolean {
    return this.#o.changedElsewhere?.() ?? false;
  }

  /** Sends what is still waiting to be sent and signals nothing more: the database closes next. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#publishTimer) this.#flush();
    await this.#publishing;
  }

  #flush(): void {
    if (this.#publishTimer) clearTimeout(this.#publishTimer);
    this.#publishTimer = null;
    const publish = this.#o.publish;
    if (!publish) return;
    this.#publishing = this.#publishing.then(() =>
      publish().catch((err: unknown) => {
        process.emitWarning(`commit NOTIFY failed: ${err instanceof Error ? err.message : String(err)}`);
      }),
    );
  }
}

export const COMMIT_CHANNEL = "claimdesk_commits";
