// The web app's money: minor units shown exactly (no float on the way to Intl), in the currency's
// own digits; rates as the percentage a person types.
import { describe, expect, it } from "vitest";
import { parseRateBps } from "../../src/domain/incentives.ts";
import { bpsAsPercent, formatMoney } from "../../web/src/lib/money.ts";

describe("web money", () => {
  it("formats with the currency's digits, exactly beyond a float's precision", () => {
    expect(formatMoney(123456789012345, "EUR", "en")).toBe("€1,234,567,890,123.45");
    expect(formatMoney(1000, "JPY", "en")).toBe("¥1,000");
    expect(formatMoney(1005, "KWD", "en").replace(/\s/g, " ")).toBe("KWD 1.005");
    expect(formatMoney(-5, "USD", "en")).toBe("-$0.05");
  });

  it("writes basis points as the percentage parseRateBps reads back", () => {
    for (const bps of [0, 5, 50, 500, 525, 1250, 10_000]) expect(parseRateBps(bpsAsPercent(bps))).toBe(bps);
    expect(bpsAsPercent(525)).toBe("5.25");
    expect(bpsAsPercent(550)).toBe("5.5");
    expect(bpsAsPercent(500)).toBe("5");
  });
});
