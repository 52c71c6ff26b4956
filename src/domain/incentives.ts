// Incentive rules (DOMAIN.md section 11), pure: assessing a claim against a programme, and the one
// rounding rule of money. Money is integer minor units; a total never mixes currencies.

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

const DIGITS = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency (2 for EUR, 0 for JPY, 3 for KWD), or null if unknown. */
export function currencyDigits(code: string): number | null {
  if (!/^[A-Z]{3}$/.test(code)) return null;
  const hit = DIGITS.get(code);
  if (hit !== undefined) return hit;
  if (!Intl.supportedValuesOf("currency").includes(code)) return null;
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
    .maximumFractionDigits;
  DIGITS.set(code, digits ?? 2);
  return digits ?? 2;
}

/**
 * "1234.5" in a currency with 2 digits -> 123450. Refuses more decimals than the currency has,
 * exponents, thousands separators and anything else a spreadsheet might slip in.
 */
export function parseAmount(text: string, digits: number): number | null {
  const m = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const [, sign, whole, frac = ""] = m;
  if (frac.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(frac.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return sign ? -minor : minor;
}
