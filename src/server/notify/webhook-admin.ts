// Registering and managing webhook endpoints. An organisation's global admin manages its own; the
// program admin manages the operator's, which hear every claim. Another owner's endpoint is 404.
import type { Kysely } from "kysely";
import { RefusalError } from "../../domain/refusal.ts";
import { randomSecret } from "../auth/secrets.ts";
import type { DB, DeliveryStatus, WebhooksTable } from "../db/schema.ts";
import { newId } from "../ids.ts";
import type { Principal } from "../principal.ts";
import { decodeIdCursor, page } from "./pages.ts";

type UserPrincipal = Extract<Principal, { kind: "user" }>;

const invalid = (field: string, message: string) =>
  new RefusalError({
    code: "validation_failed",
    detail: `${field} ${message}`,
    errors: [{ field, message }],
  });

/** Whose endpoints the caller manages: an organisation, or null for the operator's. */
export function webhookOwner(p: Principal): string | null {
  if (p.kind === "user" && p.role === "global_admin" && p.organizationId) return p.organizationId;
  if (p.kind === "user" && p.role === "program_admin") return null;
  throw new RefusalError({
    code: "forbidden",
    detail: "webhooks are managed by global admins and program admins",
  });
}

export function checkUrl(raw: string, allowHttp: boolean): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw invalid("url", "is not an absolute URL");
  }
  if (u.protocol !== "https:" && !(allowHttp && u.protocol === "http:"))
    throw invalid("url", allowHttp ? "must be http or https" : "must be https");
  if (u.username || u.password)
    throw invalid("url", "must not hold credentials; the signature authenticates us");
  if (u.hash) throw invalid("url", "must not have a fragment");
  return u.toString();
}

/** 404 for an endpoint of another owner (before any 403, as everywhere), then the role check. */
export async function findWebhook(db: Kysely<DB>, p: Principal, id: string): Promise<WebhooksTable> {
  const row = await db
    .selectFrom("webhooks")
    .selectAll()
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  const side = p.kind === "user" ? p.organizationId : undefined;
  if (!row || row.organization_id !== side)
    throw new RefusalError({ code: "not_found", detail: `no webhook ${id}` });
  webhookOwner(p);
  return row;
}

export async function createWebhook(
  db: Kysely<DB>,
  p: UserPrincipal,
  input: { url: string; events?: string[] | null; description?: string },
  allowHttp: boolean,
  now: number,
): Promise<WebhooksTable> {
  const row: WebhooksTable = {
    id: newId(),
    organization_id: webhookOwner(p),
    url: checkUrl(input.url, allowHttp),
    description: input.description ?? "",
    events: input.events ? JSON.stringify([...new Set(input.events)]) : null,
    secret: `whsec_${randomSecret()}`,
    created_by: p.id,
    created_at: now,
    disabled_at: null,
  };
  await db.insertInto("webhooks").values(row).execute();
  return row;
}

export async function listWebhooks(db: Kysely<DB>, p: Principal): Promise<WebhooksTable[]> {
  const owner = webhookOwner(p);
  let q = db.selectFrom("webhooks").selectAll().where("disabled_at", "is", null).orderBy("id");
  q = owner === null ? q.where("organization_id", "is", null) : q.where("organization_id", "=", owner);
  return q.execute();
}

export async function updateWebhook(
  db: Kysely<DB>,
  p: Principal,
  id: string,
  patch: { url?: string; events?: string[] | null; description?: string },
  allowHttp: boolean,
): Promise<WebhooksTable> {
  const row = await findWebhook(db, p, id);
  const next: WebhooksTable = {
    ...row,
    url: patch.url === undefined ? row.url : checkUrl(patch.url, allowHttp),
    events:
      patch.events === undefined
        ? row.events
        : patch.events
          ? JSON.stringify([...new Set(patch.events)])
          : null,
    description: patch.description ?? row.description,
  };
  await db
    .updateTable("webhooks")
    .set({ url: next.url, events: next.events, description: next.description })
    .where("id", "=", id)
    .execute();
  return next;
}

export async function deleteWebhook(db: Kysely<DB>, p: Principal, id: string, now: number): Promise<void> {
  await findWebhook(db, p, id);
  // Kept (disabled), so that the deliveries already recorded keep their endpoint.
  await db.updateTable("webhooks").set({ disabled_at: now }).where("id", "=", id).execute();
}

export async function rotateSecret(db: Kysely<DB>, p: Principal, id: string): Promise<string> {
  await findWebhook(db, p, id);
  const secret = `whsec_${randomSecret()}`;
  await db.updateTable("webhooks").set({ secret }).where("id", "=", id).execute();
  return secret;
}

export async function listDeliveries(
  db: Kysely<DB>,
  p: Principal,
  webhookId: string,
  f: { status?: DeliveryStatus; limit: number; cursor?: string },
) {
  await findWebhook(db, p, webhookId);
  let q = db
    .selectFrom("webhook_deliveries")
    .selectAll()
    .where("webhook_id", "=", webhookId)
    .orderBy("id", "desc")
    .limit(f.limit + 1);
  if (f.status) q = q.where("status", "=", f.status);
  const after = decodeIdCursor(f.cursor);
  if (after) q = q.where("id", "<", after);
  const { rows, nextCursor } = page(await q.execute(), f.limit);
  const attempts = rows.length
    ? await db
        .selectFrom("webhook_attempts")
        .selectAll()
        .where(
          "delivery_id",
          "in",
          rows.map((r) => r.id),
        )
        .orderBy("attempt")
        .execute()
    : [];
  return {
    rows: rows.map((r) => ({ ...r, log: attempts.filter((a) => a.delivery_id === r.id) })),
    nextCursor,
  };
}

/** Send a delivery again now, whatever became of it. */
export async function redeliver(
  db: Kysely<DB>,
  p: Principal,
  webhookId: string,
  deliveryId: string,
  now: number,
) {
  await findWebhook(db, p, webhookId);
  const res = await db
    .updateTable("webhook_deliveries")
    .set({ status: "pending", available_at: now, lease_until: null })
    .where("id", "=", deliveryId)
    .where("webhook_id", "=", webhookId)
    // One being sent right now keeps its lease: taking it over could send it twice at once.
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<=", now)]))
    .executeTakeFirst();
  if (res.numUpdatedRows === 1n) return;
  const exists = await db
    .selectFrom("webhook_deliveries")
    .select("id")
    .where("id", "=", deliveryId)
    .where("webhook_id", "=", webhookId)
    .executeTakeFirst();
  // Being sent at this moment: its own outcome and schedule apply, so there is nothing to do.
  if (!exists) throw new RefusalError({ code: "not_found", detail: `no delivery ${deliveryId}` });
}
