// The customer's side of consent (RULES.md §8): what the link shows, and deny or confirm.
// The token is the credential; the database knows only its hash. A link answers 404 when it is not
// one of ours, 410 once its period ended, the claim was decided otherwise or withdrawn, and replays
// an identical decision without recording anything new.
import { notFound, RefusalError } from "../../domain/refusal.ts";
import { consentOpen } from "../../domain/transitions.ts";
import { sha256 } from "../auth/secrets.ts";
import { prepareClaim, selectClaim } from "../claims/claim-loader.ts";
import { customerDecision } from "../claims/use-cases/customer-decision.ts";
import type { AppContext } from "../context.ts";
import type { ConsentRequestsTable } from "../db/schema.ts";

export type Decision = "deny" | "confirm";

export interface ConsentView {
  /** open: the customer may answer; denied/confirmed: answered through this link; closed: 410. */
  state: "open" | "denied" | "confirmed" | "closed";
  claimNumber: string;
  partner: string;
  customer: { name: string; tenantId: string; domain: string };
  activity: string;
  products: { code: string; name: string }[];
  endsAt: number;
  decidedAt: number | null;
  /** The customer contact's language, if the claim names one. */
  contactLocale: string | null;
  /** For the page: dates in the claim calendar's zone. */
  timeZone: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

async function requestOf(ctx: AppContext, token: string): Promise<ConsentRequestsTable> {
  const row = TOKEN.test(token)
    ? await ctx.db.kysely
        .selectFrom("consent_requests")
        .selectAll()
        .where("token_hash", "=", sha256(token))
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound("this consent link is not valid");
  return row;
}

const closed = () =>
  new RefusalError({
    code: "consent_closed",
    detail: "the consent period of this claim is over, or the claim changed",
  });

export async function viewConsent(ctx: AppContext, token: string): Promise<ConsentView> {
  const request = await requestOf(ctx, token);
  const db = ctx.db.kysely;
  const row = await selectClaim(ctx, db, request.claim_id);
  if (!row) throw notFound("this consent link is not valid");
  // Judged as of now: a period that ended before the sweeper ran is over all the same.
  const loaded = await prepareClaim(ctx, db, row);
  const stillRunning =
    request.closed_at === null &&
    consentOpen(loaded.state) &&
    loaded.state.consent?.endsAt === request.ends_at;
  const org = await db
    .selectFrom("organizations")
    .leftJoin("calendars", "calendars.id", "organizations.calendar_id")
    .select(["organizations.name", "calendars.time_zone"])
    .where("organizations.id", "=", row.organization_id)
    .executeTakeFirstOrThrow();
  const codes = JSON.parse(row.products) as string[];
  const names = new Map(
    (await db.selectFrom("products").select(["code", "name"]).where("code", "in", codes).execute()).map(
      (p) => [p.code, p.name],
    ),
  );
  const contact = JSON.parse(row.customer_contact) as { locale?: string | null };
  return {
    state:
      request.decision === "deny"
        ? "denied"
        : request.decision === "confirm"
          ? "confirmed"
          : stillRunning
            ? "open"
            : "closed",
    claimNumber: row.number,
    partner: org.name,
    customer: { name: row.customer_name, tenantId: row.tenant_id, domain: row.customer_domain },
    activity: row.activity,
    products: codes.map((code) => ({ code, name: names.get(code) ?? code })),
    endsAt: request.ends_at,
    decidedAt: request.decided_at,
    contactLocale: contact.locale ?? null,
    timeZone: org.time_zone ?? "UTC",
  };
}

/** Deny or confirm through the link. Answers the view after the decision. */
export async function decideConsent(
  ctx: AppContext,
  token: string,
  decision: Decision,
  comment: string | null,
): Promise<ConsentView> {
  const request = await requestOf(ctx, token);
  if (request.decision === null) {
    if (request.closed_at !== null) throw closed();
    const claim = await ctx.db.kysely
      .selectFrom("claims")
      .select("customer_contact")
      .where("id", "=", request.claim_id)
      .executeTakeFirstOrThrow();
    const contactName = (JSON.parse(claim.customer_contact) as { name: string }).name;
    try {
      await customerDecision(
        ctx,
        request.claim_id,
        decision,
        { name: contactName, comment },
        async (trx, now) => {
          // Recorded with the transition, in its transaction: a retried request finds it and replays.
          const res = await trx
            .updateTable("consent_requests")
            .set({ decision, decided_at: now, comment })
            .where("id", "=", request.id)
            .where("decision", "is", null)
            .where("ends_at", "=", request.ends_at)
            .executeTakeFirst();
          if (res.numUpdatedRows !== 1n) throw closed();
        },
      );
    } catch (err) {
      // The claim no longer takes a customer decision (period over as of now, withdrawn, rejected),
      // unless what took it was this same answer sent twice at once: that one replays below.
      if (!(err instanceof RefusalError && err.refusal.code === "invalid_transition")) throw err;
    }
  }
  const view = await viewConsent(ctx, token);
  const recorded = view.state === "denied" ? "deny" : view.state === "confirmed" ? "confirm" : null;
  // The other answer after a decision: the request is closed for it.
  if (recorded !== decision) throw closed();
  return view;
}
