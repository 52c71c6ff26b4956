// The transition table of RULES.md §6 (and the editing rules of §7), on pure states.
// Default calendar (US holidays, UTC). Timeline: Mon 2026-03-02 onwards, no holidays in March.
import { describe, expect, it } from "vitest";
import { addBusinessDays, hours } from "../../src/domain/calendar.ts";
import { type ClaimState, deadlineOf, initialState } from "../../src/domain/claim-state.ts";
import type { Actor, Command, CommandOf, CommandType } from "../../src/domain/commands.ts";
import { EDITABLE_FIELDS, editableFields } from "../../src/domain/editing.ts";
import { businessCalendar, DEFAULT_CALENDAR } from "../../src/domain/holidays.ts";
import { DEFAULT_POLICY } from "../../src/domain/policy.ts";
import type { Refusal } from "../../src/domain/refusal.ts";
import { slaOf } from "../../src/domain/sla.ts";
import { fireDue, pendingTimers } from "../../src/domain/timers.ts";
import { allowedActions, type DecisionContext, decide, type Outcome } from "../../src/domain/transitions.ts";
import {
  INFO_REASONS,
  REJECTION_REASONS,
  REVIEWER_REJECTION_REASONS,
  type RejectionReason,
  ROLES,
  type Role,
  STATUSES,
  USER_VISIBLE_ACTIONS,
  type UserVisibleAction,
} from "../../src/domain/vocabulary.ts";

const calendar = businessCalendar(DEFAULT_CALENDAR);
const policy = DEFAULT_POLICY;
const timerContext = { calendar, policy };
const at = (iso: string): number => Date.parse(iso);
const iso = (ms: number): string => new Date(ms).toISOString();
const context = (now: number, facts?: DecisionContext["facts"]): DecisionContext => ({
  now,
  calendar,
  policy,
  facts,
});

const user = (role: Role): Actor => ({ kind: "user", role });
const partner = user("incentives_admin");
const globalAdmin = user("global_admin");
const billingAdmin = user("billing_admin");
const reviewer = user("reviewer");
const programAdmin = user("program_admin");
const customer: Actor = { kind: "customer" };
const system: Actor = { kind: "system" };

// The timeline (all UTC, default calendar).
const T_CREATE = at("2026-03-02T08:00:00Z"); // Mon
const T_SUBMIT = at("2026-03-02T09:00:00Z"); // Mon
const T_REVIEW = at("2026-03-03T10:00:00Z"); // Tue
const T_INFO = at("2026-03-05T10:00:00Z"); // Thu
const T_RESUBMIT = at("2026-03-09T10:00:00Z"); // Mon
const T_DECIDE = at("2026-03-10T12:00:00Z"); // Tue: approve or reject
const T_DISPUTE = at("2026-03-12T10:00:00Z"); // Thu
const T_DISPUTE_DECIDED = at("2026-03-16T10:00:00Z"); // Mon

function act(
  state: ClaimState,
  command: Command,
  actor: Actor,
  now: number,
  facts?: DecisionContext["facts"],
) {
  const d = decide(state, command, actor, context(now, facts));
  if (!d.ok) throw new Error(`${command.type} was refused: ${d.refusal.code}: ${d.refusal.detail}`);
  const outcome: Outcome = { state: d.state, events: d.events };
  return outcome;
}

const step = (state: ClaimState, command: Command, actor: Actor, now: number): ClaimState =>
  act(state, command, actor, now).state;

/** A refusal, checking that it changed nothing. */
function refused(
  state: ClaimState,
  command: Command,
  actor: Actor,
  now: number,
  facts?: DecisionContext["facts"],
): Refusal {
  const before = structuredClone(state);
  const d = decide(state, command, actor, context(now, facts));
  if (d.ok) throw new Error(`${command.type} was allowed in status ${state.status}`);
  expect(state).toEqual(before);
  return d.refusal;
}

const signedPage: CommandOf<"request-information"> = {
  type: "request-information",
  reasons: ["missing_customer_acknowledgment"],
  comment: "Please add the signed page",
};
const rejectPoe: CommandOf<"reject"> = {
  type: "reject",
  reasons: ["insufficient_poe"],
  comment: "The PoE does not show the workload",
};

// States along the timeline.
const editing = (): ClaimState => initialState();
const editingWithDocument = (): ClaimState => step(editing(), { type: "upload" }, partner, T_CREATE);
const submitted = (): ClaimState => step(editingWithDocument(), { type: "submit" }, partner, T_SUBMIT);
const underReview = (): ClaimState => step(submitted(), { type: "start-review" }, reviewer, T_REVIEW);
const actionRequired = (): ClaimState => step(underReview(), signedPage, reviewer, T_INFO);
const approved = (): ClaimState => step(underReview(), { type: "approve" }, reviewer, T_DECIDE);
const consentPassed = (): ClaimState => fireDue(approved(), T_DECIDE + hours(168), timerContext).state;
const rejected = (): ClaimState => step(underReview(), rejectPoe, reviewer, T_DECIDE);
const windowClosed = (): ClaimState => fireDue(rejected(), T_DECIDE + hours(720), timerContext).state;
const disputed = (): ClaimState =>
  step(rejected(), { type: "dispute", justification: "The signed page was attached" }, partner, T_DISPUTE);
const upheld = (): ClaimState =>
  step(disputed(), { type: "uphold-dispute", comment: "Still not enough" }, reviewer, T_DISPUTE_DECIDED);
const withdrawn = (): ClaimState =>
  step(submitted(), { type: "withdraw", reason: "other" }, partner, T_DECIDE);
const declined = (): ClaimState => step(approved(), { type: "customer-deny" }, customer, T_DECIDE + hours(1));

const SAMPLE_STATES: [string, () => ClaimState][] = [
  ["editing", editingWithDocument],
  ["submitted", submitted],
  ["under review", underReview],
  ["partner action required", actionRequired],
  ["approved, consent running", approved],
  ["approved, consent passed", consentPassed],
  ["rejected, dispute window open", rejected],
  ["rejected, dispute window closed", windowClosed],
  ["rejected, dispute open", disputed],
  ["rejected, dispute upheld", upheld],
  ["rejected by withdrawal", withdrawn],
  ["rejected by the customer", declined],
];

/** A well-formed command of every user-visible kind. */
const SAMPLE_COMMANDS: Record<UserVisibleAction, Command> = {
  submit: { type: "submit" },
  "start-review": { type: "start-review" },
  "request-information": signedPage,
  resubmit: { type: "resubmit", comment: "Added the signed page" },
  approve: { type: "approve" },
  reject: rejectPoe,
  withdraw: { type: "withdraw", reason: "no_longer_working_with_customer" },
  dispute: { type: "dispute", justification: "Please look again" },
  "uphold-dispute": { type: "uphold-dispute", comment: "Upheld" },
  "overturn-dispute": { type: "overturn-dispute", comment: "Overturned", to: "under_review" },
  copy: { type: "copy" },
  edit: { type: "edit", fields: ["products"] },
  upload: { type: "upload" },
  comment: { type: "comment" },
};

/** One command of every type, user-visible or not (a Record, so a new type must be added here). */
const ALL_COMMANDS: Command[] = Object.values({
  ...SAMPLE_COMMANDS,
  "customer-deny": { type: "customer-deny" },
  "customer-confirm": { type: "customer-confirm" },
  "competing-claim-lost": { type: "competing-claim-lost", winnerId: "claim-2" },
  fire: { type: "fire", kind: "consent_end", warn: false },
} satisfies Record<CommandType, Command>);

describe("create and Editing", () => {
  it("starts in Editing with nothing open", () => {
    const s = initialState();
    expect(s).toMatchObject({
      status: "editing",
      deadlines: [],
      documentCount: 0,
      consent: null,
      dispute: null,
    });
    expect(allowedActions(s, partner)).toEqual(["submit", "withdraw", "edit", "upload", "comment"]);
    expect(allowedActions(s, reviewer)).toEqual(["comment"]);
  });

  it("counts uploaded documents", () => {
    expect(editingWithDocument().documentCount).toBe(1);
    expect(step(editingWithDocument(), { type: "upload" }, globalAdmin, T_CREATE).documentCount).toBe(2);
  });
});

describe("submit", () => {
  it("needs at least one PoE document", () => {
    const r = refused(editing(), { type: "submit" }, partner, T_SUBMIT);
    expect(r.code).toBe("validation_failed");
    expect(r).toMatchObject({ errors: [{ field: "documents" }] });
  });

  it("moves to Submitted with review start due +5 business days", () => {
    const { state, events } = act(editingWithDocument(), { type: "submit" }, partner, T_SUBMIT);
    expect(state.status).toBe("submitted");
    expect(state.deadlines).toEqual([
      {
        kind: "review_start",
        dueAt: at("2026-03-10T00:00:00.000Z"),
        warnAt: at("2026-03-07T00:00:00.000Z"),
        warned: false,
        fired: false,
      },
    ]);
    expect(events).toEqual([{ type: "submitted", at: T_SUBMIT, data: {} }]);
  });

  it("may be done by a global admin too, but not by a reviewer", () => {
    expect(step(editingWithDocument(), { type: "submit" }, globalAdmin, T_SUBMIT).status).toBe("submitted");
    expect(refused(editingWithDocument(), { type: "submit" }, reviewer, T_SUBMIT).code).toBe("forbidden");
  });

  it("is refused when already submitted, naming the state and the allowed actions", () => {
    const r = refused(submitted(), { type: "submit" }, partner, T_REVIEW);
    expect(r).toEqual({
      code: "invalid_transition",
      detail: expect.stringContaining("submitted"),
      state: "submitted",
      allowedActions: ["withdraw", "edit", "upload", "comment"],
    });
  });
});

describe("start review", () => {
  it("moves to Under review with the decision due +5 business days; review start closes", () => {
    const { state, events } = act(submitted(), { type: "start-review" }, reviewer, T_REVIEW);
    expect(state.status).toBe("under_review");
    expect(state.deadlines.map((d) => [d.kind, iso(d.dueAt)])).toEqual([
      ["decision", "2026-03-11T00:00:00.000Z"],
    ]);
    expect(events.map((e) => e.type)).toEqual(["review_started"]);
  });

  it("is the reviewer's, and only from Submitted", () => {
    expect(refused(submitted(), { type: "start-review" }, partner, T_REVIEW).code).toBe("forbidden");
    expect(refused(editingWithDocument(), { type: "start-review" }, reviewer, T_REVIEW)).toMatchObject({
      code: "invalid_transition",
      state: "editing",
      allowedActions: ["comment"],
    });
  });
});

describe("request information", () => {
  it("moves to Partner action required, starts the partner response and pauses the decision clock", () => {
    const { state, events } = act(underReview(), signedPage, reviewer, T_INFO);
    expect(state.status).toBe("partner_action_required");
    expect(state.reasons).toEqual(["missing_customer_acknowledgment"]);
    // Thu 5 + 5 -> Fri 6, Mon 9 .. Thu 12: due Fri 13; the reminder when 2 business days are left.
    expect(state.deadlines).toEqual([
      {
        kind: "partner_response",
        dueAt: at("2026-03-13T00:00:00.000Z"),
        warnAt: at("2026-03-11T00:00:00.000Z"),
        warned: false,
        fired: false,
      },
    ]);
    // The decision (due Wed 11) is not listed while paused; Fri 6, Mon 9 and Tue 10 were left.
    expect(deadlineOf(state, "decision")).toBeUndefined();
    expect(state.pausedDecisionDays).toBe(3);
    expect(events).toEqual([
      {
        type: "information_requested",
        at: T_INFO,
        data: { reasons: ["missing_customer_acknowledgment"], comment: "Please add the signed page" },
      },
    ]);
  });

  it("needs at least one information reason and a comment", () => {
    const none = refused(underReview(), { ...signedPage, reasons: [] }, reviewer, T_INFO);
    expect(none).toMatchObject({ code: "validation_failed", errors: [{ field: "reasons" }] });
    const blank = refused(underReview(), { ...signedPage, comment: "   " }, reviewer, T_INFO);
    expect(blank).toMatchObject({ code: "validation_failed", errors: [{ field: "comment" }] });
    for (const reason of INFO_REASONS) {
      expect(step(underReview(), { ...signedPage, reasons: [reason] }, reviewer, T_INFO).reasons).toEqual([
        reason,
      ]);
    }
  });

  it("keeps at least one business day when the decision is (over)due", () => {
    // Requested on Tue 10, the last business day before the decision due Wed 11 00:00.
    expect(step(underReview(), signedPage, reviewer, at("2026-03-10T10:00:00Z")).pausedDecisionDays).toBe(1);
    // Requested after the decision SLA was breached.
    const breached = fireDue(underReview(), at("2026-03-12T10:00:00Z"), timerContext).state;
    expect(deadlineOf(breached, "decision")?.fired).toBe(true);
    const paused = step(breached, signedPage, reviewer, at("2026-03-12T10:00:00Z"));
    expect(paused.pausedDecisionDays).toBe(1);
    // Resubmitted Fri 13: one business day (Mon 16), due Tue 17.
    const resumed = step(paused, { type: "resubmit", comment: "Done" }, partner, at("2026-03-13T10:00:00Z"));
    expect(resumed.deadlines.map((d) => [d.kind, iso(d.dueAt)])).toEqual([
      ["decision", "2026-03-17T00:00:00.000Z"],
    ]);
  });

  it("is refused outside Under review", () => {
    expect(refused(submitted(), signedPage, reviewer, T_INFO)).toMatchObject({
      code: "invalid_transition",
      state: "submitted",
      allowedActions: ["start-review", "comment"],
    });
  });
});

describe("resubmit", () => {
  it("needs a new document or comment since the information request", () => {
    const r = refused(actionRequired(), { type: "resubmit" }, partner, T_RESUBMIT);
    expect(r).toMatchObject({ code: "validation_failed", errors: [{ field: "comment" }] });
    expect(refused(actionRequired(), { type: "resubmit", comment: "  " }, partner, T_RESUBMIT).code).toBe(
      "validation_failed",
    );
  });

  it("does not count a reviewer's comment as the partner's answer", () => {
    const commented = step(actionRequired(), { type: "comment" }, reviewer, T_RESUBMIT);
    expect(refused(commented, { type: "resubmit" }, partner, T_RESUBMIT).code).toBe("validation_failed");
  });

  it.each([
    ["an uploaded document", (s: ClaimState) => step(s, { type: "upload" }, partner, T_RESUBMIT)],
    ["an incentives admin's comment", (s: ClaimState) => step(s, { type: "comment" }, partner, T_RESUBMIT)],
    ["a global admin's comment", (s: ClaimState) => step(s, { type: "comment" }, globalAdmin, T_RESUBMIT)],
  ])("is accepted after %s and resumes the decision clock with the days that were left", (_name, answer) => {
    const { state, events } = act(answer(actionRequired()), { type: "resubmit" }, partner, T_RESUBMIT);
    expect(state.status).toBe("under_review");
    expect(state.reasons).toEqual([]);
    expect(state.pausedDecisionDays).toBeNull();
    // 3 business days from Mon 9: Tue 10, Wed 11, Thu 12 -> due Fri 13.
    expect(state.deadlines.map((d) => [d.kind, iso(d.dueAt)])).toEqual([
      ["decision", "2026-03-13T00:00:00.000Z"],
    ]);
    expect(events).toEqual([{ type: "resubmitted", at: T_RESUBMIT, data: { comment: null } }]);
  });

  it("is accepted with a comment given with the resubmit", () => {
    const { state, events } = act(
      actionRequired(),
      { type: "resubmit", comment: "See page 3" },
      partner,
      T_RESUBMIT,
    );
    expect(state.status).toBe("under_review");
    expect(events).toEqual([{ type: "resubmitted", at: T_RESUBMIT, data: { comment: "See page 3" } }]);
  });

  it("does not count an answer to an earlier information request", () => {
    const answered = step(actionRequired(), { type: "upload" }, partner, T_RESUBMIT);
    const resubmitted = step(answered, { type: "resubmit" }, partner, T_RESUBMIT);
    const askedAgain = step(resubmitted, signedPage, reviewer, T_RESUBMIT + hours(1));
    expect(askedAgain.infoAnswered).toBe(false);
    expect(refused(askedAgain, { type: "resubmit" }, partner, T_RESUBMIT + hours(2)).code).toBe(
      "validation_failed",
    );
  });

  it("is the partner's, and only from Partner action required", () => {
    expect(refused(actionRequired(), SAMPLE_COMMANDS.resubmit, reviewer, T_RESUBMIT).code).toBe("forbidden");
    expect(refused(underReview(), SAMPLE_COMMANDS.resubmit, partner, T_RESUBMIT).code).toBe(
      "invalid_transition",
    );
  });
});

describe("partner response due passes", () => {
  const due = at("2026-03-13T00:00:00.000Z");

  it("does nothing but remind before the due time", () => {
    const { state, events, fired } = fireDue(actionRequired(), due - 1, timerContext);
    expect(state.status).toBe("partner_action_required");
    expect(fired).toEqual([{ kind: "partner_response", warn: true, at: at("2026-03-11T00:00:00.000Z") }]);
    expect(events).toEqual([
      {
        type: "reminder",
        at: at("2026-03-11T00:00:00.000Z"),
        data: { kind: "partner_response", dueAt: due },
      },
    ]);
  });

  it("rejects (No partner response) as of the due time, with the dispute window 720 h after the due time", () => {
    const late = at("2026-03-20T15:00:00Z");
    const { state, events } = fireDue(actionRequired(), late, timerContext);
    expect(state.status).toBe("rejected");
    expect(state.reasons).toEqual(["no_partner_response"]);
    expect(state.pausedDecisionDays).toBeNull();
    const windowEnd = due + hours(720);
    expect(iso(windowEnd)).toBe("2026-04-12T00:00:00.000Z");
    expect(state.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([["dispute_window", windowEnd]]);
    expect(events.slice(1)).toEqual([
      { type: "deadline_fired", at: due, data: { kind: "partner_response", dueAt: due } },
      {
        type: "rejected",
        at: due,
        data: { reasons: ["no_partner_response"], comment: null, disputableUntil: windowEnd },
      },
    ]);
    // It is disputable.
    expect(allowedActions(state, partner)).toEqual(["dispute", "upload", "comment"]);
  });

  it("lets a very late sweep also close the dispute window, counted from the due time", () => {
    const { state, events } = fireDue(actionRequired(), at("2026-05-01T00:00:00Z"), timerContext);
    expect(state.status).toBe("rejected");
    expect(state.deadlines).toEqual([]);
    expect(events.map((e) => [e.type, iso(e.at)])).toEqual([
      ["reminder", "2026-03-11T00:00:00.000Z"],
      ["deadline_fired", "2026-03-13T00:00:00.000Z"],
      ["rejected", "2026-03-13T00:00:00.000Z"],
      ["reminder", "2026-04-07T00:00:00.000Z"],
      ["deadline_fired", "2026-04-12T00:00:00.000Z"],
      ["dispute_window_closed", "2026-04-12T00:00:00.000Z"],
    ]);
    expect(refused(state, SAMPLE_COMMANDS.dispute, partner, at("2026-05-01T00:00:00Z")).code).toBe(
      "invalid_transition",
    );
    expect(allowedActions(state, partner)).toEqual(["copy", "comment"]);
  });
});

describe("approve", () => {
  it("moves to Approved, notifies the customer and starts a 168 h consent period", () => {
    const { state, events } = act(
      underReview(),
      { type: "approve", keepCompeting: ["claim-9"] },
      reviewer,
      T_DECIDE,
    );
    const endsAt = T_DECIDE + hours(168);
    expect(iso(endsAt)).toBe("2026-03-17T12:00:00.000Z");
    expect(state.status).toBe("approved");
    expect(state.consent).toEqual({ status: "running", endsAt });
    expect(state.deadlines).toEqual([
      { kind: "consent_end", dueAt: endsAt, warnAt: null, warned: false, fired: false },
    ]);
    expect(events).toEqual([
      { type: "approved", at: T_DECIDE, data: { comment: null, keepCompeting: ["claim-9"] } },
    ]);
  });

  it("is refused with duplicate_association when another organisation holds an approved claim", () => {
    const r = refused(underReview(), { type: "approve" }, reviewer, T_DECIDE, { approvedCompetitor: true });
    expect(r.code).toBe("duplicate_association");
    // The state check comes first.
    expect(
      refused(submitted(), { type: "approve" }, reviewer, T_DECIDE, { approvedCompetitor: true }).code,
    ).toBe("invalid_transition");
    expect(
      act(underReview(), { type: "approve" }, reviewer, T_DECIDE, { approvedCompetitor: false }).state.status,
    ).toBe("approved");
  });

  it("is the reviewer's, and only from Under review", () => {
    expect(refused(underReview(), { type: "approve" }, partner, T_DECIDE).code).toBe("forbidden");
    expect(refused(actionRequired(), { type: "approve" }, reviewer, T_DECIDE).code).toBe(
      "invalid_transition",
    );
  });
});

describe("customer consent", () => {
  const endsAt = T_DECIDE + hours(168);

  it("passes when consent ends after 168 h, sending the claim to assessment as of that time", () => {
    const early = fireDue(approved(), endsAt - 1, timerContext);
    expect(early.fired).toEqual([]);
    expect(early.state.consent?.status).toBe("running");
    const { state, events } = fireDue(approved(), endsAt + hours(50), timerContext);
    expect(state.status).toBe("approved");
    expect(state.consent).toEqual({ status: "passed", endsAt });
    expect(state.assessmentAt).toBe(endsAt);
    expect(state.deadlines).toEqual([]);
    expect(events).toEqual([
      { type: "deadline_fired", at: endsAt, data: { kind: "consent_end", dueAt: endsAt } },
      { type: "consent_passed", at: endsAt, data: {} },
    ]);
  });

  it("customer deny rejects (Customer decline), not disputable", () => {
    const now = T_DECIDE + hours(5);
    const { state, events } = act(
      approved(),
      { type: "customer-deny", comment: "Not our partner" },
      customer,
      now,
    );
    expect(state.status).toBe("rejected");
    expect(state.reasons).toEqual(["customer_decline"]);
    expect(state.consent).toEqual({ status: "denied", endsAt });
    expect(state.deadlines).toEqual([]);
    expect(events).toEqual([
      { type: "customer_denied", at: now, data: { comment: "Not our partner" } },
      {
        type: "rejected",
        at: now,
        data: { reasons: ["customer_decline"], comment: "Not our partner", disputableUntil: null },
      },
    ]);
    expect(refused(state, SAMPLE_COMMANDS.dispute, partner, now).code).toBe("invalid_transition");
    expect(allowedActions(state, partner)).toEqual(["copy", "comment"]);
  });

  it("customer confirm sends the claim to assessment early", () => {
    const now = T_DECIDE + hours(30);
    const { state, events } = act(approved(), { type: "customer-confirm" }, customer, now);
    expect(state.status).toBe("approved");
    expect(state.consent).toEqual({ status: "confirmed", endsAt });
    expect(state.assessmentAt).toBe(now);
    expect(state.deadlines).toEqual([]);
    expect(events).toEqual([{ type: "customer_confirmed", at: now, data: {} }]);
    expect(refused(state, { type: "customer-deny" }, customer, now + 1).code).toBe("invalid_transition");
  });

  it("is refused once the consent period has passed", () => {
    expect(refused(consentPassed(), { type: "customer-deny" }, customer, endsAt + 1).code).toBe(
      "invalid_transition",
    );
    expect(refused(consentPassed(), { type: "customer-confirm" }, customer, endsAt + 1).code).toBe(
      "invalid_transition",
    );
  });

  it("is the customer's alone, and the customer may do nothing else", () => {
    expect(refused(approved(), { type: "customer-deny" }, partner, T_DECIDE + 1).code).toBe("forbidden");
    expect(refused(approved(), { type: "customer-confirm" }, reviewer, T_DECIDE + 1).code).toBe("forbidden");
    expect(refused(approved(), SAMPLE_COMMANDS.withdraw, customer, T_DECIDE + 1).code).toBe("forbidden");
    expect(refused(approved(), SAMPLE_COMMANDS.comment, customer, T_DECIDE + 1).code).toBe("forbidden");
    expect(allowedActions(approved(), customer)).toEqual([]);
  });
});

describe("reject by a reviewer", () => {
  it.each(REVIEWER_REJECTION_REASONS)(
    "accepts %s, closes every deadline and opens a 720 h dispute window",
    (reason) => {
      const { state, events } = act(underReview(), { ...rejectPoe, reasons: [reason] }, reviewer, T_DECIDE);
      const windowEnd = T_DECIDE + hours(720);
      expect(state.status).toBe("rejected");
      expect(state.reasons).toEqual([reason]);
      expect(state.deadlines).toEqual([
        {
          kind: "dispute_window",
          dueAt: windowEnd,
          warnAt: windowEnd - hours(120),
          warned: false,
          fired: false,
        },
      ]);
      expect(events).toEqual([
        {
          type: "rejected",
          at: T_DECIDE,
          data: { reasons: [reason], comment: rejectPoe.comment, disputableUntil: windowEnd },
        },
      ]);
    },
  );

  const systemReasons = REJECTION_REASONS.filter(
    (r) => !(REVIEWER_REJECTION_REASONS as readonly RejectionReason[]).includes(r),
  );

  it("knows exactly four reviewer reasons", () => {
    expect([...REVIEWER_REJECTION_REASONS].sort()).toEqual(
      ["insufficient_poe", "missing_customer_consent_on_poe", "missing_products", "poe_unavailable"].sort(),
    );
    expect([...systemReasons].sort()).toEqual(
      ["competing_claim_lost", "customer_decline", "no_partner_response", "partner_request"].sort(),
    );
  });

  it.each(systemReasons)("refuses %s, alone or mixed with a reviewer reason", (reason) => {
    expect(refused(underReview(), { ...rejectPoe, reasons: [reason] }, reviewer, T_DECIDE)).toMatchObject({
      code: "validation_failed",
      errors: [{ field: "reasons" }],
    });
    expect(
      refused(underReview(), { ...rejectPoe, reasons: ["insufficient_poe", reason] }, reviewer, T_DECIDE)
        .code,
    ).toBe("validation_failed");
  });

  it("needs a reason and a comment", () => {
    expect(refused(underReview(), { ...rejectPoe, reasons: [] }, reviewer, T_DECIDE).code).toBe(
      "validation_failed",
    );
    expect(refused(underReview(), { ...rejectPoe, comment: "" }, reviewer, T_DECIDE)).toMatchObject({
      code: "validation_failed",
      errors: [{ field: "comment" }],
    });
  });

  it("is the reviewer's, and only from Under review", () => {
    expect(refused(underReview(), rejectPoe, partner, T_DECIDE).code).toBe("forbidden");
    expect(refused(submitted(), rejectPoe, reviewer, T_DECIDE).code).toBe("invalid_transition");
    expect(refused(approved(), rejectPoe, reviewer, T_DECIDE).code).toBe("invalid_transition");
  });
});

describe("withdraw", () => {
  const now = at("2026-03-11T09:00:00Z");

  it.each([
    ["editing", editing],
    ["submitted", submitted],
    ["under review", underReview],
    ["partner action required", actionRequired],
    ["approved, consent running", approved],
  ])("from %s rejects (Partner request), closes every deadline, not disputable", (_name, from) => {
    const { state, events } = act(
      from(),
      { type: "withdraw", reason: "incorrect_activity", comment: "Wrong" },
      partner,
      now,
    );
    expect(state.status).toBe("rejected");
    expect(state.reasons).toEqual(["partner_request"]);
    expect(state.withdrawReason).toBe("incorrect_activity");
    expect(state.deadlines).toEqual([]);
    expect(state.withdrawnAt).toBeNull();
    expect(events).toEqual([
      { type: "withdrawn", at: now, data: { reason: "incorrect_activity", comment: "Wrong" } },
      {
        type: "rejected",
        at: now,
        data: { reasons: ["partner_request"], comment: "Wrong", disputableUntil: null },
      },
    ]);
    expect(refused(state, SAMPLE_COMMANDS.dispute, partner, now).code).toBe("invalid_transition");
    expect(allowedActions(state, partner)).toEqual(["copy", "comment"]);
  });

  it("cancels a running consent", () => {
    const state = step(approved(), SAMPLE_COMMANDS.withdraw, globalAdmin, now);
    expect(state.consent).toEqual({ status: "cancelled", endsAt: T_DECIDE + hours(168) });
  });

  it("after consent has passed, records when the claim left the programme", () => {
    const later = at("2026-04-02T09:00:00Z");
    const state = step(consentPassed(), SAMPLE_COMMANDS.withdraw, partner, later);
    expect(state.status).toBe("rejected");
    expect(state.consent?.status).toBe("passed");
    expect(state.assessmentAt).toBe(T_DECIDE + hours(168));
    expect(state.withdrawnAt).toBe(later);
  });

  it("is refused from Rejected and for other roles", () => {
    expect(refused(rejected(), SAMPLE_COMMANDS.withdraw, partner, now)).toMatchObject({
      code: "invalid_transition",
      state: "rejected",
    });
    expect(refused(submitted(), SAMPLE_COMMANDS.withdraw, reviewer, now).code).toBe("forbidden");
  });
});

describe("a competing claim is approved", () => {
  const now = at("2026-03-11T09:00:00Z");

  it.each([
    ["submitted", submitted],
    ["under review", underReview],
    ["partner action required", actionRequired],
  ])("rejects a claim %s (Competing claim lost) with a 720 h dispute window", (_name, from) => {
    const { state, events } = act(from(), { type: "competing-claim-lost", winnerId: "claim-2" }, system, now);
    expect(state.status).toBe("rejected");
    expect(state.reasons).toEqual(["competing_claim_lost"]);
    expect(state.pausedDecisionDays).toBeNull();
    expect(state.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([["dispute_window", now + hours(720)]]);
    expect(events).toEqual([
      { type: "competing_claim_lost", at: now, data: { winnerId: "claim-2" } },
      {
        type: "rejected",
        at: now,
        data: { reasons: ["competing_claim_lost"], comment: null, disputableUntil: now + hours(720) },
      },
    ]);
  });

  it.each([
    ["editing", editing],
    ["approved", approved],
    ["rejected", rejected],
  ])("does not touch a claim %s", (_name, from) => {
    expect(refused(from(), { type: "competing-claim-lost", winnerId: "claim-2" }, system, now).code).toBe(
      "invalid_transition",
    );
  });

  it("is the system's alone", () => {
    expect(refused(underReview(), { type: "competing-claim-lost", winnerId: "c" }, reviewer, now).code).toBe(
      "forbidden",
    );
  });
});

describe("dispute", () => {
  const windowEnd = T_DECIDE + hours(720);

  it("opens within the window with the decision due +5 business days; the window closes", () => {
    const { state, events } = act(rejected(), SAMPLE_COMMANDS.dispute, partner, T_DISPUTE);
    // Thu 12 + 5 -> Fri 13, Mon 16 .. Thu 19: due Fri 20.
    const due = at("2026-03-20T00:00:00.000Z");
    expect(state.status).toBe("rejected");
    expect(state.dispute).toEqual({ status: "open", openedAt: T_DISPUTE, dueAt: due });
    expect(state.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([["dispute_decision", due]]);
    expect(events).toEqual([
      {
        type: "dispute_opened",
        at: T_DISPUTE,
        data: { justification: "Please look again", documentIds: [] },
      },
    ]);
  });

  it("takes a justification, documents, or both, but not neither", () => {
    expect(
      step(rejected(), { type: "dispute", documentIds: ["doc-1"] }, partner, T_DISPUTE).dispute?.status,
    ).toBe("open");
    expect(refused(rejected(), { type: "dispute" }, partner, T_DISPUTE)).toMatchObject({
      code: "validation_failed",
      errors: [{ field: "justification" }],
    });
    expect(
      refused(rejected(), { type: "dispute", justification: " ", documentIds: [] }, partner, T_DISPUTE).code,
    ).toBe("validation_failed");
  });

  it("is allowed until the window ends, and refused from its end on", () => {
    const lastMoment = fireDue(rejected(), windowEnd - 1, timerContext).state;
    expect(step(lastMoment, SAMPLE_COMMANDS.dispute, partner, windowEnd - 1).dispute?.status).toBe("open");
    const closed = fireDue(rejected(), windowEnd, timerContext).state;
    expect(refused(closed, SAMPLE_COMMANDS.dispute, partner, windowEnd)).toEqual({
      code: "invalid_transition",
      detail: expect.stringContaining("rejected"),
      state: "rejected",
      allowedActions: ["copy", "comment"],
    });
  });

  it("reminds the partner 5 days before the window closes", () => {
    const { events } = fireDue(rejected(), windowEnd - hours(120), timerContext);
    expect(events).toEqual([
      { type: "reminder", at: windowEnd - hours(120), data: { kind: "dispute_window", dueAt: windowEnd } },
    ]);
  });

  it("is possible once per rejection", () => {
    expect(refused(disputed(), SAMPLE_COMMANDS.dispute, partner, T_DISPUTE + 1).code).toBe(
      "invalid_transition",
    );
    expect(refused(upheld(), SAMPLE_COMMANDS.dispute, partner, T_DISPUTE_DECIDED + 1).code).toBe(
      "invalid_transition",
    );
    // A new rejection after an overturn may be disputed again.
    const reopened = step(
      disputed(),
      { type: "overturn-dispute", comment: "Look again", to: "under_review" },
      reviewer,
      T_DISPUTE_DECIDED,
    );
    const rejectedAgain = step(reopened, rejectPoe, reviewer, T_DISPUTE_DECIDED + hours(1));
    expect(
      step(rejectedAgain, SAMPLE_COMMANDS.dispute, partner, T_DISPUTE_DECIDED + hours(2)).dispute?.status,
    ).toBe("open");
  });

  it("is the partner's", () => {
    expect(refused(rejected(), SAMPLE_COMMANDS.dispute, reviewer, T_DISPUTE).code).toBe("forbidden");
    expect(allowedActions(rejected(), globalAdmin)).toEqual(["dispute", "upload", "comment"]);
  });
});

describe("uphold and overturn", () => {
  it("uphold keeps the rejection, closes the dispute deadline and is final", () => {
    const { state, events } = act(
      disputed(),
      { type: "uphold-dispute", comment: "No" },
      reviewer,
      T_DISPUTE_DECIDED,
    );
    expect(state.status).toBe("rejected");
    expect(state.reasons).toEqual(["insufficient_poe"]);
    expect(state.dispute).toMatchObject({ status: "upheld", openedAt: T_DISPUTE });
    expect(state.deadlines).toEqual([]);
    expect(events).toEqual([{ type: "dispute_upheld", at: T_DISPUTE_DECIDED, data: { comment: "No" } }]);
    expect(allowedActions(state, reviewer)).toEqual(["comment"]);
    expect(refused(state, SAMPLE_COMMANDS["overturn-dispute"], reviewer, T_DISPUTE_DECIDED).code).toBe(
      "invalid_transition",
    );
  });

  it("overturn to Under review restarts the decision clock", () => {
    const { state, events } = act(
      disputed(),
      { type: "overturn-dispute", comment: "Valid", to: "under_review" },
      reviewer,
      T_DISPUTE_DECIDED,
    );
    expect(state.status).toBe("under_review");
    expect(state.reasons).toEqual([]);
    expect(state.dispute?.status).toBe("overturned");
    // Mon 16 + 5 -> Tue 17 .. Mon 23: due Tue 24.
    expect(state.deadlines.map((d) => [d.kind, iso(d.dueAt)])).toEqual([
      ["decision", "2026-03-24T00:00:00.000Z"],
    ]);
    expect(events).toEqual([
      { type: "dispute_overturned", at: T_DISPUTE_DECIDED, data: { comment: "Valid", to: "under_review" } },
    ]);
  });

  it("overturn straight to Approved starts the consent period", () => {
    const state = step(
      disputed(),
      { type: "overturn-dispute", comment: "Valid", to: "approved" },
      reviewer,
      T_DISPUTE_DECIDED,
    );
    expect(state.status).toBe("approved");
    expect(state.reasons).toEqual([]);
    expect(state.dispute?.status).toBe("overturned");
    expect(state.consent).toEqual({ status: "running", endsAt: T_DISPUTE_DECIDED + hours(168) });
    expect(state.deadlines.map((d) => [d.kind, d.dueAt])).toEqual([
      ["consent_end", T_DISPUTE_DECIDED + hours(168)],
    ]);
  });

  it("needs a comment, a reviewer and an open dispute", () => {
    expect(
      refused(disputed(), { type: "uphold-dispute", comment: "" }, reviewer, T_DISPUTE_DECIDED),
    ).toMatchObject({
      code: "validation_failed",
      errors: [{ field: "comment" }],
    });
    expect(
      refused(
        disputed(),
        { type: "overturn-dispute", comment: " ", to: "approved" },
        reviewer,
        T_DISPUTE_DECIDED,
      ).code,
    ).toBe("validation_failed");
    expect(refused(disputed(), SAMPLE_COMMANDS["uphold-dispute"], partner, T_DISPUTE_DECIDED).code).toBe(
      "forbidden",
    );
    expect(refused(rejected(), SAMPLE_COMMANDS["uphold-dispute"], reviewer, T_DISPUTE_DECIDED).code).toBe(
      "invalid_transition",
    );
    expect(refused(rejected(), SAMPLE_COMMANDS["overturn-dispute"], reviewer, T_DISPUTE_DECIDED).code).toBe(
      "invalid_transition",
    );
  });
});

describe("copy", () => {
  it.each([
    ["the dispute window has closed", windowClosed],
    ["the dispute was upheld", upheld],
    ["the claim was withdrawn", withdrawn],
    ["the customer declined", declined],
  ])("is allowed when %s, and changes nothing on the old claim", (_name, from) => {
    const state = from();
    const { state: after, events } = act(state, { type: "copy" }, partner, at("2026-05-01T00:00:00Z"));
    expect(after).toEqual(state);
    expect(events).toEqual([]);
  });

  it("is refused while a dispute is still possible or pending", () => {
    expect(refused(rejected(), { type: "copy" }, partner, T_DISPUTE)).toMatchObject({
      code: "invalid_transition",
      state: "rejected",
      allowedActions: ["dispute", "upload", "comment"],
    });
    expect(refused(disputed(), { type: "copy" }, partner, T_DISPUTE + 1)).toMatchObject({
      code: "invalid_transition",
      state: "rejected",
      allowedActions: ["comment"],
    });
  });

  it("is refused outside Rejected and for non-partners", () => {
    expect(refused(consentPassed(), { type: "copy" }, partner, T_DISPUTE).code).toBe("invalid_transition");
    expect(refused(windowClosed(), { type: "copy" }, reviewer, T_DISPUTE).code).toBe("forbidden");
  });
});

describe("operator SLAs flag but never change the status", () => {
  it.each([
    ["review_start", submitted, "submitted"],
    ["decision", underReview, "under_review"],
    ["dispute_decision", disputed, "rejected"],
  ] as const)("%s: due-soon at the warning, breached at the due time", (kind, from, status) => {
    const state = from();
    const deadline = deadlineOf(state, kind);
    if (!deadline || deadline.warnAt === null) throw new Error(`no ${kind} deadline with a warning`);
    const { dueAt, warnAt } = deadline;
    expect(slaOf(state, warnAt - 1)).toEqual({ kind, dueAt, state: "on_time" });
    expect(fireDue(state, warnAt - 1, timerContext).fired).toEqual([]);

    const warned = fireDue(state, warnAt, timerContext);
    expect(warned.events).toEqual([{ type: "sla_due_soon", at: warnAt, data: { kind, dueAt } }]);
    expect(warned.state.status).toBe(status);
    expect(slaOf(warned.state, warnAt)).toEqual({ kind, dueAt, state: "due_soon" });
    // Due soon = at most one business day left.
    expect(addBusinessDays(calendar, warnAt - 1, 1)).toBe(dueAt);

    const breached = fireDue(warned.state, dueAt, timerContext);
    expect(breached.events).toEqual([{ type: "sla_breached", at: dueAt, data: { kind, dueAt } }]);
    expect(breached.state.status).toBe(status);
    expect(breached.state.reasons).toEqual(state.reasons);
    // Still listed, flagged, and never fired twice.
    expect(deadlineOf(breached.state, kind)).toMatchObject({ dueAt, fired: true });
    expect(slaOf(breached.state, dueAt + hours(100))).toEqual({ kind, dueAt, state: "breached" });
    expect(pendingTimers(breached.state)).toEqual([]);
    expect(fireDue(breached.state, dueAt + hours(1000), timerContext).fired).toEqual([]);
  });

  it("a late sweep fires the warning and the breach, each as of its own time", () => {
    const { events } = fireDue(submitted(), at("2026-03-20T00:00:00Z"), timerContext);
    expect(events.map((e) => [e.type, iso(e.at)])).toEqual([
      ["sla_due_soon", "2026-03-07T00:00:00.000Z"],
      ["sla_breached", "2026-03-10T00:00:00.000Z"],
    ]);
  });

  it("a breached SLA does not stop the reviewer", () => {
    const breached = fireDue(submitted(), at("2026-03-12T00:00:00Z"), timerContext).state;
    expect(step(breached, { type: "start-review" }, reviewer, at("2026-03-12T09:00:00Z")).status).toBe(
      "under_review",
    );
  });
});

describe("editing after creation (section 6)", () => {
  it("lists the editable fields per status", () => {
    expect(editableFields("editing")).toEqual(EDITABLE_FIELDS);
    const afterSubmission = ["partnerId", "products", "customerContact", "partnerContact"];
    expect(editableFields("submitted")).toEqual(afterSubmission);
    expect(editableFields("partner_action_required")).toEqual(afterSubmission);
    for (const status of STATUSES) {
      if (status === "editing" || status === "submitted" || status === "partner_action_required") continue;
      expect(editableFields(status)).toEqual([]);
    }
  });

  it("is free in Editing", () => {
    expect(act(editing(), { type: "edit", fields: [...EDITABLE_FIELDS] }, partner, T_CREATE).state).toEqual(
      editing(),
    );
  });

  it.each([
    ["submitted", submitted],
    ["partner action required", actionRequired],
  ])(
    "allows partner ID, products and contacts when %s, never the customer or the activity",
    (_name, from) => {
      const state = from();
      const ok = act(
        state,
        { type: "edit", fields: ["partnerId", "products", "customerContact", "partnerContact"] },
        partner,
        T_INFO,
      );
      expect(ok.state).toEqual(state);
      expect(refused(state, { type: "edit", fields: ["customer"] }, partner, T_INFO)).toMatchObject({
        code: "validation_failed",
        errors: [{ field: "customer" }],
      });
      expect(
        refused(state, { type: "edit", fields: ["products", "activity"] }, partner, T_INFO),
      ).toMatchObject({
        code: "validation_failed",
        errors: [{ field: "activity" }],
      });
    },
  );

  it.each([
    ["under review", underReview],
    ["approved", approved],
    ["rejected, dispute window open", rejected],
    ["rejected, dispute window closed", windowClosed],
  ])("refuses field edits when %s", (_name, from) => {
    expect(refused(from(), SAMPLE_COMMANDS.edit, partner, T_DISPUTE).code).toBe("invalid_transition");
  });

  it.each([
    ["editing", editing],
    ["submitted", submitted],
    ["partner action required", actionRequired],
    ["rejected, dispute window open", rejected],
  ])("allows adding documents when %s", (_name, from) => {
    const state = from();
    expect(step(state, { type: "upload" }, partner, T_DISPUTE).documentCount).toBe(state.documentCount + 1);
  });

  it.each([
    ["under review", underReview],
    ["approved", approved],
    ["rejected, dispute window closed", windowClosed],
    ["rejected, dispute open", disputed],
    ["rejected by withdrawal", withdrawn],
  ])("refuses adding documents when %s", (_name, from) => {
    expect(refused(from(), { type: "upload" }, partner, T_DISPUTE).code).toBe("invalid_transition");
  });

  it("is the partner's", () => {
    expect(refused(submitted(), SAMPLE_COMMANDS.edit, reviewer, T_INFO).code).toBe("forbidden");
    expect(refused(submitted(), { type: "upload" }, reviewer, T_INFO).code).toBe("forbidden");
  });
});

describe("roles and refusals", () => {
  it.each(SAMPLE_STATES)("billing and programme admins may do nothing (%s)", (_name, build) => {
    const state = build();
    for (const actor of [billingAdmin, programAdmin]) {
      expect(allowedActions(state, actor)).toEqual([]);
      for (const command of ALL_COMMANDS) {
        expect(refused(state, command, actor, T_DISPUTE).code).toBe("forbidden");
      }
    }
  });

  it.each(SAMPLE_STATES)(
    "comments are open to global and incentives admins and reviewers (%s)",
    (_name, build) => {
      const state = build();
      for (const role of ROLES) {
        const mayComment = role === "global_admin" || role === "incentives_admin" || role === "reviewer";
        const d = decide(state, { type: "comment" }, user(role), context(T_DISPUTE));
        expect(d.ok).toBe(mayComment);
        expect(allowedActions(state, user(role)).includes("comment")).toBe(mayComment);
      }
      expect(refused(state, { type: "comment" }, customer, T_DISPUTE).code).toBe("forbidden");
    },
  );

  it.each(SAMPLE_STATES)("a global admin may do what an incentives admin may (%s)", (_name, build) => {
    const state = build();
    expect(allowedActions(state, globalAdmin)).toEqual(allowedActions(state, partner));
  });

  it.each(SAMPLE_STATES)("allowedActions and decide agree for every action and role (%s)", (_name, build) => {
    const state = build();
    for (const actor of [partner, globalAdmin, reviewer]) {
      const allowed = allowedActions(state, actor);
      for (const action of USER_VISIBLE_ACTIONS) {
        const d = decide(state, SAMPLE_COMMANDS[action], actor, context(T_DISPUTE));
        if (allowed.includes(action)) {
          expect(d.ok, `${action} by ${JSON.stringify(actor)} in ${state.status}`).toBe(true);
        } else if (!d.ok && d.refusal.code === "invalid_transition") {
          expect(d.refusal.state).toBe(state.status);
          expect(d.refusal.allowedActions).toEqual(allowed);
          expect(d.refusal.detail).toContain(state.status);
        } else {
          expect(
            d.ok ? "ok" : d.refusal.code,
            `${action} by ${JSON.stringify(actor)} in ${state.status}`,
          ).toBe("forbidden");
        }
      }
    }
  });

  it("timer firings are the system's alone", () => {
    const command: Command = { type: "fire", kind: "consent_end", warn: false };
    for (const actor of [partner, reviewer, customer]) {
      expect(refused(approved(), command, actor, T_DECIDE + hours(200)).code).toBe("forbidden");
    }
  });
});
