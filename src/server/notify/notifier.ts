// The notifier inside each server process: expands the outbox, sends due mail, delivers due
// webhooks. Safe beside other servers (SKIP LOCKED and leases). It sleeps until there is work: a
// commit in this process wakes it (db.commits), another process's commit too (PostgreSQL NOTIFY;
// SQLite's data_version, read every NOTIFY_INTERVAL_SECONDS), and so does the time the next retry
// falls due; a safety poll every minute covers anything else. Idle, it costs no queries.
// Tests call runOnce() instead of waiting for it.

import type { AppContext, Clock } from "../context.ts";
import { retryConflicts } from "./conflict-retry.ts";
import { type DispatchResult, dispatchOutbox } from "./dispatcher.ts";
import type { WebhookEgress } from "./egress.ts";
import { nextDueAt } from "./lease.ts";
import { type SendResult, sendDueMail } from "./mail-sender.ts";
import type { MailTransport } from "./mail-transport.ts";
import { type DeliveryResult, deliverDueWebhooks } from "./webhook-sender.ts";

export interface NotifierLog {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  debug(obj: object, msg: string): void;
}

export interface NotifierOptions {
  ctx: AppContext;
  wall: Clock;
  secret: Buffer;
  baseUrl: string;
  from: string;
  transport: MailTransport;
  log: NotifierLog;
  afterSend?: (messageId: string) => Promise<void>;
  /** Where webhook calls may go (default: public addresses only). */
  egress?: WebhookEgress;
  /**
   * Called after each round the notifier runs by itself (started, woken), so that a caller can
   * wait for one; null when the round failed (it was logged).
   */
  onRound?: (round: NotifyRound | null) => void;
}

export interface NotifyRound {
  dispatched: DispatchResult;
  mail: SendResult;
  webhooks: DeliveryResult;
}

const MAX_BATCHES = 20;
/** Events per dispatch transaction: on SQLite a transaction holds the only connection. */
const DISPATCH_BATCH = 50;
const SAFETY_POLL_MS = 60_000;
/** A burst of commits wakes one round, not one round per commit. */
const COALESCE_MS = 20;

const pause = () => new Promise<void>((r) => setImmediate(r));

export class Notifier {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #nextAt = 0;
  #unsubscribe: (() => void) | null = null;

  constructor(private readonly o: NotifierOptions) {}

  /**
   * One round: everything due now, in batches that yield to requests between them, bounded. Its own
   * commits (dispatch, deliveries' outcomes) note QUIET: they must not wake it again.
   */
  async runOnce(): Promise<NotifyRound> {
    const round: NotifyRound = {
      dispatched: { events: 0, mails: 0, notifications: 0, deliveries: 0 },
      mail: { sent: 0, retrying: 0, failed: 0 },
      webhooks: { delivered: 0, retrying: 0, failed: 0 },
    };
    const deps = { ...this.o, db: this.o.ctx.db };
    const { log } = this.o;
    for (let i = 0; i < MAX_BATCHES && !this.#stopped; i++) {
      const d = await retryConflicts("dispatch", () => dispatchOutbox(deps, DISPATCH_BATCH), log);
      if (!d) {
        this.#again = true;
        break;
      }
      add(round.dispatched, d);
      if (d.events < DISPATCH_BATCH) break;
      await pause();
    }
    for (let i = 0; i < MAX_BATCHES && !this.#stopped; i++) {
      const m = await retryConflicts("mail", () => sendDueMail(deps), log);
      if (!m) break;
      add(round.mail, m);
      if (m.sent + m.retrying + m.failed === 0) break;
      await pause();
    }
    for (let i = 0; i < MAX_BATCHES && !this.#stopped; i++) {
      const w = await retryConflicts("webhooks", () => deliverDueWebhooks(deps), log);
      if (!w) break;
      add(round.webhooks, w);
      if (w.delivered + w.retrying + w.failed === 0) break;
      await pause();
    }
    return round;
  }

  /** Runs rounds when woken; `intervalSeconds` is how often it looks at the clock and data_version. */
  start(intervalSeconds: number): void {
    const { ctx, log } = this.o;
    this.#unsubscribe = ctx.db.commits.on(() => this.#wake());
    ctx.db
      .listenForCommits()
      .catch((err: unknown) =>
        log.info({ err }, "no LISTEN connection; other processes' commits wait for the poll"),
      );
    this.#timer = setInterval(() => {
      if (ctx.db.commits.changedElsewhere() || this.o.wall.now() >= this.#nextAt) this.#wake();
    }, intervalSeconds * 1000);
    this.#timer.unref();
    this.#wake();
  }

  #wake(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = new Promise<void>((r) => setTimeout(r, COALESCE_MS))
      .then(() => this.#tick())
      .finally(() => {
        this.#running = null;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          this.#wake();
        }
      });
  }

  async #tick(): Promise<void> {
    const { log, wall, ctx } = this.o;
    this.#again = false;
    let round: NotifyRound | null = null;
    try {
      const r = await this.runOnce();
      round = r;
      if (r.mail.sent + r.mail.failed + r.webhooks.delivered + r.webhooks.failed > 0)
        log.info({ mail: r.mail, webhooks: r.webhooks }, "notifications sent");
      // Sleep until the next retry is due (or the safety poll), unless more work arrived meanwhile.
      const due = await nextDueAt(ctx.db, wall.now());
      this.#nextAt = Math.min(due ?? Number.POSITIVE_INFINITY, wall.now() + SAFETY_POLL_MS);
    } catch (err) {
      log.error({ err }, "notifier round failed");
      this.#nextAt = wall.now() + SAFETY_POLL_MS / 6;
    }
    this.o.onRound?.(round);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#unsubscribe?.();
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
    this.o.transport.close();
  }
}

function add<T extends object>(into: T, from: T): void {
  for (const k of Object.keys(from) as (keyof T)[]) (into[k] as number) += from[k] as number;
}
