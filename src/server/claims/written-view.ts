// The answer to a write, built inside its transaction from the row it wrote: the body and the ETag
// of a 2xx are the version this write produced, never a later one another writer committed since
// (issue 12). Reads only what the row does not hold: eligibility once assessed, and for the
// operator the competing claims, both as this transaction sees them.
import type { BusinessCalendar } from "../../domain/calendar.ts";
import type { ClaimState } from "../../domain/claim-state.ts";
import { maySeeCompetingClaims } from "../../domain/policies/claims.ts";
import type { Status } from "../../domain/vocabulary.ts";
import type { ClaimsTable } from "../db/schema.ts";
import type { Executor } from "../db/transact.ts";
import { eligibilityOf } from "../incentives/assessment.ts";
import type { Principal } from "../principal.ts";
import { type ClaimView, claimView } from "./claim-view.ts";

/** What the claim writer wrote: the new row and the state it holds. */
export interface Written {
  row: ClaimsTable;
  state: ClaimState;
  now: number;
  /** The claim's calendar (business days left); null for a new draft, which has no deadline. */
  calendar: BusinessCalendar | null;
}

/** Other organisations' claims on this claim's association keys, in one statement. */
async function competitorsOf(db: Executor, row: ClaimsTable): Promise<ClaimView["competingClaims"]> {
  const rows = await db
    .selectFrom("claim_products as mine")
    .innerJoin("claim_products as other", "other.association_key", "mine.association_key")
    .innerJoin("claims", "claims.id", "other.claim_id")
    .select(["claims.id", "claims.number", "claims.organization_id", "claims.status"])
    .distinct()
    .where("mine.claim_id", "=", row.id)
    .where("claims.organization_id", "!=", row.organization_id)
    .orderBy("claims.id")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    organizationId: r.organization_id,
    status: r.status as Status,
  }));
}

export async function writtenView(db: Executor, principal: Principal, w: Written): Promise<ClaimView> {
  const eligibility = w.state.assessmentAt === null ? null : await eligibilityOf(db, w.row.id);
  const view = claimView(
    w.row,
    w.state,
    w.row.version,
    principal,
    w.now,
    w.calendar,
    w.row.updated_at,
    eligibility,
  );
  if (!maySeeCompetingClaims(principal)) return view;
  return { ...view, competingClaims: await competitorsOf(db, w.row) };
}
