// The claim page's next step, read from the claim alone: situation, the deadline that matters, and
// the panel's buttons from allowedActions (the primary first; withdraw and edit are not next steps).
import { describe, expect, it } from "vitest";
import { nextStep, type StepInput } from "../../web/src/features/claims/components/next-step.ts";
import type { Claim } from "../../web/src/lib/api-types.ts";

const claim = (s: Partial<StepInput>): StepInput => ({
  status: "submitted",
  consent: null,
  dispute: null,
  deadlines: [],
  allowedActions: [],
  ...s,
});
type Deadline = Claim["deadlines"][number];
const due = (kind: Deadline["kind"]): Deadline => ({
  kind,
  dueAt: "2026-03-14T00:00:00.000Z",
  lastMomentToAct: "2026-03-13T23:59:59.999Z",
  timeZone: "UTC",
  businessDaysLeft: 3,
  hoursLeft: 72,
  overdue: false,
  overdueBy: null,
  state: "on_time",
});

describe("nextStep", () => {
  it("puts the reviewer's decision first, approve as the primary, and keeps withdraw out", () => {
    const s = nextStep(
      claim({
        status: "under_review",
        deadlines: [due("decision")],
        allowedActions: ["reject", "request-information", "approve", "comment", "withdraw"],
      }),
    );
    expect(s).toEqual({
      situation: "under_review",
      actions: ["approve", "request-information", "reject"],
      deadline: due("decision"),
    });
  });

  it("waits, with the partner's response deadline, when the viewer may not act", () => {
    const s = nextStep(
      claim({
        status: "partner_action_required",
        deadlines: [due("partner_response")],
        allowedActions: ["comment"],
      }),
    );
    expect(s.actions).toEqual([]);
    expect(s.deadline?.kind).toBe("partner_response");
  });

  it("tells a disputable rejection, an open dispute and a final rejection apart", () => {
    expect(nextStep(claim({ status: "rejected", deadlines: [due("dispute_window")] })).situation).toBe(
      "rejected_disputable",
    );
    expect(
      nextStep(
        claim({
          status: "rejected",
          dispute: {
            status: "open",
            openedAt: "2026-03-06T15:00:00.000Z",
            dueAt: "2026-03-14T00:00:00.000Z",
            deadline: due("dispute_decision"),
          },
          deadlines: [due("dispute_decision")],
        }),
      ).deadline?.kind,
    ).toBe("dispute_decision");
    expect(nextStep(claim({ status: "rejected", allowedActions: ["copy"] }))).toMatchObject({
      situation: "rejected_final",
      actions: ["copy"],
    });
  });

  it("knows a running consent period from a passed one", () => {
    const running = {
      status: "running" as const,
      endsAt: "2026-03-13T15:00:00.000Z",
      deadline: due("consent_end"),
    };
    expect(
      nextStep(claim({ status: "approved", consent: running, deadlines: [due("consent_end")] })).situation,
    ).toBe("consent");
    expect(nextStep(claim({ status: "approved", consent: { ...running, status: "passed" } })).situation).toBe(
      "approved",
    );
  });
});
