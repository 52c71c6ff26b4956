// The notifier inside each server process: expands the outbox, sends due mail, delivers due
// webhooks, every NOTIFY_INTERVAL_SECONDS. Safe beside other servers (SKIP LOCKED and leases).
// Tests call runOnce() instead of waiting for the timer.
import type { AppContext, Clock } from "../context.ts";
import { type DispatchResult, dispatchOutbox } from "./dispatcher.ts";
import type { WebhookEgress } from "./egress.ts";
import { type SendResult, sendDueMail } from "./mail-sender.ts";
import type { MailTransport } from "./mail-transport.ts";
import { type DeliveryResult, deliverDueWebhooks } from "./webhook-sender.ts";

export interface NotifierOptions {
  ctx: AppContext;
  wall: Clock;
  secret: Buffer;
  baseUrl: string;
  from: string;
  transport: MailTransport;
  log: { error(obj: object, msg: string): void; info(obj: object, msg: string): void };
  afterSend?: (messageId: string) => Promise<void>;
  /** Where webhook calls may go (default: public addresses only). */
  egress?: WebhookEgress;
}

export interface NotifyRound {
  dispatched: DispatchResult;
  mail: SendResult;
  webhooks: DeliveryResult;
}

const MAX_BATCHES = 20;

export class Notifier {
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<unknown> | null = null;
  #stopped = false;

  constructor(private readonly o: NotifierOptions) {}

  /** One round: everything due now, in batches, bounded so that a huge backlog yields to shutdown. */
  async runOnce(): Promise<NotifyRound> {
    const round: NotifyRound = {
      dispatched: { events: 0, mails: 0, notifications: 0, deliveries: 0 },
      mail: { sent: 0, retrying: 0, failed: 0 },
      webhooks: { delivered: 0, retrying: 0, failed: 0 },
    };
    const deps = { ...this.o, db: this.o.ctx.db };
    for (let i = 0; i < MAX_BATCHES && !this.#stopped; i++) {
      const d = await dispatchOutbox(deps);
      add(round.dispatched, d);
      if (d.events === 0) break;
    }
    for (let i = 0; i < MAX_BATCHES && !this.#stopped; i++) {
      const m = await sendDueMail(deps);
      add(round.mail, m);
      if (m.sent + m.retrying + m.failed === 0) break;
    }
    for (let i = 0; i < MAX_BATCHES && !this.#stopped; i++) {
      const w = await deliverDueWebhooks(deps);
      add(round.webhooks, w);
      if (w.delivered + w.retrying + w.failed === 0) break;
    }
    return round;
  }

  start(intervalSeconds: number): void {
    const tick = () => {
      if (this.#running || this.#stopped) return;
      this.#running = this.runOnce()
        .then((r) => {
          if (r.mail.sent + r.mail.failed + r.webhooks.delivered + r.webhooks.failed > 0)
            this.o.log.info({ mail: r.mail, webhooks: r.webhooks }, "notifications sent");
        })
        .catch((err: unknown) => this.o.log.error({ err }, "notifier round failed"))
        .finally(() => {
          this.#running = null;
        });
    };
    this.#timer = setInterval(tick, intervalSeconds * 1000);
    this.#timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    await this.#running;
    this.o.transport.close();
  }
}

function add<T extends object>(into: T, from: T): void {
  for (const k of Object.keys(from) as (keyof T)[]) (into[k] as number) += from[k] as number;
}
