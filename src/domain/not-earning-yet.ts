// Why an approved claim earns nothing yet (RULES.md §12): still in its consent period (until
// when), past it but not yet assessed, or assessed ineligible for every programme (and why).
// Pure: the claims clock's `now` is passed in.
import type { ClaimState } from "./claim-state.ts";
import { INELIGIBLE_REASONS, type IneligibleReason } from "./incentives.ts";

export const NOT_EARNING_REASONS = ["consent_period", "pending_eligibility", "ineligible"] as const;
export type NotEarningReason = (typeof NOT_EARNING_REASONS)[number];

export interface NotEarning {
  reason: NotEarningReason;
  /** The consent period's last moment (inclusive), while it runs. */
  until: number | null;
  /** Every reason any programme gave, in the vocabulary's order (ineligible only). */
  ineligibleReasons: IneligibleReason[];
}

/**
 * For an approved claim with no earning key: `assessed` holds the reasons of each programme's
 * ineligible assessment (empty when none was stored).
 */
export function whyNotEarning(
  state: Pick<ClaimState, "consent" | "assessmentAt">,
  assessed: IneligibleReason[][],
  now: number,
): NotEarning {
  const consent = state.consent;
  if (state.assessmentAt === null) {
    // The period's end is exclusive (the first moment after it); people are told its last moment.
    if (consent?.status === "running" && consent.endsAt > now)
      return { reason: "consent_period", until: consent.endsAt - 1, ineligibleReasons: [] };
    return { reason: "pending_eligibility", until: null, ineligibleReasons: [] };
  }
  const given = new Set(assessed.flat());
  return {
    reason: "ineligible",
    until: null,
    ineligibleReasons: INELIGIBLE_REASONS.filter((r) => given.has(r)),
  };
}
