// The notify use cases' context, built once from the HTTP dependencies.
import { WebhookEgress } from "../../notify/egress.ts";
import type { NotifyContext } from "../../notify/use-cases/notify-context.ts";
import type { HttpDeps } from "../types.ts";

export function notifyContextOf(deps: HttpDeps): NotifyContext {
  return {
    app: deps.ctx,
    wall: deps.wall,
    egress: deps.webhookEgress ?? new WebhookEgress(),
    allowHttp: deps.webhooksAllowHttp === true,
    baseUrl: deps.baseUrl ?? "http://localhost",
  };
}
