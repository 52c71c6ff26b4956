// The payout statement lifecycle and the money helpers, as pure functions: who may do what in
// which state, and amounts read and written in the currency's own digits without floating point.
import { describe, expect, it } from "vitest";
import {
  currencyDigits,
  formatMinor,
  parseAmount,
  parseAmountIn,
  parseRateBps,
  totalsByCurrency,
} from "../../src/domain/incentives.ts";
import {
  judgeStatementAction,
  type StatementStatus,
  statementAllowedActions,
} from "../../src/domain/payouts.ts";
import type { Subject } from "../../src/domain/policies/subject.ts";

const user = (role: Extract<Subject, { kind: "user" }>["role"], organizationId: string | null): Subject => ({
  kind: "user",
  role,
  organizationId,
});
const programAdmin = user("program_admin", null);
const billing = user("billing_admin", "org-a");
const otherBilling = user("billing_admin", "org-b");
const incentives = user("incentives_admin", "org-a");
const statement = (status: StatementStatus) => ({ status, organizationId: "org-a" });

describe("payout statement lifecycle", () => {
  it("lists each caller's actions per state", () => {
    const table = (["calculated", "approved", "paid"] as const).map((st) => [
      st,
      statementAllowedActions(statement(st), programAdmin),
      statementAllowedActions(statement(st), billing),
      statementAllowedActions(statement(st), otherBilling),
      statementAllowedActions(statement(st), incentives),
    ]);
    expect(table).toEqual([
      ["calculated", ["approve"], ["dispute-line"], [], []],
      ["approved", ["paid"], ["dispute-line"], [], []],
      ["paid", [], [], [], []],
    ]);
  });

  it("refuses a caller first, then a state, naming the state and what is allowed", () => {
    expect(judgeStatementAction(statement("calculated"), "approve", billing)).toMatchObject({
      ok: false,
      refusal: { code: "forbidden" },
    });
    expect(judgeStatementAction(statement("paid"), "approve", billing)).toMatchObject({
      refusal: { code: "forbidden" },
    });
    expect(judgeStatementAction(statement("approved"), "approve", programAdmin)).toEqual({
      ok: false,
      refusal: {
        code: "invalid_transition",
        detail: "a approved statement cannot become approved; it must be calculated",
        state: "approved",
        allowedActions: ["paid"],
      },
    });
    expect(judgeStatementAction(statement("calculated"), "approve", programAdmin)).toEqual({
      ok: true,
      to: "approved",
    });
    expect(judgeStatementAction(statement("approved"), "dispute-line", billing)).toEqual({
      ok: true,
      to: "approved",
    });
  });
});

describe("money in minor units", () => {
  it("knows each currency's digits", () => {
    expect([currencyDigits("EUR"), currencyDigits("JPY"), currencyDigits("KWD")]).toEqual([2, 0, 3]);
    expect([currencyDigits("XXZ"), currencyDigits("usd"), currencyDigits("")]).toEqual([null, null, null]);
  });

  it("parses decimal strings exactly and refuses what a spreadsheet slips in", () => {
    expect(parseAmount("1234.5", 2)).toBe(123450);
    expect(parseAmount("0.1", 2)).toBe(10);
    expect(parseAmount("-0.00", 2)).toBe(0);
    expect(parseAmount("-12.34", 2)).toBe(-1234);
    expect(parseAmount("999999999999999", 0)).toBe(999_999_999_999_999);
    for (const bad of ["1.234", "1e3", "1,000.00", "", "12.", ".5", "$1"])
      expect(parseAmount(bad, 2)).toBeNull();
    expect(parseAmount("999999999999999", 3)).toBeNull();
    expect(parseAmountIn("12", "JPY")).toBe(12);
    expect(parseAmountIn("12.5", "JPY")).toBeNull();
    expect(parseAmountIn("12.5", "XXZ")).toBeNull();
  });

  it("writes minor units back in the currency's digits", () => {
    expect(formatMinor(123450, "EUR")).toBe("1234.50");
    expect(formatMinor(5, "USD")).toBe("0.05");
    expect(formatMinor(-5, "USD")).toBe("-0.05");
    expect(formatMinor(1234, "JPY")).toBe("1234");
    expect(formatMinor(1234, "KWD")).toBe("1.234");
    for (const minor of [0, 1, 99, 100, 123456789])
      expect(parseAmountIn(formatMinor(minor, "EUR"), "EUR")).toBe(minor);
  });

  it("reads rates as basis points and sums per currency", () => {
    expect([parseRateBps("5"), parseRateBps("5.25"), parseRateBps("100")]).toEqual([500, 525, 10_000]);
    expect([parseRateBps("5.255"), parseRateBps("-1"), parseRateBps("100.01")]).toEqual([null, null, null]);
    expect(
      totalsByCurrency([
        { currency: "USD", revenueMinor: 100, earningsMinor: 5 },
        { currency: "EUR", revenueMinor: 200, earningsMinor: 10 },
        { currency: "USD", revenueMinor: 300, earningsMinor: 15 },
      ]),
    ).toEqual([
      { currency: "USD", revenueMinor: 400, earningsMinor: 20 },
      { currency: "EUR", revenueMinor: 200, earningsMinor: 10 },
    ]);
  });
});
