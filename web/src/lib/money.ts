// Money is integers in minor units end to end (DOMAIN.md section 11): amounts typed by a person are
// parsed with the domain's parseAmount and the currency's digits, and amounts are shown by handing
// Intl an exact decimal string, so that no floating-point step can move a cent.
import { currencyDigits, parseAmount } from "../../../src/domain/incentives.ts";

export { currencyDigits, parseAmount };

/** 12345 minor units with 2 digits -> "123.45"; with 0 digits -> "12345". Exact, in integers. */
export function minorToDecimal(minor: number, digits: number): string {
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  if (digits === 0) return `${sign}${abs}`;
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}

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
  const decimal = minorToDecimal(minor, digits);
  return isDecimal(decimal) ? f.format(decimal) : String(minor);
}

const isDecimal = (s: string): s is `${number}` => /^-?\d+(\.\d+)?$/.test(s);
