// Registering and managing webhook endpoints. An organisation's global admin manages its own; the
// program admin manages the operator's, which hear every claim. Another owner's endpoint is 404.
import { mayManageWebhooks, webhookOwnerOf } from "../../../domain/policies/notify.ts";
import { forbidden } from "../../../domain/refusal.ts";
import { randomSecret } from "../../auth/secrets.ts";
import type { WebhooksTable } from "../../db/schema.ts";
import { transact } from "../../db/transact.ts";
import { newId } from "../../ids.ts";
import type { Principal } from "../../principal.ts";
import { resumeEndpoint as closeBreaker } from "../breaker.ts";
import { acceptUrl, loadEndpoint } from "./endpoint-access.ts";
import { type EndpointView, endpointView } from "./endpoint-view.ts";
import type { NotifyContext } from "./notify-context.ts";

export interface EndpointInput {
  url?: string;
  events?: string[] | null;
  description?: string;
}

const refusal = () => forbidden("webhooks are managed by global admins and program admins");
const newSecret = () => `whsec_${randomSecret()}`;
const eventsJson = (events: string[] | null | undefined) =>
  events ? JSON.stringify([...new Set(events)]) : null;

/** The owner whose endpoints `p` manages, or a 403. */
function ownerOrRefuse(p: Principal): string | null {
  const owner = mayManageWebhooks(p) ? webhookOwnerOf(p) : undefined;
  if (owner === undefined) throw refusal();
  return owner;
}

export async function listEndpoints(ctx: NotifyContext, p: Principal): Promise<EndpointView[]> {
  const owner = ownerOrRefuse(p);
  let q = ctx.app.db.kysely.selectFrom("webhooks").selectAll().where("disabled_at", "is", null).orderBy("id");
  q = owner === null ? q.where("organization_id", "is", null) : q.where("organization_id", "=", owner);
  return (await q.execute()).map((w) => endpointView(p, w));
}

/** The signing secret is in this answer only. */
export async function registerEndpoint(
  ctx: NotifyContext,
  p: Principal,
  input: EndpointInput & { url: string },
): Promise<EndpointView & { secret: string }> {
  const owner = ownerOrRefuse(p);
  const row: WebhooksTable = {
    id: newId(),
    organization_id: owner,
    url: await acceptUrl(ctx, input.url),
    description: input.description ?? "",
    events: eventsJson(input.events),
    secret: newSecret(),
    created_by: p.kind === "user" ? p.id : "system",
    created_at: ctx.wall.now(),
    disabled_at: null,
    consecutive_failures: 0,
    failing_since: null,
    paused_at: null,
    paused_reason: null,
  };
  await ctx.app.db.kysely.insertInto("webhooks").values(row).execute();
  return { ...endpointView(p, row), secret: row.secret };
}

export async function getEndpoint(ctx: NotifyContext, p: Principal, id: string): Promise<EndpointView> {
  return endpointView(p, await loadEndpoint(ctx.app.db.kysely, p, id));
}

export async function updateEndpoint(
  ctx: NotifyContext,
  p: Principal,
  id: string,
  patch: EndpointInput,
): Promise<EndpointView> {
  const row = await loadEndpoint(ctx.app.db.kysely, p, id);
  const next: WebhooksTable = {
    ...row,
    url: patch.url === undefined ? row.url : await acceptUrl(ctx, patch.url),
    events: patch.events === undefined ? row.events : eventsJson(patch.events),
    description: patch.description ?? row.description,
  };
  await ctx.app.db.kysely
    .updateTable("webhooks")
    .set({ url: next.url, events: next.events, description: next.description })
    .where("id", "=", id)
    .execute();
  return endpointView(p, next);
}

export async function removeEndpoint(ctx: NotifyContext, p: Principal, id: string): Promise<void> {
  await loadEndpoint(ctx.app.db.kysely, p, id);
  // Kept (disabled), so that the deliveries already recorded keep their endpoint.
  await ctx.app.db.kysely
    .updateTable("webhooks")
    .set({ disabled_at: ctx.wall.now() })
    .where("id", "=", id)
    .execute();
}

/** A new signing secret at once; a paused endpoint resumes with it (its owner has acted). */
export async function rotateEndpointSecret(ctx: NotifyContext, p: Principal, id: string): Promise<string> {
  await loadEndpoint(ctx.app.db.kysely, p, id);
  const secret = newSecret();
  await transact(ctx.app.db, async (trx) => {
    await trx.updateTable("webhooks").set({ secret }).where("id", "=", id).execute();
    await closeBreaker(trx, id);
  });
  return secret;
}

/** Attempts start again; the waiting deliveries go out on their own schedule. */
export async function resumeEndpoint(ctx: NotifyContext, p: Principal, id: string): Promise<EndpointView> {
  const row = await loadEndpoint(ctx.app.db.kysely, p, id);
  await closeBreaker(ctx.app.db.kysely, id);
  return endpointView(p, {
    ...row,
    paused_at: null,
    paused_reason: null,
    consecutive_failures: 0,
    failing_since: null,
  });
}
