// Money is integers in minor units end to end (RULES.md §12). Parsing and the plain
// decimal form are the domain's (src/domain/incentives.ts); showing an amount hands Intl that exact
// decimal string, so that no floating-point step can move a cent.
import { currencyDigits, formatMinor, parseAmountIn, parseRateBps } from "../../../src/domain/incentives.ts";

export { currencyDigits, formatMinor, parseAmountIn, parseRateBps };

/** An amount in minor units as the reader's language writes it in that currency. */
export function formatMoney(minor: number, currency: string, lang: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const f = new Intl.NumberFormat(lang, {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // Intl takes a decimal string as it is (no conversion to a binary float on the way).
  const decimal = formatMinor(minor, currency);
  return isDecimal(decimal) ? f.format(decimal) : String(minor);
}

/** Basis points as the percentage a person types: 525 -> "5.25" (the inverse of parseRateBps). */
export function bpsAsPercent(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const cents = Math.abs(bps % 100);
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, "0").replace(/0$/, "")}`;
}

const isDecimal = (s: string): s is `${number}` => /^-?\d+(\.\d+)?$/.test(s);
