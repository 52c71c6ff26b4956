// The lifecycle state of one claim: everything the transition table reads and writes.
// Times are epoch milliseconds; the persistence layer stores this beside the claim's fields.
import type {
  ConsentStatus,
  DeadlineKind,
  DisputeStatus,
  InfoReason,
  RejectionReason,
  Status,
  WithdrawReason,
} from "./vocabulary.ts";

export interface Deadline {
  kind: DeadlineKind;
  dueAt: number;
  /** When the early warning fires: SLA due-soon, partner reminder, dispute-window reminder. */
  warnAt: number | null;
  warned: boolean;
  /** Only SLA deadlines stay open after firing (they flag, they do not transition). */
  fired: boolean;
}

export interface ClaimState {
  status: Status;
  /** The codes behind the current status: information-request or rejection reasons. */
  reasons: (InfoReason | RejectionReason)[];
  withdrawReason: WithdrawReason | null;
  consent: { status: ConsentStatus; endsAt: number } | null;
  dispute: { status: DisputeStatus; openedAt: number; dueAt: number } | null;
  /** Open deadlines. */
  deadlines: Deadline[];
  /** Business days the reviewer had left when the decision clock paused for an information request. */
  pausedDecisionDays: number | null;
  /** A document or comment arrived since the last information request (resubmit needs one). */
  infoAnswered: boolean;
  documentCount: number;
  /** When the claim was sent to incentive-eligibility assessment (consent passed or confirmed). */
  assessmentAt: number | null;
  /** When the claim left the programme by withdrawal after assessment (earnings stop that month). */
  withdrawnAt: number | null;
}

export function initialState(): ClaimState {
  return {
    status: "editing",
    reasons: [],
    withdrawReason: null,
    consent: null,
    dispute: null,
    deadlines: [],
    pausedDecisionDays: null,
    infoAnswered: false,
    documentCount: 0,
    assessmentAt: null,
    withdrawnAt: null,
  };
}

export function deadlineOf(state: ClaimState, kind: DeadlineKind): Deadline | undefined {
  return state.deadlines.find((d) => d.kind === kind);
}

/** A rejection that can still be disputed: window open and no dispute yet for this rejection. */
export function disputeAllowed(state: ClaimState): boolean {
  return (
    state.status === "rejected" && state.dispute === null && deadlineOf(state, "dispute_window") !== undefined
  );
}

/** Copy is the way on once a rejection can no longer be disputed and no dispute is pending. */
export function copyAllowed(state: ClaimState): boolean {
  return state.status === "rejected" && !disputeAllowed(state) && state.dispute?.status !== "open";
}

/** RULES.md §14: what sits in whose "needs action" list. */
export function partnerNeedsAction(state: ClaimState): boolean {
  return state.status === "partner_action_required" || disputeAllowed(state);
}

export function operatorNeedsAction(state: ClaimState): boolean {
  return state.status === "submitted" || state.status === "under_review" || state.dispute?.status === "open";
}
