// The approved claims of a scope that earn nothing yet (no earning key): two queries whatever
// their number, the claims and then the ineligible assessments of those claims. Capped: the
// answer explains, it is not an export.
import type { Kysely } from "kysely";
import type { ClaimState } from "../../domain/claim-state.ts";
import type { IneligibleReason } from "../../domain/incentives.ts";
import { type NotEarningReason, whyNotEarning } from "../../domain/not-earning-yet.ts";
import { rowLimit } from "../db/row-limit.ts";
import type { DB } from "../db/schema.ts";

export const NOT_EARNING_LIMIT = 200;

export interface NotEarningItem {
  claimId: string;
  claimNumber: string;
  organizationId: string;
  customer: { name: string; domain: string; tenantId: string };
  reason: NotEarningReason;
  until: string | null;
  ineligibleReasons: IneligibleReason[];
}

export async function notEarningYetOf(
  db: Kysely<DB>,
  organizationId: string | null,
  now: number,
): Promise<NotEarningItem[]> {
  let q = db
    .selectFrom("claims as c")
    .select([
      "c.id",
      "c.number",
      "c.organization_id",
      "c.customer_name",
      "c.customer_domain",
      "c.tenant_id",
      "c.state",
    ])
    .where("c.status", "=", "approved")
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("earning_keys as k").select("k.claim_id").whereRef("k.claim_id", "=", "c.id"))),
    )
    .orderBy("c.number")
    .limit(rowLimit(NOT_EARNING_LIMIT));
  if (organizationId !== null) q = q.where("c.organization_id", "=", organizationId);
  const claims = await q.execute();
  if (claims.length === 0) return [];
  const assessments = await db
    .selectFrom("eligibility")
    .select(["claim_id", "reasons"])
    .where("status", "=", "ineligible")
    .where(
      "claim_id",
      "in",
      claims.map((c) => c.id),
    )
    .execute();
  const reasonsOf = new Map<string, IneligibleReason[][]>();
  for (const a of assessments) {
    const list = reasonsOf.get(a.claim_id) ?? [];
    list.push(JSON.parse(a.reasons) as IneligibleReason[]);
    reasonsOf.set(a.claim_id, list);
  }
  return claims.map((c) => {
    const why = whyNotEarning(JSON.parse(c.state) as ClaimState, reasonsOf.get(c.id) ?? [], now);
    return {
      claimId: c.id,
      claimNumber: c.number,
      organizationId: c.organization_id,
      customer: { name: c.customer_name, domain: c.customer_domain, tenantId: c.tenant_id },
      reason: why.reason,
      until: why.until === null ? null : new Date(why.until).toISOString(),
      ineligibleReasons: why.ineligibleReasons,
    };
  });
}
