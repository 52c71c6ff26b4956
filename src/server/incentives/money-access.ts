// Who sees which money, shared by the earnings and statement use cases: the scope of a list, and
// one statement as its caller may see it.
import { mayViewStatement, moneyScope } from "../../domain/policies/incentives.ts";
import { seesOrganization } from "../../domain/policies/subject.ts";
import { forbidden, notFound } from "../../domain/refusal.ts";
import type { AppContext, Clock } from "../context.ts";
import type { Executor } from "../db/transact.ts";
import type { Principal } from "../principal.ts";
import { findStatement, type Statement } from "./payouts.ts";
import { statementFacts } from "./statement-view.ts";

/**
 * Payout statements are real-world money events: they are stamped with the wall clock, even when
 * the claims clock is simulated (training mode moves claims, not the operator's bookkeeping).
 */
export interface MoneyContext extends AppContext {
  wall: Clock;
}

const NOT_YOURS = "earnings and payouts are for billing and global admins and program admins";

/**
 * The organisation whose money a list shows: the caller's own, or for the program admin the one
 * it asks for (null: every organisation). 403 for a caller that sees no money.
 */
export function moneyScopeOf(principal: Principal, requested?: string): string | null {
  const scope = moneyScope(principal);
  if (scope === null) throw forbidden(NOT_YOURS);
  return "all" in scope ? (requested ?? null) : scope.organizationId;
}

/** 404 for another organisation's statement, before any 403 (ids cannot be probed). */
export async function visibleStatement(db: Executor, principal: Principal, id: string): Promise<Statement> {
  const s = await findStatement(db, id);
  if (!s || !seesOrganization(principal, s.organization_id)) throw notFound(`no payout statement ${id}`);
  if (!mayViewStatement(principal, statementFacts(s))) throw forbidden(NOT_YOURS);
  return s;
}
