// "Something was committed": how the notifier learns of new outbox rows without polling the tables.
// In this process transact() fires it after every committed write transaction (a listener just
// checks the outbox, so it need not know what was written). Other processes hear of it on
// PostgreSQL through NOTIFY, sent only by processes that have no listener of their own (the CLI);
// on SQLite another connection's commit shows as a changed `pragma data_version`, which costs
// microseconds to read. A commit that must not wake anyone (the notifier's own writes) notes QUIET.
// A transaction may also name what it wrote (`noteCommit`, e.g. "preflight" for a queued PoE read),
// so that a listener interested in one kind of work skips the commits that made none: the
// preflight runner used to query for pending rows after every transition.
// Quiet by a topic, not by an AsyncLocalStorage around the notifier's round (as before): on Node 20
// the first run() of any AsyncLocalStorage turns on promise hooks for the whole process for good,
// ~3 % of a GET's CPU (`node --cpu-prof`, promiseInitHook and its kin).

/** What a commit is known to have written; null: unknown (another process, a CLI write). */
export type CommitTopics = ReadonlySet<string> | null;
export type CommitListener = (topics: CommitTopics) => void;

const noted = new WeakMap<object, Set<string>>();

/** Inside a transaction: its commit is to tell listeners it wrote `topic`. */
export function noteCommit(trx: object, topic: string): void {
  const set = noted.get(trx) ?? new Set<string>();
  set.add(topic);
  noted.set(trx, set);
}

/** What `noteCommit` recorded on this transaction (empty if nothing). */
export function notedTopics(trx: object): ReadonlySet<string> {
  return noted.get(trx) ?? EMPTY;
}
const EMPTY: ReadonlySet<string> = new Set();

/** The topic of a commit that signals nobody, here or elsewhere: the notifier's own bookkeeping. */
export const QUIET = "quiet";

export interface CommitSignalOptions {
  /** Tells other processes (PostgreSQL: NOTIFY). */
  publish?: () => Promise<void>;
  /** Whether another process committed since the last call (SQLite: data_version). */
  changedElsewhere?: () => boolean;
}

export class CommitSignal {
  readonly #listeners = new Set<CommitListener>();
  readonly #o: CommitSignalOptions;
  #publishTimer: NodeJS.Timeout | null = null;
  #publishing: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(o: CommitSignalOptions = {}) {
    this.#o = o;
  }

  on(listener: CommitListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** transact() calls this after a commit, with what the transaction noted it wrote. */
  committed(topics: CommitTopics = null): void {
    if (this.#closed || topics?.has(QUIET)) return;
    if (this.#listeners.size > 0) {
      for (const l of this.#listeners) l(topics);
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
    for (const l of this.#listeners) l(null);
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
