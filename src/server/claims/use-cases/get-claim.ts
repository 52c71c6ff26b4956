// Reading claims as the caller may see them, with due deadlines applied in memory.
import type { ClaimState } from "../../../domain/claim-state.ts";
import { maySeeCompetingClaims } from "../../../domain/policies/claims.ts";
import { visibleChange } from "../../../domain/sla.ts";
import { fireDue } from "../../../domain/timers.ts";
import type { AppContext } from "../../context.ts";
import type { ClaimsTable } from "../../db/schema.ts";
import { eligibilityOf } from "../../incentives/assessment.ts";
import type { Principal } from "../../principal.ts";
import { keyHolders } from "../claim-input.ts";
import { visibleClaim } from "../claim-loader.ts";
import { type ClaimView, claimView } from "../claim-view.ts";

export async function viewRow(
  ctx: AppContext,
  principal: Principal,
  row: ClaimsTable & { calendar_id: string | null },
): Promise<ClaimView> {
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(ctx.db.kysely, row.calendar_id);
  const stored = JSON.parse(row.state) as ClaimState;
  const { state } = fireDue(stored, now, { calendar, policy: ctx.policy });
  const bumped = visibleChange(stored, state);
  const eligibility = state.assessmentAt === null ? null : await eligibilityOf(ctx.db.kysely, row.id);
  return claimView(
    row,
    state,
    row.version + (bumped ? 1 : 0),
    principal,
    now,
    bumped ? now : row.updated_at,
    eligibility,
  );
}

/** Other organisations' claims on the same association keys (the operator's side-by-side view). */
export async function competingClaims(ctx: AppContext, claimId: string) {
  const db = ctx.db.kysely;
  const keys = await db
    .selectFrom("claim_products")
    .select("association_key")
    .where("claim_id", "=", claimId)
    .execute();
  const self = await db
    .selectFrom("claims")
    .select("organization_id")
    .where("id", "=", claimId)
    .executeTakeFirst();
  const holders = await keyHolders(
    db,
    keys.map((k) => k.association_key),
    claimId,
  );
  const ids = [
    ...new Set(holders.filter((h) => h.organizationId !== self?.organization_id).map((h) => h.claimId)),
  ];
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("claims")
    .select(["id", "number", "organization_id", "status"])
    .where("id", "in", ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    organizationId: r.organization_id,
    status: r.status as ClaimView["status"],
  }));
}

export async function getClaim(ctx: AppContext, principal: Principal, id: string): Promise<ClaimView> {
  const row = await visibleClaim(ctx, principal, id);
  const view = await viewRow(ctx, principal, row);
  if (maySeeCompetingClaims(principal)) return { ...view, competingClaims: await competingClaims(ctx, id) };
  return view;
}
