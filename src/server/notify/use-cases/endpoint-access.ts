// Reading one endpoint as the caller may see it, and judging a URL before it is stored.
import type { Kysely } from "kysely";
import { mayManageEndpoint, seesEndpoint } from "../../../domain/policies/notify.ts";
import { forbidden, invalidField, notFound } from "../../../domain/refusal.ts";
import type { DB, WebhooksTable } from "../../db/schema.ts";
import type { Principal } from "../../principal.ts";
import type { NotifyContext } from "./notify-context.ts";

/** 404 for another side's endpoint (before any 403, as everywhere), then 403 for a non-manager. */
export async function loadEndpoint(db: Kysely<DB>, p: Principal, id: string): Promise<WebhooksTable> {
  const row = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!row || !seesEndpoint(p, row.organization_id)) throw notFound(`no webhook ${id}`);
  if (!mayManageEndpoint(p, row.organization_id))
    throw forbidden("webhooks are managed by global admins and program admins");
  return row;
}

/**
 * An absolute http(s) URL without credentials or fragment, whose host is a public address or
 * resolves only to public addresses (or is allowed by WEBHOOKS_ALLOW_HOSTS). The sender judges the
 * address again at every connection: DNS may change after this.
 */
export async function acceptUrl(ctx: NotifyContext, raw: string): Promise<string> {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw invalidField("url", "is not an absolute URL");
  }
  if (u.protocol !== "https:" && !(ctx.allowHttp && u.protocol === "http:"))
    throw invalidField("url", ctx.allowHttp ? "must be http or https" : "must be https");
  if (u.username || u.password)
    throw invalidField("url", "must not hold credentials; the signature authenticates us");
  if (u.hash) throw invalidField("url", "must not have a fragment");
  const verdict = await ctx.egress.check(u);
  if (!verdict.ok)
    throw invalidField(
      "url",
      `must reach a public address: ${verdict.reason} (an operator can allow it with WEBHOOKS_ALLOW_HOSTS)`,
    );
  return u.toString();
}
