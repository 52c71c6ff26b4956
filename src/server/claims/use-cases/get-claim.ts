// Reading claims as the caller may see them, with due deadlines applied in memory. A page of rows
// is viewed together: a row with nothing due costs one JSON.parse and no query; calendars,
// eligibility and competing claims are read once per page, not once per row.
import type { Kysely } from "kysely";
import type { BusinessCalendar } from "../../../domain/calendar.ts";
import type { ClaimState } from "../../../domain/claim-state.ts";
import { messageOf } from "../../../domain/messages.ts";
import { maySeeCompetingClaims, mayViewClaimIn } from "../../../domain/policies/claims.ts";
import { notFound } from "../../../domain/refusal.ts";
import { visibleChange } from "../../../domain/sla.ts";
import { fireDue, nextTimer } from "../../../domain/timers.ts";
import type { AppContext } from "../../context.ts";
import { compiledOnce } from "../../db/compiled-query.ts";
import type { DB } from "../../db/schema.ts";
import { claimPreflightFromRows } from "../../preflight/preflight-views.ts";
import type { Principal } from "../../principal.ts";
import { similarOf } from "../../similarity/similar-of.ts";
import { claimPageRow } from "../claim-page-query.ts";
import { type ClaimView, claimView, type ViewRow } from "../claim-view.ts";
import { competingClaimsOf } from "../competing-claims.ts";
import { ParsedJson } from "../parsed-json.ts";

// Views never modify a stored state (firing makes a new one), so they share frozen parses of it.
const viewedStates = new ParsedJson<ClaimState>();

/** A row to view; `calendar_id` when the query joined it, else it is read only if a timer is due. */
export type ListedRow = ViewRow & { calendar_id?: string | null };
type Eligibility = NonNullable<ClaimView["eligibility"]>;

const eligibilityOfOne = compiledOnce((db, id: string) =>
  db
    .selectFrom("eligibility")
    .select(["claim_id", "program_code", "status", "reasons"])
    .where("claim_id", "=", id)
    .orderBy("program_code"),
);
const programCodes = compiledOnce((db: Kysely<DB>) =>
  db.selectFrom("programs").select("code").orderBy("code"),
);

/**
 * Each row's calendar, or null for a row with no deadline (nothing to fire, nothing to show): the
 * joined calendar id where the query read it, else by organisation, once per page and cached.
 */
async function calendarsOf(
  ctx: AppContext,
  rows: ListedRow[],
  states: ClaimState[],
): Promise<(BusinessCalendar | null)[]> {
  const db = ctx.db.kysely;
  const byOrganization = rows.filter((r, i) => r.calendar_id === undefined && states[i]?.deadlines.length);
  const ofOrganization =
    byOrganization.length > 0
      ? await ctx.calendars.forOrganizations(
          db,
          byOrganization.map((r) => r.organization_id),
        )
      : new Map<string, BusinessCalendar>();
  // Resolved per distinct calendar, then mapped without a promise per row.
  const joined = new Map<string | null, BusinessCalendar>();
  for (const row of rows)
    if (row.calendar_id !== undefined && !joined.has(row.calendar_id))
      joined.set(row.calendar_id, await ctx.calendars.get(db, row.calendar_id));
  return rows.map((row, i) => {
    if (!states[i]?.deadlines.length) return null;
    if (row.calendar_id !== undefined) return joined.get(row.calendar_id) ?? null;
    // forOrganizations answers every id it was asked (the default calendar for an unknown one).
    return ofOrganization.get(row.organization_id) ?? null;
  });
}

type EligibilityRow = { claim_id: string; program_code: string; status: string; reasons: string[] };

async function storedEligibility(ctx: AppContext, ids: string[]): Promise<EligibilityRow[]> {
  const db = ctx.db.kysely;
  const [only] = ids;
  const rows =
    ids.length === 1 && only !== undefined
      ? await eligibilityOfOne(db, only)
      : await db
          .selectFrom("eligibility")
          .select(["claim_id", "program_code", "status", "reasons"])
          .where("claim_id", "in", ids)
          .orderBy("claim_id")
          .orderBy("program_code")
          .execute();
  return rows.map((r) => ({ ...r, reasons: JSON.parse(r.reasons) as string[] }));
}

/**
 * Eligibility per assessed claim: its stored rows (`known` when the caller read them already), or
 * every programme pending while none are.
 */
async function eligibilityOf(
  ctx: AppContext,
  ids: string[],
  known?: EligibilityRow[],
): Promise<Map<string, Eligibility>> {
  const out = new Map<string, Eligibility>();
  if (ids.length === 0) return out;
  const wanted = new Set(ids);
  for (const r of known ?? (await storedEligibility(ctx, ids))) {
    if (!wanted.has(r.claim_id)) continue;
    const list = out.get(r.claim_id) ?? [];
    list.push({ program: r.program_code, status: r.status, reasons: r.reasons });
    out.set(r.claim_id, list);
  }
  if (out.size < ids.length) {
    const programs = await programCodes(ctx.db.kysely);
    for (const id of ids)
      if (!out.has(id))
        out.set(
          id,
          programs.map((p) => ({ program: p.code, status: "pending", reasons: [] })),
        );
  }
  return out;
}

/** The views of a page of rows, in order. */
export async function viewRows(
  ctx: AppContext,
  principal: Principal,
  rows: ListedRow[],
  /** The rows' stored eligibility, where the caller's query read it with them. */
  knownEligibility?: EligibilityRow[],
): Promise<ClaimView[]> {
  const now = ctx.clock.now();
  const states = rows.map((r) => viewedStates.parse(r.state));
  const calendars = await calendarsOf(ctx, rows, states);
  // Firing is whole-state work: only for the rows with a timer due now (and no promise per row).
  const fired: ({ state: ClaimState; bumped: boolean } | null)[] = rows.map(() => null);
  const due = rows.flatMap((_, i) => {
    const next = nextTimer(states[i] as ClaimState);
    return next && next.at <= now ? [i] : [];
  });
  await Promise.all(
    due.map(async (i) => {
      const stored = states[i] as ClaimState;
      const calendar = calendars[i];
      if (!calendar) return;
      const { state } = fireDue(stored, now, { calendar, policy: ctx.policy });
      fired[i] = { state, bumped: visibleChange(stored, state) };
    }),
  );
  const assessed = rows.filter((_, i) => (fired[i]?.state ?? states[i])?.assessmentAt != null);
  const eligibility = await eligibilityOf(
    ctx,
    assessed.map((r) => r.id),
    knownEligibility,
  );
  return rows.map((row, i) => {
    const f = fired[i];
    const state = f?.state ?? (states[i] as ClaimState);
    const bumped = f?.bumped ?? false;
    return claimView(
      row,
      state,
      row.version + (bumped ? 1 : 0),
      principal,
      now,
      calendars[i] ?? null,
      bumped ? now : row.updated_at,
      eligibility.get(row.id) ?? null,
    );
  });
}

export async function viewRow(ctx: AppContext, principal: Principal, row: ListedRow): Promise<ClaimView> {
  const [view] = await viewRows(ctx, principal, [row]);
  if (!view) throw new Error("viewRows returned no view");
  return view;
}

/**
 * One claim, with what its page needs beyond a list row: the partner organisation by name, the
 * latest message (what the other side said, for the action panel), the PoE preflight summary and,
 * for the operator, the competing claims. The row and what hangs off it come in one statement.
 */
export async function getClaim(ctx: AppContext, principal: Principal, id: string): Promise<ClaimView> {
  const page = await claimPageRow(ctx.db.kysely, ctx.db.engine, id);
  const row = page?.claim;
  if (!page || !row || !mayViewClaimIn(principal, row.organization_id, row.status))
    throw notFound(`no claim ${id}`);
  const eligibility = page.eligibility.map(([program_code, status, reasons]) => ({
    claim_id: id,
    program_code,
    status,
    reasons,
  }));
  const [[view], competing, calendar] = await Promise.all([
    viewRows(ctx, principal, [row], eligibility),
    maySeeCompetingClaims(principal) ? competingClaimsOf(ctx.db.kysely, ctx.db.engine, [row]) : null,
    // Cached: the calendar the deadlines were computed with, for the history's dates.
    ctx.calendars.get(ctx.db.kysely, row.calendar_id),
  ]);
  if (!view) throw new Error("viewRows returned no view");
  const m = page.latestMessage;
  return {
    ...view,
    organization: { id: row.organization_id, name: row.organization_name },
    latestMessage:
      m === null
        ? null
        : messageOf({ event: m[0], at: Number(m[1]), actorKind: m[2], actorName: m[3], data: m[4] }),
    preflight: claimPreflightFromRows(
      page.preflights.map(([status, checks, unreadable_reason]) =>
        status === null || checks === null ? undefined : { status, checks, unreadable_reason },
      ),
    ),
    timeZone: calendar.timeZone,
    ...(competing
      ? { competingClaims: competing.get(id) ?? [], ...(await similarOf(ctx, principal, row)) }
      : {}),
  };
}
