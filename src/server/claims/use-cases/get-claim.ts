// Reading one claim as the caller may see it.

import type { ClaimState } from "../../../domain/claim-state.ts";
import { RefusalError } from "../../../domain/refusal.ts";
import { visibleChange } from "../../../domain/sla.ts";
import { fireDue } from "../../../domain/timers.ts";
import type { AppContext } from "../../context.ts";
import { canSeeOrganization, type Principal } from "../../principal.ts";
import { selectClaim } from "../claim-loader.ts";
import { type ClaimView, claimView } from "../claim-view.ts";

export async function getClaim(ctx: AppContext, principal: Principal, id: string): Promise<ClaimView> {
  const db = ctx.db.kysely;
  const row = await selectClaim(ctx, db, id);
  if (!row || !canSeeOrganization(principal, row.organization_id)) {
    throw new RefusalError({ code: "not_found", detail: `no claim ${id}` });
  }
  const now = ctx.clock.now();
  const calendar = await ctx.calendars.get(db, row.calendar_id);
  const stored = JSON.parse(row.state) as ClaimState;
  const { state } = fireDue(stored, now, { calendar, policy: ctx.policy });
  const bumped = visibleChange(stored, state);
  return claimView(row, state, row.version + (bumped ? 1 : 0), principal, now, bumped ? now : row.updated_at);
}
