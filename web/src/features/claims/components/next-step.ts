// What the claim page's action panel says, read from the claim alone: which situation the claim
// is in, which of its open deadlines says what happens if nobody acts, and which actions the
// server allows this viewer (allowedActions, never the viewer's role). Pure, so it is cheap to test.
import type { Action, Claim } from "../../../lib/api-types.ts";

export type Situation =
  | "editing"
  | "submitted"
  | "under_review"
  | "partner_action_required"
  | "consent"
  | "approved"
  | "rejected_disputable"
  | "dispute_open"
  | "rejected_final";

type DeadlineKind = Claim["deadlines"][number]["kind"];

/** The deadline whose passing matters in each situation (none where nothing is due). */
const DEADLINE_OF: Record<Situation, DeadlineKind | null> = {
  editing: null,
  submitted: "review_start",
  under_review: "decision",
  partner_action_required: "partner_response",
  consent: "consent_end",
  approved: null,
  rejected_disputable: "dispute_window",
  dispute_open: "dispute_decision",
  rejected_final: null,
};

/**
 * The actions that move a claim on, most expected first: the panel shows the first as the primary
 * button. Withdraw and edit are not next steps; they stay beside the claim's title.
 */
export const PANEL_ACTIONS: readonly Action[] = [
  "submit",
  "resubmit",
  "start-review",
  "approve",
  "request-information",
  "reject",
  "dispute",
  "overturn-dispute",
  "uphold-dispute",
  "copy",
];

export function situationOf(c: Pick<Claim, "status" | "consent" | "dispute" | "deadlines">): Situation {
  switch (c.status) {
    case "approved":
      return c.consent?.status === "running" ? "consent" : "approved";
    case "rejected":
      if (c.dispute?.status === "open") return "dispute_open";
      return c.dispute === null && c.deadlines.some((d) => d.kind === "dispute_window")
        ? "rejected_disputable"
        : "rejected_final";
    default:
      return c.status;
  }
}

export interface NextStep {
  situation: Situation;
  /** The panel's buttons for this viewer, the primary first; empty when nothing is theirs to do. */
  actions: Action[];
  deadline: Claim["deadlines"][number] | null;
}

/** What nextStep reads of a claim. */
export type StepInput = Pick<Claim, "status" | "consent" | "dispute" | "deadlines" | "allowedActions">;

export function nextStep(c: StepInput): NextStep {
  const allowed = new Set(c.allowedActions);
  const situation = situationOf(c);
  const kind = DEADLINE_OF[situation];
  return {
    situation,
    actions: PANEL_ACTIONS.filter((a) => allowed.has(a)),
    deadline: (kind && c.deadlines.find((d) => d.kind === kind)) || null,
  };
}

/** Reason codes of an information request are to be addressed; a rejection's are only given. */
export const isRequest = (kind: NonNullable<Claim["latestMessage"]>["kind"]) =>
  kind === "information_request";
