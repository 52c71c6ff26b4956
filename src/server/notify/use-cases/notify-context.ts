// What the notification, mail and webhook use cases are handed: the application's context, the
// real clock (webhook and mail schedules keep real time even when the claims clock is simulated),
// and where webhooks may go.
import type { AppContext, Clock } from "../../context.ts";
import type { WebhookEgress } from "../egress.ts";

export interface NotifyContext {
  app: AppContext;
  wall: Clock;
  egress: WebhookEgress;
  /** Plain-http endpoints accepted (WEBHOOKS_ALLOW_HTTP). */
  allowHttp: boolean;
  /** For the Message-IDs shown in the mail backlog (BASE_URL). */
  baseUrl: string;
}
