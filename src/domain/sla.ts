// The operator SLA shown beside a claim: computed from its open SLA deadline and the clock.
import type { ClaimState } from "./claim-state.ts";
import { type DeadlineState, deadlineState } from "./deadline-view.ts";
import { isSlaKind, type SlaKind } from "./vocabulary.ts";

export interface SlaView {
  kind: SlaKind;
  dueAt: number;
  state: DeadlineState;
}

export function slaOf(state: ClaimState, now: number): SlaView | null {
  for (const d of state.deadlines) {
    if (!isSlaKind(d.kind)) continue;
    return { kind: d.kind, dueAt: d.dueAt, state: deadlineState(d, now) };
  }
  return null;
}

/** Whether a change between two states is visible in the claim's JSON (and so bumps its version). */
export function visibleChange(a: ClaimState, b: ClaimState): boolean {
  // Most changes move the status; only the others need the serialised comparison.
  if (a.status !== b.status) return true;
  const view = (s: ClaimState) =>
    JSON.stringify([
      s.status,
      s.reasons,
      s.withdrawReason,
      s.consent,
      s.dispute,
      s.deadlines.map((d) => [d.kind, d.dueAt]),
      s.assessmentAt,
    ]);
  return view(a) !== view(b);
}
