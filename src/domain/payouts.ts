// The payout statement lifecycle (RULES.md §12, API.md §5), written once:
// calculated -> approved -> paid, moved by the program admin; the statement's organisation may
// dispute a line while the statement is not paid, and the programme resolves the dispute with a
// reply. Use cases ask `judgeStatementAction`; every statement answer carries
// `statementAllowedActions` for its caller. Pure: no I/O.
import {
  mayDisputeLine,
  mayResolvePayoutDisputes,
  mayRunPayouts,
  type StatementOwner,
} from "./policies/incentives.ts";
import type { Subject } from "./policies/subject.ts";
import type { OpenLineDispute, Refusal } from "./refusal.ts";

export const STATEMENT_STATUSES = ["calculated", "approved", "paid"] as const;
export type StatementStatus = (typeof STATEMENT_STATUSES)[number];

/**
 * Action names as in the action paths (`/approve`, `/paid`, `/lines/{id}/dispute`,
 * `/lines/{id}/resolve-dispute`).
 */
export const STATEMENT_ACTIONS = ["approve", "paid", "dispute-line", "resolve-line-dispute"] as const;
export type StatementAction = (typeof STATEMENT_ACTIONS)[number];

/** How the programme answers a disputed line: `accepted` sets the line's amount, `rejected` keeps it. */
export const LINE_DISPUTE_OUTCOMES = ["accepted", "rejected"] as const;
export type LineDisputeOutcome = (typeof LINE_DISPUTE_OUTCOMES)[number];
/** A disputed line's dispute as the partner and the programme read it. */
export const LINE_DISPUTE_STATUSES = ["open", ...LINE_DISPUTE_OUTCOMES] as const;

/** What the lifecycle needs to know of a statement. */
export interface StatementFacts extends StatementOwner {
  status: StatementStatus;
  /** Lines disputed and not yet resolved (unknown: none offered). */
  openDisputes?: number;
}

interface Step {
  from: readonly StatementStatus[];
  /** The state after the action; null when the statement's own state does not move. */
  to: StatementStatus | null;
  may: (s: Subject, statement: StatementFacts) => boolean;
  /** Listed among the allowed actions only when this holds (it may still be judged without). */
  offered?: (statement: StatementFacts) => boolean;
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
  "resolve-line-dispute": {
    from: ["calculated", "approved"],
    // An accepted dispute that changes an approved statement's total sends it back to calculated
    // (`statusAfterResolution`); otherwise the state stays.
    to: null,
    may: (s) => mayResolvePayoutDisputes(s),
    offered: (statement) => (statement.openDisputes ?? 0) > 0,
    forbidden: "the programme (program admins) resolves line disputes",
    refused: (status) => `a ${status} statement's disputes can no longer be resolved`,
  },
};

/** The actions `s` may take on the statement now, in the table's order. */
export function statementAllowedActions(statement: StatementFacts, s: Subject): StatementAction[] {
  return STATEMENT_ACTIONS.filter(
    (a) =>
      TABLE[a].from.includes(statement.status) &&
      TABLE[a].may(s, statement) &&
      (TABLE[a].offered?.(statement) ?? true),
  );
}

/** What `s` may do with one line now: flag it, and answer its dispute while that is open. */
export function lineAbilities(statement: StatementFacts, s: Subject, line: { openDispute: boolean }) {
  const may = (a: StatementAction) => TABLE[a].from.includes(statement.status) && TABLE[a].may(s, statement);
  return { dispute: may("dispute-line"), resolveDispute: line.openDispute && may("resolve-line-dispute") };
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

/**
 * Where a statement goes when one of its line disputes is resolved: an approved statement whose
 * total changes must be approved again (what was approved is no longer what would be paid).
 */
export function statusAfterResolution(status: StatementStatus, totalChanged: boolean): StatementStatus {
  return status === "approved" && totalChanged ? "calculated" : status;
}

/**
 * Approving or paying a statement with open line disputes needs the caller to say it has seen
 * them: otherwise 409 `open_line_disputes` listing them. Null when the move may go on.
 */
export function unacknowledgedDisputes(open: OpenLineDispute[], acknowledged: boolean): Refusal | null {
  if (open.length === 0 || acknowledged) return null;
  return {
    code: "open_line_disputes",
    detail: `${open.length} line(s) of this statement are disputed and not resolved; resolve them, or send acknowledgeOpenDisputes: true`,
    lines: open,
  };
}
