// The one transition table (RULES.md §6). Every entry point asks `decide`; nothing else in
// the code base decides whether an action may happen in a state.
import type { BusinessCalendar } from "./calendar.ts";
import { businessDaysLeft } from "./calendar.ts";
import { type ClaimState, copyAllowed, type Deadline, deadlineOf, disputeAllowed } from "./claim-state.ts";
import type { Actor, Command, CommandOf, CommandType } from "./commands.ts";
import { contentEditable, documentsMayBeAdded, editableFields } from "./editing.ts";
import type { DomainEvent } from "./events.ts";
import { type DeadlineFactory, deadlineFactory, type Policy } from "./policy.ts";
import type { FieldError, Refusal } from "./refusal.ts";
import {
  INFO_REASONS,
  isSlaKind,
  REVIEWER_REJECTION_REASONS,
  type RejectionReason,
  type Role,
  type Status,
  UNDISPUTABLE_REASONS,
  USER_VISIBLE_ACTIONS,
  type UserVisibleAction,
} from "./vocabulary.ts";

export interface DecisionContext {
  now: number;
  calendar: BusinessCalendar;
  policy: Policy;
  /** Facts from outside the claim that the use case looked up before asking. */
  facts?: { approvedCompetitor?: boolean };
}

export interface Outcome {
  state: ClaimState;
  events: DomainEvent[];
}

interface Ctx extends DecisionContext {
  deadlines: DeadlineFactory;
}

type Who = "partner" | "reviewer" | "partner_or_reviewer" | "customer" | "system";

interface Rule<T extends CommandType> {
  who: Who;
  from: (s: ClaimState) => boolean;
  validate?: (cmd: CommandOf<T>, s: ClaimState) => FieldError[];
  apply: (s: ClaimState, cmd: CommandOf<T>, ctx: Ctx, actor: Actor) => Outcome;
}

const PARTNER_WRITERS: readonly Role[] = ["global_admin", "incentives_admin"];
const REVIEWERS: readonly Role[] = ["reviewer"];

const is =
  (...statuses: Status[]) =>
  (s: ClaimState): boolean =>
    statuses.includes(s.status);

/**
 * Claims still in flight that another organisation's approval on the same key rejects (RULES.md
 * §11): the competing-claim-lost transition and the approving use case both ask this.
 */
export const CONTESTABLE_STATUSES = [
  "submitted",
  "under_review",
  "partner_action_required",
] as const satisfies readonly Status[];
/** Takes a stored status column as well as a state's. */
export const isContestable = (status: string): boolean =>
  (CONTESTABLE_STATUSES as readonly string[]).includes(status);

/** The customer may still deny or confirm: approved, with its consent period running. */
export const consentOpen = (s: ClaimState): boolean =>
  s.status === "approved" && s.consent?.status === "running";

const text = (v: string | null | undefined): string | null => (v && v.trim() !== "" ? v : null);
const required = (field: string, v: string | null | undefined): FieldError[] =>
  text(v) ? [] : [{ field, message: "is required" }];

function reasonsIn<R extends string>(
  field: string,
  given: readonly string[],
  allowed: readonly R[],
): FieldError[] {
  if (given.length === 0) return [{ field, message: "needs at least one reason" }];
  const bad = given.filter((r) => !(allowed as readonly string[]).includes(r));
  return bad.length
    ? [{ field, message: `not allowed here: ${bad.join(", ")}; allowed: ${allowed.join(", ")}` }]
    : [];
}

/** Any rejection: closes every deadline and a running consent; opens a dispute window if disputable. */
function rejection(
  s: ClaimState,
  reasons: RejectionReason[],
  comment: string | null,
  ctx: Ctx,
  extra: Partial<ClaimState> = {},
): Outcome {
  const disputable = !reasons.some((r) => UNDISPUTABLE_REASONS.includes(r));
  const window = disputable ? ctx.deadlines.disputeWindow(ctx.now) : null;
  const state: ClaimState = {
    ...s,
    status: "rejected",
    reasons,
    deadlines: window ? [window] : [],
    consent: s.consent?.status === "running" ? { ...s.consent, status: "cancelled" } : s.consent,
    dispute: null,
    pausedDecisionDays: null,
    ...extra,
  };
  return {
    state,
    events: [
      { type: "rejected", at: ctx.now, data: { reasons, comment, disputableUntil: window?.dueAt ?? null } },
    ],
  };
}

function approval(s: ClaimState, ctx: Ctx): ClaimState {
  const consentEnd = ctx.deadlines.consentEnd(ctx.now);
  return {
    ...s,
    status: "approved",
    reasons: [],
    deadlines: [consentEnd],
    consent: { status: "running", endsAt: consentEnd.dueAt },
    pausedDecisionDays: null,
  };
}

function consentOver(s: ClaimState, status: "passed" | "confirmed", at: number): ClaimState {
  return {
    ...s,
    consent: s.consent ? { ...s.consent, status } : null,
    deadlines: s.deadlines.filter((d) => d.kind !== "consent_end"),
    assessmentAt: at,
  };
}

const without = (s: ClaimState, kind: Deadline["kind"]): Deadline[] =>
  s.deadlines.filter((d) => d.kind !== kind);

function fire(s: ClaimState, cmd: CommandOf<"fire">, ctx: Ctx): Outcome {
  const d = deadlineOf(s, cmd.kind);
  if (!d) return { state: s, events: [] };
  const at = ctx.now;
  const mark = (patch: Partial<Deadline>): ClaimState => ({
    ...s,
    deadlines: s.deadlines.map((x) => (x.kind === cmd.kind ? { ...x, ...patch } : x)),
  });
  if (cmd.warn) {
    const type = isSlaKind(d.kind) ? "sla_due_soon" : "reminder";
    return { state: mark({ warned: true }), events: [{ type, at, data: { kind: d.kind, dueAt: d.dueAt } }] };
  }
  if (isSlaKind(d.kind)) {
    return {
      state: mark({ fired: true, warned: true }),
      events: [{ type: "sla_breached", at, data: { kind: d.kind, dueAt: d.dueAt } }],
    };
  }
  const fired: DomainEvent = { type: "deadline_fired", at, data: { kind: d.kind, dueAt: d.dueAt } };
  switch (d.kind) {
    case "partner_response": {
      const o = rejection(s, ["no_partner_response"], null, ctx);
      return { state: o.state, events: [fired, ...o.events] };
    }
    case "consent_end":
      return {
        state: consentOver(s, "passed", at),
        events: [fired, { type: "consent_passed", at, data: {} }],
      };
    case "dispute_window":
      return {
        state: { ...s, deadlines: without(s, "dispute_window") },
        events: [fired, { type: "dispute_window_closed", at, data: {} }],
      };
  }
}

type Table = { [T in CommandType]: Rule<T> };

/** The table: for each action, who may ask, from which states, what must hold and what follows. */
export const TRANSITIONS: Table = {
  submit: {
    who: "partner",
    from: is("editing"),
    validate: (_c, s) =>
      s.documentCount >= 1
        ? []
        : [{ field: "documents", message: "at least one PoE document is needed to submit" }],
    apply: (s, _c, ctx) => ({
      state: { ...s, status: "submitted", deadlines: [ctx.deadlines.reviewStart(ctx.now)] },
      events: [{ type: "submitted", at: ctx.now, data: {} }],
    }),
  },
  "start-review": {
    who: "reviewer",
    from: is("submitted"),
    apply: (s, _c, ctx) => ({
      state: { ...s, status: "under_review", deadlines: [ctx.deadlines.decision(ctx.now)] },
      events: [{ type: "review_started", at: ctx.now, data: {} }],
    }),
  },
  "request-information": {
    who: "reviewer",
    from: is("under_review"),
    validate: (c) => [...reasonsIn("reasons", c.reasons, INFO_REASONS), ...required("comment", c.comment)],
    apply: (s, c, ctx) => {
      const decision = deadlineOf(s, "decision");
      // The decision clock pauses: keep the business days that were left (at least one).
      const left = decision
        ? businessDaysLeft(ctx.calendar, ctx.now, decision.dueAt)
        : ctx.policy.decisionBusinessDays;
      return {
        state: {
          ...s,
          status: "partner_action_required",
          reasons: [...c.reasons],
          deadlines: [ctx.deadlines.partnerResponse(ctx.now)],
          pausedDecisionDays: Math.max(1, left),
          infoAnswered: false,
        },
        events: [
          {
            type: "information_requested",
            at: ctx.now,
            data: { reasons: [...c.reasons], comment: c.comment },
          },
        ],
      };
    },
  },
  resubmit: {
    who: "partner",
    from: is("partner_action_required"),
    validate: (c, s) =>
      s.infoAnswered || text(c.comment)
        ? []
        : [
            {
              field: "comment",
              message: "add a document or a comment since the information request, then resubmit",
            },
          ],
    apply: (s, c, ctx) => ({
      state: {
        ...s,
        status: "under_review",
        reasons: [],
        deadlines: [ctx.deadlines.decision(ctx.now, s.pausedDecisionDays ?? ctx.policy.decisionBusinessDays)],
        pausedDecisionDays: null,
        infoAnswered: false,
      },
      events: [{ type: "resubmitted", at: ctx.now, data: { comment: text(c.comment) } }],
    }),
  },
  approve: {
    who: "reviewer",
    from: is("under_review"),
    apply: (s, c, ctx) => ({
      state: approval(s, ctx),
      events: [
        {
          type: "approved",
          at: ctx.now,
          data: { comment: text(c.comment), keepCompeting: c.keepCompeting ?? [] },
        },
      ],
    }),
  },
  reject: {
    who: "reviewer",
    from: is("under_review"),
    validate: (c) => [
      ...reasonsIn("reasons", c.reasons, REVIEWER_REJECTION_REASONS),
      ...required("comment", c.comment),
    ],
    apply: (s, c, ctx) => rejection(s, [...c.reasons], c.comment, ctx),
  },
  withdraw: {
    who: "partner",
    from: is("editing", "submitted", "under_review", "partner_action_required", "approved"),
    apply: (s, c, ctx) => {
      const o = rejection(s, ["partner_request"], text(c.comment), ctx, {
        withdrawReason: c.reason,
        withdrawnAt: s.assessmentAt !== null ? ctx.now : null,
      });
      return {
        state: o.state,
        events: [
          { type: "withdrawn", at: ctx.now, data: { reason: c.reason, comment: text(c.comment) } },
          ...o.events,
        ],
      };
    },
  },
  dispute: {
    who: "partner",
    from: disputeAllowed,
    validate: (c) =>
      text(c.justification) || (c.documentIds?.length ?? 0) > 0
        ? []
        : [{ field: "justification", message: "give a justification, documents, or both" }],
    apply: (s, c, ctx) => {
      const due = ctx.deadlines.disputeDecision(ctx.now);
      return {
        state: { ...s, dispute: { status: "open", openedAt: ctx.now, dueAt: due.dueAt }, deadlines: [due] },
        events: [
          {
            type: "dispute_opened",
            at: ctx.now,
            data: { justification: text(c.justification), documentIds: c.documentIds ?? [] },
          },
        ],
      };
    },
  },
  "uphold-dispute": {
    who: "reviewer",
    from: (s) => s.status === "rejected" && s.dispute?.status === "open",
    validate: (c) => required("comment", c.comment),
    apply: (s, c, ctx) => ({
      state: { ...s, dispute: s.dispute && { ...s.dispute, status: "upheld" }, deadlines: [] },
      events: [{ type: "dispute_upheld", at: ctx.now, data: { comment: c.comment } }],
    }),
  },
  "overturn-dispute": {
    who: "reviewer",
    from: (s) => s.status === "rejected" && s.dispute?.status === "open",
    validate: (c) => [
      ...required("comment", c.comment),
      ...(c.to === "under_review" || c.to === "approved"
        ? []
        : [{ field: "to", message: "under_review or approved" }]),
    ],
    apply: (s, c, ctx) => {
      const dispute = s.dispute && { ...s.dispute, status: "overturned" as const };
      const state: ClaimState =
        c.to === "approved"
          ? { ...approval(s, ctx), dispute }
          : {
              ...s,
              status: "under_review",
              reasons: [],
              dispute,
              deadlines: [ctx.deadlines.decision(ctx.now)],
            };
      return {
        state,
        events: [{ type: "dispute_overturned", at: ctx.now, data: { comment: c.comment, to: c.to } }],
      };
    },
  },
  copy: {
    who: "partner",
    from: copyAllowed,
    // The old claim is not changed; the use case creates the new one.
    apply: (s) => ({ state: s, events: [] }),
  },
  edit: {
    who: "partner",
    from: (s) => contentEditable(s.status),
    validate: (c, s) =>
      c.fields
        .filter((f) => !editableFields(s.status).includes(f))
        .map((field) => ({ field, message: `cannot be changed in status ${s.status}` })),
    apply: (s) => ({ state: s, events: [] }),
  },
  upload: {
    who: "partner",
    from: documentsMayBeAdded,
    apply: (s) => ({
      state: {
        ...s,
        documentCount: s.documentCount + 1,
        infoAnswered: s.infoAnswered || s.status === "partner_action_required",
      },
      events: [],
    }),
  },
  comment: {
    who: "partner_or_reviewer",
    from: () => true,
    apply: (s, _c, _ctx, actor) => {
      const partnerAnswer = actor.kind === "user" && PARTNER_WRITERS.includes(actor.role);
      return {
        state: {
          ...s,
          infoAnswered: s.infoAnswered || (partnerAnswer && s.status === "partner_action_required"),
        },
        events: [],
      };
    },
  },
  "customer-deny": {
    who: "customer",
    from: consentOpen,
    apply: (s, c, ctx) => {
      const o = rejection(s, ["customer_decline"], text(c.comment), ctx);
      const state = { ...o.state, consent: s.consent && { ...s.consent, status: "denied" as const } };
      return {
        state,
        events: [{ type: "customer_denied", at: ctx.now, data: { comment: text(c.comment) } }, ...o.events],
      };
    },
  },
  "customer-confirm": {
    who: "customer",
    from: consentOpen,
    apply: (s, _c, ctx) => ({
      state: consentOver(s, "confirmed", ctx.now),
      events: [{ type: "customer_confirmed", at: ctx.now, data: {} }],
    }),
  },
  "competing-claim-lost": {
    who: "system",
    from: (s) => isContestable(s.status),
    apply: (s, c, ctx) => {
      const o = rejection(s, ["competing_claim_lost"], null, ctx);
      return {
        state: o.state,
        events: [{ type: "competing_claim_lost", at: ctx.now, data: { winnerId: c.winnerId } }, ...o.events],
      };
    },
  },
  fire: {
    who: "system",
    from: () => true,
    apply: (s, c, ctx) => fire(s, c, ctx),
  },
};

/** Commands that end in Approved: the approval rules of RULES.md §11 apply to each. */
export function approves(command: Command): boolean {
  return command.type === "approve" || (command.type === "overturn-dispute" && command.to === "approved");
}

export function mayAct(who: Who, actor: Actor): boolean {
  switch (who) {
    case "partner":
      return actor.kind === "user" && PARTNER_WRITERS.includes(actor.role);
    case "reviewer":
      return actor.kind === "user" && REVIEWERS.includes(actor.role);
    case "partner_or_reviewer":
      return (
        actor.kind === "user" && (PARTNER_WRITERS.includes(actor.role) || REVIEWERS.includes(actor.role))
      );
    case "customer":
      return actor.kind === "customer";
    case "system":
      return actor.kind === "system";
  }
}

/** The actions a caller may take on a claim in its state: what the UI shows and 409s name. */
export function allowedActions(state: ClaimState, actor: Actor): UserVisibleAction[] {
  return USER_VISIBLE_ACTIONS.filter((a) => {
    const rule = TRANSITIONS[a] as Rule<CommandType>;
    return mayAct(rule.who, actor) && rule.from(state);
  });
}

export type Decision = ({ ok: true } & Outcome) | { ok: false; refusal: Refusal };

/**
 * Judge one command: who may ask (403), whether the state allows it (409 naming the allowed
 * actions), facts from other claims (409), then the business rules (422). A refusal changes nothing.
 */
export function decide(
  state: ClaimState,
  command: Command,
  actor: Actor,
  context: DecisionContext,
): Decision {
  const rule = TRANSITIONS[command.type] as Rule<CommandType>;
  if (!mayAct(rule.who, actor)) {
    return {
      ok: false,
      refusal: { code: "forbidden", detail: `${describe(actor)} may not ${command.type}` },
    };
  }
  if (!rule.from(state)) {
    return {
      ok: false,
      refusal: {
        code: "invalid_transition",
        detail: `${command.type} is not allowed in status ${state.status}`,
        state: state.status,
        allowedActions: allowedActions(state, actor),
      },
    };
  }
  if (approves(command) && context.facts?.approvedCompetitor) {
    return {
      ok: false,
      refusal: {
        code: "duplicate_association",
        detail: "another organisation already holds an approved claim on this customer and product",
      },
    };
  }
  const errors = rule.validate?.(command, state) ?? [];
  if (errors.length > 0) {
    return {
      ok: false,
      refusal: { code: "validation_failed", detail: errors.map(formatError).join("; "), errors },
    };
  }
  const ctx: Ctx = { ...context, deadlines: deadlineFactory(context.calendar, context.policy) };
  return { ok: true, ...rule.apply(state, command, ctx, actor) };
}

function describe(actor: Actor): string {
  return actor.kind === "user" ? `role ${actor.role}` : actor.kind;
}

function formatError(e: FieldError): string {
  return `${e.field} ${e.message}`;
}
