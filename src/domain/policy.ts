// Durations of the rulebook. Defaults are those of RULES.md §4; a deployment may override any of them.
import { addBusinessDays, type BusinessCalendar, days, hours } from "./calendar.ts";
import type { Deadline } from "./claim-state.ts";
import type { DeadlineKind } from "./vocabulary.ts";

export interface Policy {
  reviewStartBusinessDays: number;
  decisionBusinessDays: number;
  partnerResponseBusinessDays: number;
  /** A reminder goes out when this many business days are left to the partner's response. */
  partnerReminderBusinessDaysLeft: number;
  disputeDecisionBusinessDays: number;
  /** An SLA is due soon when at most this many business days are left. */
  dueSoonBusinessDaysLeft: number;
  consentHours: number;
  disputeWindowHours: number;
  /** A reminder goes out this long before the dispute window closes. */
  disputeReminderHours: number;
}

export const DEFAULT_POLICY: Policy = {
  reviewStartBusinessDays: 5,
  decisionBusinessDays: 5,
  partnerResponseBusinessDays: 5,
  partnerReminderBusinessDaysLeft: 2,
  disputeDecisionBusinessDays: 5,
  dueSoonBusinessDaysLeft: 1,
  consentHours: 168,
  disputeWindowHours: 720,
  disputeReminderHours: days(5) / hours(1),
};

/** A business-day deadline that warns when `warnLeft` business days are left. */
function businessDeadline(
  cal: BusinessCalendar,
  kind: DeadlineKind,
  from: number,
  n: number,
  warnLeft: number,
): Deadline {
  const dueAt = addBusinessDays(cal, from, n);
  // With k days left the warning begins where the (n - k)th business day ends.
  const warnAt = n > warnLeft ? addBusinessDays(cal, from, n - warnLeft) : from;
  return { kind, dueAt, warnAt, warned: false, fired: false };
}

export interface DeadlineFactory {
  reviewStart(from: number): Deadline;
  decision(from: number, businessDays?: number): Deadline;
  partnerResponse(from: number): Deadline;
  disputeDecision(from: number): Deadline;
  consentEnd(from: number): Deadline;
  disputeWindow(from: number): Deadline;
}

// One factory per (calendar, policy): decide() asks for one on every command and the sweeper fires
// tens of thousands of timers a second, so making six closures each time showed in its profile.
// Both are treated as immutable values: the calendar cache hands out the same object until it
// reloads the calendar, and a reloaded one gets a factory of its own.
const factories = new WeakMap<BusinessCalendar, WeakMap<Policy, DeadlineFactory>>();

export function deadlineFactory(cal: BusinessCalendar, p: Policy): DeadlineFactory {
  let byPolicy = factories.get(cal);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    factories.set(cal, byPolicy);
  }
  let made = byPolicy.get(p);
  if (!made) {
    made = makeDeadlineFactory(cal, p);
    byPolicy.set(p, made);
  }
  return made;
}

function makeDeadlineFactory(cal: BusinessCalendar, p: Policy): DeadlineFactory {
  return {
    reviewStart: (from) =>
      businessDeadline(cal, "review_start", from, p.reviewStartBusinessDays, p.dueSoonBusinessDaysLeft),
    decision: (from, n = p.decisionBusinessDays) =>
      businessDeadline(cal, "decision", from, n, p.dueSoonBusinessDaysLeft),
    partnerResponse: (from) =>
      businessDeadline(
        cal,
        "partner_response",
        from,
        p.partnerResponseBusinessDays,
        p.partnerReminderBusinessDaysLeft,
      ),
    disputeDecision: (from) =>
      businessDeadline(
        cal,
        "dispute_decision",
        from,
        p.disputeDecisionBusinessDays,
        p.dueSoonBusinessDaysLeft,
      ),
    consentEnd: (from) => ({
      kind: "consent_end",
      dueAt: from + hours(p.consentHours),
      warnAt: null,
      warned: false,
      fired: false,
    }),
    disputeWindow: (from) => {
      const dueAt = from + hours(p.disputeWindowHours);
      return {
        kind: "dispute_window",
        dueAt,
        warnAt: dueAt - hours(p.disputeReminderHours),
        warned: false,
        fired: false,
      };
    },
  };
}
