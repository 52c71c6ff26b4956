// Incentive rules (RULES.md §12), pure: assessing a claim against a programme, the one
// rounding rule of money, and the one way to read, write and sum amounts (server and web app alike).
// Money is integer minor units; a total never mixes currencies.

export const INELIGIBLE_REASONS = [
  "product_not_in_program",
  "activity_not_incentivised",
  "organization_not_enrolled",
  "program_not_active",
] as const;
export type IneligibleReason = (typeof INELIGIBLE_REASONS)[number];

export interface ProgramRules {
  code: string;
  /** Products the programme pays for. */
  products: string[];
  activities: string[];
  /** Inclusive dates, YYYY-MM-DD. */
  startsOn: string;
  endsOn: string | null;
}

export interface ClaimForAssessment {
  products: string[];
  activity: string;
  /** Whether the activity is incentivised at all in the catalog (recognition-only otherwise). */
  activityIncentivised: boolean;
  enrolled: boolean;
  /** The day the claim was sent to assessment (YYYY-MM-DD, UTC). */
  assessedOn: string;
}

export interface Assessment {
  status: "eligible" | "ineligible";
  reasons: IneligibleReason[];
  /** The claim's products this programme pays for. */
  products: string[];
}

/** Every reason that applies, not just the first: the partner learns all that stands in the way. */
export function assess(claim: ClaimForAssessment, program: ProgramRules): Assessment {
  const products = claim.products.filter((p) => program.products.includes(p));
  const reasons: IneligibleReason[] = [];
  if (products.length === 0) reasons.push("product_not_in_program");
  if (!claim.activityIncentivised || !program.activities.includes(claim.activity))
    reasons.push("activity_not_incentivised");
  if (!claim.enrolled) reasons.push("organization_not_enrolled");
  if (claim.assessedOn < program.startsOn || (program.endsOn !== null && claim.assessedOn > program.endsOn))
    reasons.push("program_not_active");
  return reasons.length
    ? { status: "ineligible", reasons, products: [] }
    : { status: "eligible", reasons, products };
}

/** YYYY-MM-DD and YYYY-MM of an instant, in UTC. */
export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
export const monthOf = (at: number) => new Date(at).toISOString().slice(0, 7);

/** Whether a programme runs at any time during `month` (YYYY-MM). */
export function activeInMonth(program: Pick<ProgramRules, "startsOn" | "endsOn">, month: string): boolean {
  return (
    program.startsOn.slice(0, 7) <= month && (program.endsOn === null || program.endsOn.slice(0, 7) >= month)
  );
}

/**
 * The rounding rule: round half to even on the exact product, in integers (BigInt), so that no
 * floating-point step can move a cent. earnings = round_half_even(revenueMinor * rateBps / 10000).
 */
export function earningsMinor(revenueMinor: number, rateBps: number): number {
  const n = BigInt(revenueMinor) * BigInt(rateBps);
  const d = 10_000n;
  const q = n / d; // truncates toward zero
  const r = n % d;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice < d) return Number(q);
  if (twice > d) return Number(n < 0n ? q - 1n : q + 1n);
  // Exactly half: to the even neighbour.
  if (q % 2n === 0n) return Number(q);
  return Number(n < 0n ? q - 1n : q + 1n);
}

// A memo, not state: a currency's digits never change while the process runs, and the revenue
// import asks once per row (a million rows), where Intl's currency list is slow to consult.
const DIGITS = new Map<string, number>();

/**
 * Minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD), or null for a code
 * that is not a currency. Pure (answers the same for the same code, in Node and in the browser).
 */
export function currencyDigits(code: string): number | null {
  if (!/^[A-Z]{3}$/.test(code)) return null;
  const hit = DIGITS.get(code);
  if (hit !== undefined) return hit;
  if (!Intl.supportedValuesOf("currency").includes(code)) return null;
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
      .maximumFractionDigits ?? 2;
  DIGITS.set(code, digits);
  return digits;
}

/**
 * A decimal string to integer minor units, without floating point: "1234.5" with 2 digits ->
 * 123450. Refuses (null) more decimals than the currency has, exponents, thousands separators,
 * and anything else a spreadsheet might slip in. Pure.
 */
export function parseAmount(text: string, digits: number): number | null {
  const m = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const [, sign, whole = "", frac = ""] = m;
  if (frac.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(frac.padEnd(digits, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  // No negative zero: "-0.00" is nothing owed either way.
  return sign && minor !== 0n ? -Number(minor) : Number(minor);
}

/** parseAmount in a currency's own digits; null for an unknown currency or a bad amount. Pure. */
export function parseAmountIn(text: string, currency: string): number | null {
  const digits = currencyDigits(currency);
  return digits === null ? null : parseAmount(text, digits);
}

/**
 * Integer minor units as a plain decimal string in the currency's own digits, the inverse of
 * parseAmount: 123450 EUR -> "1234.50", 1234 JPY -> "1234", -5 USD -> "-0.05". An unknown currency
 * is written with 2 digits. No grouping and no symbol: for CSV and form fields (people's screens
 * use Intl.NumberFormat). Pure.
 */
export function formatMinor(minor: number, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  const sign = minor < 0 ? "-" : "";
  const s = Math.abs(minor)
    .toString()
    .padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${s}` : `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}`;
}

/**
 * A percentage as typed by a person ("5", "5.25") to basis points (500, 525), exactly; null for
 * more than 2 decimals or outside 0..100 %. Pure.
 */
export function parseRateBps(percent: string): number | null {
  const bps = parseAmount(percent, 2);
  return bps === null || bps < 0 || bps > 10_000 ? null : bps;
}

export interface MoneyTotal {
  currency: string;
  revenueMinor: number;
  earningsMinor: number;
}

/** Sums per currency, in the order currencies first appear; a total never mixes currencies. Pure. */
export function totalsByCurrency(
  lines: readonly { currency: string; revenueMinor: number; earningsMinor: number }[],
): MoneyTotal[] {
  const totals = new Map<string, MoneyTotal>();
  for (const l of lines) {
    const t = totals.get(l.currency) ?? { currency: l.currency, revenueMinor: 0, earningsMinor: 0 };
    t.revenueMinor += l.revenueMinor;
    t.earningsMinor += l.earningsMinor;
    totals.set(l.currency, t);
  }
  return [...totals.values()];
}
