// Columns derived from a claim's state on every write, so that lists and the review queue can
// filter and sort in SQL.
import { type ClaimState, operatorNeedsAction, partnerNeedsAction } from "../../domain/claim-state.ts";
import { isSlaKind } from "../../domain/vocabulary.ts";

export function derivedColumns(state: ClaimState) {
  const sla = state.deadlines.find((d) => isSlaKind(d.kind));
  return {
    state: JSON.stringify(state),
    status: state.status,
    partner_action: partnerNeedsAction(state) ? 1 : 0,
    operator_action: operatorNeedsAction(state) ? 1 : 0,
    sla_due_at: sla?.dueAt ?? null,
  };
}
