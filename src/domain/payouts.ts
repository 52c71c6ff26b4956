// The payout statement lifecycle (RULES.md §12, API.md §5), written once:
// calculated -> approved -> paid, moved by the program admin; the statement's organisation may
// dispute a line while the statement is not paid. Use cases ask `judgeStatementAction`; every
// statement answer carries `statementAllowedActions` for its caller. Pure: no I/O.
import { mayDisputeLine, mayRunPayouts, type StatementOwner } from "./policies/incentives.ts";
import type { Subject } from "./policies/subject.ts";
import type { Refusal } from "./refusal.ts";

export const STATEMENT_STATUSES = ["calculated", "approved", "paid"] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/** Action names as in the action paths (`/approve`, `/paid`, `/lines/{id}/dispute`). */
export const STATEMENT_ACTIONS = ["approve", "paid", "dispute-line"] as const;
export type StatementAction = (typeof STATEMENT_ACTIONS)[number];

/** What the lifecycle needs to know of a statement. */
export interface StatementFacts extends StatementOwner {
  status: StatementStatus;
}

interface Step {
  from: readonly StatementStatus[];
  /** The state after the action; null when the statement's own state does not move. */
  to: StatementStatus | null;
  may: (s: Subject, statement: StatementFacts) => boolean;
  forbidden: string;
  refused: (status: StatementStatus) => string;
}

const TABLE: Record<StatementAction, Step> = {
  approve: {
    from: ["calculated"],
    to: "approved",
    may: (s) => mayRunPayouts(s),
    forbidden: "this is for program admins",
    refused: (status) => `a ${status} statement cannot become approved; it must be calculated`,
  },
  paid: {
    from: ["approved"],
    to: "paid",
    may: (s) => mayRunPayouts(s),
    forbidden: "this is for program admins",
    refused: (status) => `a ${status} statement cannot become paid; it must be approved`,
  },
  "dispute-line": {
    from: ["calculated", "approved"],
    to: null,
    may: mayDisputeLine,
    forbidden: "billing and global admins of the organisation dispute lines",
    refused: (status) => `a ${status} statement's lines can no longer be disputed`,
  },
};

/** The actions `s` may take on the statement now, in the table's order. */
export function statementAllowedActions(statement: StatementFacts, s: Subject): StatementAction[] {
  return STATEMENT_ACTIONS.filter(
    (a) => TABLE[a].from.includes(statement.status) && TABLE[a].may(s, statement),
  );
}

export type StatementJudgement = { ok: true; to: StatementStatus } | { ok: false; refusal: Refusal };

/**
 * Whether `s` may take `action` on the statement: 403 for a caller the action is not for, then
 * 409 `invalid_transition` naming the state and what the caller may do instead.
 */
export function judgeStatementAction(
  statement: StatementFacts,
  action: StatementAction,
  s: Subject,
): StatementJudgement {
  const step = TABLE[action];
  if (!step.may(s, statement)) return { ok: false, refusal: { code: "forbidden", detail: step.forbidden } };
  if (!step.from.includes(statement.status))
    return {
      ok: false,
      refusal: {
        code: "invalid_transition",
        detail: step.refused(statement.status),
        state: statement.status,
        allowedActions: statementAllowedActions(statement, s),
      },
    };
  return { ok: true, to: step.to ?? statement.status };
}
