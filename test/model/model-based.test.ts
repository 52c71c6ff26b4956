// Model-based test: random command sequences, time jumps included, run against the real use cases
// on a real database and against the pure transition table in memory. After every step both must
// agree on the outcome (allowed, or refused with the same code) and on status, reasons, consent,
// dispute and deadlines. After an explicit sweep the *stored* state must agree too, which checks
// the sweeper and the deadline index, not just the in-memory catch-up of reads.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessCalendar } from "../../src/domain/calendar.ts";
import { days, hours } from "../../src/domain/calendar.ts";
import { type ClaimState, initialState } from "../../src/domain/claim-state.ts";
import type { Actor, Command } from "../../src/domain/commands.ts";
import { businessCalendar, DEFAULT_CALENDAR } from "../../src/domain/holidays.ts";
import { DEFAULT_POLICY } from "../../src/domain/policy.ts";
import { RefusalError } from "../../src/domain/refusal.ts";
import { fireDue, nextTimer, pendingTimers, timerKey } from "../../src/domain/timers.ts";
import { allowedActions, decide } from "../../src/domain/transitions.ts";
import { actOnClaim, type TransitionCommand } from "../../src/server/claims/use-cases/act-on-claim.ts";
import { addComment } from "../../src/server/claims/use-cases/add-comment.ts";
import { attachDocument } from "../../src/server/claims/use-cases/attach-document.ts";
import { copyClaim } from "../../src/server/claims/use-cases/copy-claim.ts";
import { createClaim } from "../../src/server/claims/use-cases/create-claim.ts";
import { customerDecision } from "../../src/server/claims/use-cases/customer-decision.ts";
import { editClaim } from "../../src/server/claims/use-cases/edit-claim.ts";
import { getClaim } from "../../src/server/claims/use-cases/get-claim.ts";
import { sweep } from "../../src/server/jobs/sweeper.ts";
import type { Principal } from "../../src/server/principal.ts";
import { ENGINES, openTestApp, type TestApp } from "../support/engines.ts";
import { makeWorld, pdf, type World } from "../support/world.ts";

type Who = "partner" | "reviewer" | "billing";
type Step =
  | { kind: "act"; who: Who; command: TransitionCommand }
  | { kind: "upload" }
  | { kind: "comment"; who: "partner" | "reviewer" }
  | { kind: "customer"; decision: "deny" | "confirm" }
  | { kind: "copy" }
  | { kind: "edit"; field: "partnerContact" | "activity" }
  | { kind: "wait"; ms: number }
  /** Jump to the model's next timer: exactly on it, just before it, or a little after. */
  | { kind: "waitNext"; offsetMs: number }
  /** Take the pick-th action the model allows now: keeps sequences moving through the lifecycle. */
  | { kind: "guided"; pick: number }
  | { kind: "sweep" };

const who = fc.constantFrom<Who>(
  "partner",
  "partner",
  "partner",
  "reviewer",
  "reviewer",
  "reviewer",
  "billing",
);
const requestInformation: TransitionCommand = {
  type: "request-information",
  reasons: ["missing_or_old_dates"],
  comment: "dates?",
};
const commandArb: fc.Arbitrary<TransitionCommand> = fc.oneof<fc.Arbitrary<TransitionCommand>[]>(
  fc.constant({ type: "submit" as const }),
  fc.constant({ type: "start-review" as const }),
  fc.constant(requestInformation),
  fc
    .option(fc.constant("here it is"), { nil: undefined })
    .map((comment) => ({ type: "resubmit" as const, comment })),
  fc.constant({ type: "approve" as const }),
  fc
    .constantFrom("insufficient_poe" as const, "poe_unavailable" as const, "partner_request" as const)
    .map((r): TransitionCommand => ({ type: "reject", reasons: [r], comment: "no" })),
  fc.constant({ type: "withdraw" as const, reason: "other" as const }),
  fc.constant({ type: "dispute" as const, justification: "please" }),
  fc.constant({ type: "uphold-dispute" as const, comment: "final" }),
  fc
    .constantFrom("under_review" as const, "approved" as const)
    .map((to) => ({ type: "overturn-dispute" as const, comment: "ok", to })),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ kind: fc.constant("act" as const), who, command: commandArb }) },
  { weight: 2, arbitrary: fc.constant({ kind: "upload" as const }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("comment" as const),
      who: fc.constantFrom("partner" as const, "reviewer" as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("customer" as const),
      decision: fc.constantFrom("deny" as const, "confirm" as const),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "copy" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("edit" as const),
      field: fc.constantFrom("partnerContact" as const, "activity" as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("wait" as const),
      ms: fc.oneof(
        fc.integer({ min: 1, max: hours(12) }),
        fc.integer({ min: hours(12), max: days(4) }),
        fc.integer({ min: days(4), max: days(35) }),
      ),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("waitNext" as const),
      offsetMs: fc.constantFrom(-1, 0, 0, 1, hours(3)),
    }),
  },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant("guided" as const), pick: fc.nat(50) }) },
  { weight: 3, arbitrary: fc.constant({ kind: "sweep" as const }) },
);

const BODIES: Record<string, TransitionCommand> = {
  submit: { type: "submit" },
  "start-review": { type: "start-review" },
  "request-information": requestInformation,
  resubmit: { type: "resubmit", comment: "answered" },
  approve: { type: "approve" },
  reject: { type: "reject", reasons: ["insufficient_poe"], comment: "no" },
  withdraw: { type: "withdraw", reason: "no_longer_working_with_customer" },
  dispute: { type: "dispute", justification: "see the new PoE" },
  "uphold-dispute": { type: "uphold-dispute", comment: "final" },
  "overturn-dispute": { type: "overturn-dispute", comment: "ok", to: "approved" },
};

/** The concrete steps the model allows now, for partner, reviewer and customer. */
function allowedSteps(state: ClaimState): Step[] {
  const out: Step[] = [];
  for (const [w, role] of [
    ["partner", "incentives_admin"],
    ["reviewer", "reviewer"],
  ] as const) {
    for (const a of allowedActions(state, { kind: "user", role })) {
      const command = BODIES[a];
      if (command) out.push({ kind: "act", who: w, command });
      else if (a === "upload") out.push({ kind: "upload" });
      else if (a === "copy") out.push({ kind: "copy" });
      else if (a === "edit") out.push({ kind: "edit", field: "partnerContact" });
      else if (a === "comment") out.push({ kind: "comment", who: w });
    }
  }
  if (state.status === "approved" && state.consent?.status === "running") {
    out.push({ kind: "customer", decision: "deny" }, { kind: "customer", decision: "confirm" });
  }
  return out;
}

function comparable(s: ClaimState) {
  return {
    status: s.status,
    reasons: s.reasons,
    consent: s.consent,
    dispute: s.dispute,
    deadlines: s.deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt, warned: d.warned, fired: d.fired })),
  };
}

/** The operator's roles (RULES.md §1), written here rather than read from src/domain/policies. */
const OPERATOR_ROLES: readonly string[] = ["reviewer", "program_admin"];

const RUNS: Record<string, number> = {
  sqlite: Number(process.env.MODEL_RUNS_SQLITE ?? 1000),
  postgres: Number(process.env.MODEL_RUNS_POSTGRES ?? 200),
};

describe.each(ENGINES)("model-based lifecycle on %s", (engine) => {
  let app: TestApp;
  let w: World;
  let calendar: BusinessCalendar;
  beforeAll(async () => {
    app = await openTestApp(engine);
    w = await makeWorld(app.ctx);
    calendar = businessCalendar(DEFAULT_CALENDAR);
  });
  afterAll(() => app.close());

  it(`agrees with the pure model over ${RUNS[engine]} random sequences`, async () => {
    let sequences = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 18 }), async (plan) => {
        sequences++;
        const { ctx, clock } = app;
        const actorOf = (p: Principal): Actor =>
          p.kind === "user" ? { kind: "user", role: p.role } : { kind: p.kind };
        const principal = (x: Who): Principal =>
          x === "partner" ? w.a.incentives : x === "reviewer" ? w.reviewer : w.a.billing;
        const customer = await w.newCustomer();
        const claim = await createClaim(ctx, w.a.incentives, w.input(w.a, customer));
        let model = initialState();
        let activity = "deployment";
        const modelDecide = (command: Command, actor: Actor): string | null => {
          model = fireDue(model, clock.now(), { calendar, policy: DEFAULT_POLICY }).state;
          // RULES.md §1: a partner's draft does not exist for the operator, whatever it asks.
          if (model.status === "editing" && actor.kind === "user" && OPERATOR_ROLES.includes(actor.role))
            return "not_found";
          const d = decide(model, command, actor, { now: clock.now(), calendar, policy: DEFAULT_POLICY });
          if (!d.ok) return d.refusal.code;
          model = d.state;
          return null;
        };
        const real = async (work: () => Promise<unknown>): Promise<string | null> => {
          try {
            await work();
            return null;
          } catch (e) {
            if (e instanceof RefusalError) return e.refusal.code;
            throw e;
          }
        };
        for (const planned of plan) {
          steps++;
          const now = fireDue(model, clock.now(), { calendar, policy: DEFAULT_POLICY }).state;
          let step: Step = planned;
          if (planned.kind === "guided") {
            const options = allowedSteps(now);
            step = options[planned.pick % Math.max(1, options.length)] ?? { kind: "sweep" };
          } else if (planned.kind === "waitNext") {
            const t = nextTimer(now);
            const target = t ? t.at + planned.offsetMs : clock.now() + days(1);
            step = { kind: "wait", ms: Math.max(0, target - clock.now()) };
          }
          let expected: string | null = null;
          let got: string | null = null;
          switch (step.kind) {
            case "wait":
              clock.advance(step.ms);
              break;
            case "guided":
            case "waitNext":
              throw new Error("resolved above");
            case "sweep": {
              await sweep(ctx);
              const row = await ctx.db.kysely
                .selectFrom("claims")
                .select("state")
                .where("id", "=", claim.id)
                .executeTakeFirstOrThrow();
              const stored = JSON.parse(row.state) as ClaimState;
              const expectedNow = fireDue(model, clock.now(), { calendar, policy: DEFAULT_POLICY }).state;
              expect(comparable(stored)).toEqual(comparable(expectedNow));
              break;
            }
            case "act": {
              const p = principal(step.who);
              expected = modelDecide(step.command, actorOf(p));
              got = await real(() => actOnClaim(ctx, p, claim.id, step.command));
              break;
            }
            case "upload":
              expected = modelDecide({ type: "upload" }, actorOf(w.a.incentives));
              got = await real(() => attachDocument(ctx, w.a.incentives, claim.id, pdf()));
              break;
            case "comment": {
              const p = principal(step.who);
              expected = modelDecide({ type: "comment" }, actorOf(p));
              got = await real(() => addComment(ctx, p, claim.id, "a comment"));
              break;
            }
            case "customer":
              expected = modelDecide(
                step.decision === "deny" ? { type: "customer-deny" } : { type: "customer-confirm" },
                { kind: "customer" },
              );
              got = await real(() => customerDecision(ctx, claim.id, step.decision, { name: "Casey" }));
              break;
            case "copy": {
              expected = modelDecide({ type: "copy" }, actorOf(w.a.incentives));
              let copyId: string | null = null;
              got = await real(async () => {
                copyId = (await copyClaim(ctx, w.a.incentives, claim.id)).id;
              });
              // The copy would hold the customer's keys; release them so later copies stay legal.
              if (copyId)
                await actOnClaim(ctx, w.a.incentives, copyId, { type: "withdraw", reason: "other" });
              break;
            }
            case "edit": {
              const next = step.field === "activity" ? (activity === "usage" ? "deployment" : "usage") : null;
              expected = modelDecide({ type: "edit", fields: [step.field] }, actorOf(w.a.incentives));
              const patch =
                step.field === "activity"
                  ? { activity: next }
                  : { partnerContact: { name: "Paula", email: `p${steps}@partner.example` } };
              got = await real(() => editClaim(ctx, w.a.incentives, claim.id, patch));
              if (got === null && next) activity = next;
              break;
            }
          }
          expect({ step, outcome: got }).toEqual({ step, outcome: expected });
          // Invariant: the sweeper's index holds exactly the timers the stored state has pending.
          const stored = await ctx.db.kysely
            .selectFrom("claims")
            .select("state")
            .where("id", "=", claim.id)
            .executeTakeFirstOrThrow();
          const index = await ctx.db.kysely
            .selectFrom("deadlines")
            .select(["timer", "due_at"])
            .where("claim_id", "=", claim.id)
            .orderBy("timer")
            .execute();
          expect(index).toEqual(
            pendingTimers(JSON.parse(stored.state) as ClaimState)
              .map((t) => ({ timer: timerKey(t), due_at: t.at }))
              .sort((a, b) => a.timer.localeCompare(b.timer)),
          );
          const view = await getClaim(ctx, w.a.global, claim.id); // its partner: drafts are hidden from the operator
          const current = comparable(fireDue(model, clock.now(), { calendar, policy: DEFAULT_POLICY }).state);
          const m = {
            ...current,
            deadlines: current.deadlines.map((d) => ({ kind: d.kind, dueAt: d.dueAt })),
          };
          expect({
            status: view.status,
            reasons: view.reasons,
            deadlines: view.deadlines.map((d) => ({ kind: d.kind, dueAt: Date.parse(d.dueAt) })),
            consent: view.consent && { status: view.consent.status, endsAt: Date.parse(view.consent.endsAt) },
            dispute: view.dispute && {
              status: view.dispute.status,
              openedAt: Date.parse(view.dispute.openedAt),
              dueAt: Date.parse(view.dispute.dueAt),
            },
          }).toEqual(m);
        }
      }),
      { numRuns: RUNS[engine], endOnFailure: true },
    );
    process.stdout.write(`model-based (${engine}): ${sequences} sequences, ${steps} steps\n`);
    expect(sequences).toBeGreaterThanOrEqual(RUNS[engine] ?? 0);
  }, 600_000);
});
