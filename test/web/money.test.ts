// The web app's money: minor units shown exactly (no float on the way to Intl), in the currency's
// own digits.
import { describe, expect, it } from "vitest";
import { formatMoney, minorToDecimal } from "../../web/src/lib/money.ts";

describe("web money", () => {
  it("turns minor units into an exact decimal string", () => {
    expect(minorToDecimal(12345, 2)).toBe("123.45");
    expect(minorToDecimal(5, 2)).toBe("0.05");
    expect(minorToDecimal(-5, 3)).toBe("-0.005");
    expect(minorToDecimal(7, 0)).toBe("7");
  });

  it("formats with the currency's digits, exactly beyond a float's precision", () => {
    expect(formatMoney(123456789012345, "EUR", "en")).toBe("€1,234,567,890,123.45");
    expect(formatMoney(1000, "JPY", "en")).toBe("¥1,000");
    expect(formatMoney(1005, "KWD", "en").replace(/\s/g, " ")).toBe("KWD 1.005");
  });
});
