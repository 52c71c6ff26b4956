// Turns outbox events into what leaves the building: one mail per recipient and template, in-app
// notifications for users, one webhook delivery per subscribed endpoint, and a "notified" entry in
// the claim's history. One transaction per batch; rows are taken with SKIP LOCKED on PostgreSQL, so
// several servers share the work and an event is expanded once.
import type { Transaction } from "kysely";
import type { ClaimState } from "../../domain/claim-state.ts";
import type { DomainEvent } from "../../domain/events.ts";
import { DEFAULT_CALENDAR } from "../../domain/holidays.ts";
import { sha256 } from "../auth/secrets.ts";
import { type ClaimWrite, type Entry, type OutboxPayload, writeClaim } from "../claims/claim-writer.ts";
import type { AppContext, Clock } from "../context.ts";
import { noteCommit, QUIET } from "../db/commit-signal.ts";
import type { Engine } from "../db/engine.ts";
import { rowLimit } from "../db/row-limit.ts";
import type { ClaimsTable, DB, OutboxTable } from "../db/schema.ts";
import { transact } from "../db/transact.ts";
import { newId } from "../ids.ts";
import { coalesces, notifyComment, queueCommentMail } from "./coalesce.ts";
import { eventDetails, planMessages } from "./plan.ts";
import { type ClaimForMail, RecipientDirectory } from "./recipients.ts";
import { consentToken } from "./secret.ts";
import { type MailParams, subjectOf } from "./templates.ts";
import { HookDirectory, webhookBody } from "./webhooks.ts";

export interface NotifyDeps {
  ctx: AppContext;
  /** Real time: when messages become due and are retried (the claims clock may be simulated). */
  wall: Clock;
  secret: Buffer;
  baseUrl: string;
}

export interface DispatchResult {
  events: number;
  mails: number;
  notifications: number;
  deliveries: number;
}

type ClaimRow = ClaimsTable & { org_name: string; time_zone: string | null; customer_locale: string | null };

export async function dispatchOutbox(deps: NotifyDeps, limit = 200): Promise<DispatchResult> {
  const { ctx } = deps;
  return transact(ctx.db, async (trx) => {
    noteCommit(trx, QUIET);
    let q = trx
      .selectFrom("outbox")
      .selectAll()
      .where("sent_at", "is", null)
      .orderBy("id")
      .limit(rowLimit(limit));
    if (ctx.db.engine === "postgres") q = q.forUpdate().skipLocked();
    const events = await q.execute();
    const result: DispatchResult = { events: events.length, mails: 0, notifications: 0, deliveries: 0 };
    if (events.length === 0) return result;

    const claims = await loadClaims(trx, [
      ...new Set(events.flatMap((e) => (e.claim_id ? [e.claim_id] : []))),
    ]);
    const productNames = new Map(
      (await trx.selectFrom("products").select(["code", "name"]).execute()).map((p) => [p.code, p.name]),
    );
    const directory = new RecipientDirectory(trx);
    const hooks = new HookDirectory(trx);
    const history = new Map<string, Entry[]>();
    const wallNow = deps.wall.now();

    for (const event of events) {
      const claim = event.claim_id ? claims.get(event.claim_id) : undefined;
      if (!claim) continue;
      const payload = JSON.parse(event.payload) as OutboxPayload;
      const record = await expand(
        deps,
        trx,
        event,
        payload,
        claim,
        { directory, hooks, productNames },
        wallNow,
        result,
      );
      // Only what reached someone is recorded; an event nobody hears of leaves no trace.
      if (record.data.webhooks === 0 && record.data.messages.every((m) => m.recipients === 0)) continue;
      const list = history.get(claim.id) ?? [];
      list.push({ event: record, actor: { kind: "system", id: null, name: "system" } });
      history.set(claim.id, list);
    }
    for (const [claimId, entries] of history) {
      const claim = claims.get(claimId);
      if (claim) await recordNotified(trx, ctx.db.engine, claim, entries, ctx.clock.now());
    }
    await trx
      .updateTable("outbox")
      .set({ sent_at: wallNow })
      .where(
        "id",
        "in",
        events.map((e) => e.id),
      )
      .execute();
    return result;
  });
}

async function loadClaims(trx: Transaction<DB>, ids: string[]): Promise<Map<string, ClaimRow>> {
  if (ids.length === 0) return new Map();
  const rows = await trx
    .selectFrom("claims")
    .innerJoin("organizations", "organizations.id", "claims.organization_id")
    .leftJoin("calendars", "calendars.id", "organizations.calendar_id")
    .leftJoin("customers", "customers.tenant_id", "claims.tenant_id")
    .selectAll("claims")
    .select([
      "organizations.name as org_name",
      "calendars.time_zone as time_zone",
      "customers.locale as customer_locale",
    ])
    .where("claims.id", "in", ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

async function expand(
  deps: NotifyDeps,
  trx: Transaction<DB>,
  event: OutboxTable,
  payload: OutboxPayload,
  claim: ClaimRow,
  lookups: { directory: RecipientDirectory; hooks: HookDirectory; productNames: Map<string, string> },
  wallNow: number,
  result: DispatchResult,
): Promise<Extract<DomainEvent, { type: "notified" }>> {
  const { directory, hooks, productNames } = lookups;
  const forMail: ClaimForMail = {
    ...claim,
    time_zone: claim.time_zone ?? DEFAULT_CALENDAR.timeZone,
    customer_locale: claim.customer_locale,
  };
  const comment = event.topic === "comment_added" ? await commentOf(trx, payload) : null;
  const messages: Extract<DomainEvent, { type: "notified" }>["data"]["messages"] = [];

  for (const planned of planMessages(event.topic, payload)) {
    let consentId: string | null = null;
    if (planned.template === "consent_request") {
      consentId = await openConsentFor(deps, trx, claim.id);
      // The period already ended (or the claim moved on) before the mail went out: nothing to ask.
      if (!consentId) continue;
    }
    const details = eventDetails(planned.template, event.topic, payload);
    const params: MailParams = {
      claimId: claim.id,
      number: claim.number,
      customer: claim.customer_name,
      tenantId: claim.tenant_id,
      partner: claim.org_name,
      activity: claim.activity,
      products: (JSON.parse(claim.products) as string[]).map((c) => productNames.get(c) ?? c),
      ...details,
      comment: comment?.body ?? details.comment,
      author: comment ? payload.actor.name : null,
      consentId,
    };
    const recipients = await directory.resolve(planned.audience, forMail, comment?.authorEmail ?? null);
    messages.push({ template: planned.template, audience: planned.audience, recipients: recipients.length });
    for (const r of recipients) {
      const mail = {
        id: newId(),
        outbox_id: event.id,
        claim_id: claim.id,
        template: planned.template,
        recipient_email: r.email,
        recipient_name: r.name,
        locale: r.locale,
        time_zone: r.timeZone,
        params: JSON.stringify(params),
        subject: subjectOf(planned.template, params, r),
        status: "pending" as const,
        attempts: 0,
        available_at: wallNow,
        created_at: wallNow,
      };
      if (!coalesces(planned.template)) {
        await trx.insertInto("mail_messages").values(mail).execute();
        result.mails += 1;
      } else if (await queueCommentMail(trx, deps.ctx.db.engine, mail, params, r, wallNow)) {
        result.mails += 1;
      }
      if (r.userId) {
        const note = {
          id: newId(),
          user_id: r.userId,
          outbox_id: event.id,
          claim_id: claim.id,
          template: planned.template,
          params: JSON.stringify({ ...params, locale: r.locale, timeZone: r.timeZone }),
          at: payload.at,
        };
        if (coalesces(planned.template))
          await notifyComment(trx, note, { ...params, locale: r.locale, timeZone: r.timeZone });
        else await trx.insertInto("notifications").values(note).execute();
        result.notifications += 1;
      }
    }
  }

  let webhooks = 0;
  for (const hook of await hooks.forEvent(claim.organization_id, event.topic)) {
    await trx
      .insertInto("webhook_deliveries")
      .values({
        id: newId(),
        webhook_id: hook.id,
        outbox_id: event.id,
        event: event.topic,
        body: webhookBody(event, payload, hook.organization_id === null),
        status: "pending",
        attempts: 0,
        available_at: wallNow,
        created_at: wallNow,
      })
      .execute();
    webhooks += 1;
  }
  result.deliveries += webhooks;
  return { type: "notified", at: 0, data: { event: event.topic, messages, webhooks } };
}

async function commentOf(trx: Transaction<DB>, payload: OutboxPayload) {
  const id = (payload.data as { commentId?: string }).commentId;
  if (!id) return null;
  const row = await trx
    .selectFrom("comments")
    .leftJoin("users", "users.id", "comments.author_id")
    .select(["comments.body", "users.email"])
    .where("comments.id", "=", id)
    .executeTakeFirst();
  return row ? { body: row.body, authorEmail: row.email } : null;
}

/** The claim's open consent request, with the hash of its link's token stored (once). */
async function openConsentFor(
  deps: NotifyDeps,
  trx: Transaction<DB>,
  claimId: string,
): Promise<string | null> {
  const open = await trx
    .selectFrom("consent_requests")
    .select(["id", "token_hash"])
    .where("claim_id", "=", claimId)
    .where("closed_at", "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!open) return null;
  if (open.token_hash === null) {
    await trx
      .updateTable("consent_requests")
      .set({ token_hash: sha256(consentToken(deps.secret, open.id)) })
      .where("id", "=", open.id)
      .execute();
  }
  return open.id;
}

/** RULES.md §10: the history shows every notification. Nothing else about the claim changes. */
async function recordNotified(
  trx: Transaction<DB>,
  engine: Engine,
  claim: ClaimRow,
  entries: Entry[],
  at: number,
) {
  // Re-read: the batch may hold several events of one claim, and the guard needs the latest revision.
  // Locked on PostgreSQL, as every writer of a claim holds it: the writer's one statement inserts
  // the history rows beside its guarded UPDATE, so the guard must not be able to fail there (a
  // comment committed in between would make the rows collide on their sequence number).
  let read = trx.selectFrom("claims").selectAll().where("id", "=", claim.id);
  if (engine === "postgres") read = read.forUpdate();
  const fresh = await read.executeTakeFirstOrThrow();
  const state = JSON.parse(fresh.state) as ClaimState;
  const stamped = entries.map((e) => ({ ...e, event: { ...e.event, at } as DomainEvent }));
  const write: ClaimWrite = { row: fresh, before: state, after: state, entries: stamped, now: at, engine };
  await writeClaim(trx, write);
}
