// The pure rules behind answering payout line disputes and explaining what does not earn yet:
// who may answer which line in which state, where an answer takes the statement, when a move
// needs the open disputes acknowledged, and why an approved claim earns nothing.
import { describe, expect, it } from "vitest";
import { whyNotEarning } from "../../src/domain/not-earning-yet.ts";
import {
  judgeStatementAction,
  lineAbilities,
  type StatementStatus,
  statementAllowedActions,
  statusAfterResolution,
  unacknowledgedDisputes,
} from "../../src/domain/payouts.ts";
import type { Subject } from "../../src/domain/policies/subject.ts";

const user = (role: Extract<Subject, { kind: "user" }>["role"], organizationId: string | null): Subject => ({
  kind: "user",
  role,
  organizationId,
});
const programAdmin = user("program_admin", null);
const billing = user("billing_admin", "org-a");
const statement = (status: StatementStatus, openDisputes = 1) => ({
  status,
  organizationId: "org-a",
  openDisputes,
});

describe("answering a line dispute", () => {
  it("offers resolve-line-dispute to the programme only while a dispute is open and the statement unpaid", () => {
    expect(statementAllowedActions(statement("calculated"), programAdmin)).toEqual([
      "approve",
      "resolve-line-dispute",
    ]);
    expect(statementAllowedActions(statement("approved"), programAdmin)).toEqual([
      "paid",
      "resolve-line-dispute",
    ]);
    expect(statementAllowedActions(statement("calculated", 0), programAdmin)).toEqual(["approve"]);
    expect(statementAllowedActions(statement("paid"), programAdmin)).toEqual([]);
    expect(statementAllowedActions(statement("calculated"), billing)).toEqual(["dispute-line"]);
    expect(judgeStatementAction(statement("calculated"), "resolve-line-dispute", billing)).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(judgeStatementAction(statement("paid"), "resolve-line-dispute", programAdmin)).toMatchObject({
      refusal: { code: "invalid_transition", state: "paid" },
    });
  });

  it("gives each line its own abilities", () => {
    expect(lineAbilities(statement("approved"), programAdmin, { openDispute: true })).toEqual({
      dispute: false,
      resolveDispute: true,
    });
    expect(lineAbilities(statement("approved"), programAdmin, { openDispute: false })).toEqual({
      dispute: false,
      resolveDispute: false,
    });
    expect(lineAbilities(statement("approved"), billing, { openDispute: true })).toEqual({
      dispute: true,
      resolveDispute: false,
    });
  });

  it("sends an approved statement back to calculated only when its total changes", () => {
    expect(statusAfterResolution("approved", true)).toBe("calculated");
    expect(statusAfterResolution("approved", false)).toBe("approved");
    expect(statusAfterResolution("calculated", true)).toBe("calculated");
  });

  it("needs open disputes acknowledged before a move", () => {
    const open = [
      {
        id: "l1",
        claimNumber: "CA-1",
        customerName: "Contoso",
        customerDomain: "contoso.example",
        earningsMinor: 200,
        currency: "USD",
        comment: "short",
        disputedAt: "2030-01-01T00:00:00.000Z",
      },
    ];
    expect(unacknowledgedDisputes(open, false)).toMatchObject({ code: "open_line_disputes", lines: open });
    expect(unacknowledgedDisputes(open, true)).toBeNull();
    expect(unacknowledgedDisputes([], false)).toBeNull();
  });
});

describe("why an approved claim earns nothing yet", () => {
  const now = Date.parse("2030-03-10T12:00:00.000Z");
  const endsAt = Date.parse("2030-03-18T00:00:00.000Z");
  it("is in its consent period until the period's last moment", () => {
    expect(whyNotEarning({ consent: { status: "running", endsAt }, assessmentAt: null }, [], now)).toEqual({
      reason: "consent_period",
      until: endsAt - 1,
      ineligibleReasons: [],
    });
  });
  it("waits for the assessment once the period is over", () => {
    const state = { consent: { status: "running" as const, endsAt }, assessmentAt: null };
    expect(whyNotEarning(state, [], endsAt).reason).toBe("pending_eligibility");
  });
  it("is ineligible with every programme's reasons, in the vocabulary's order, once", () => {
    const state = { consent: { status: "passed" as const, endsAt }, assessmentAt: endsAt };
    expect(
      whyNotEarning(
        state,
        [["organization_not_enrolled", "product_not_in_program"], ["product_not_in_program"]],
        now,
      ),
    ).toEqual({
      reason: "ineligible",
      until: null,
      ineligibleReasons: ["product_not_in_program", "organization_not_enrolled"],
    });
  });
});
