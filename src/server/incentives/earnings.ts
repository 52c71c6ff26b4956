// Earnings of a month (RULES.md §12): eligible associations x imported revenue x rate,
// computed from the data as it is now. One line per claim, programme, tenant, subscription,
// product and currency; payout statements are snapshots of these lines.
import type { Kysely } from "kysely";
import { activeInMonth, earningsMinor } from "../../domain/incentives.ts";
import type { DB } from "../db/schema.ts";

export interface EarningLine {
  claimId: string;
  claimNumber: string;
  /** The customer the claim names, so that a line reads without opening the claim. */
  customerName: string;
  customerDomain: string;
  organizationId: string;
  program: string;
  tenantId: string;
  subscriptionId: string;
  product: string;
  month: string;
  currency: string;
  revenueMinor: number;
  rateBps: number | null;
  flatMinor: number | null;
  earningsMinor: number;
}

export async function earningsOf(
  db: Kysely<DB>,
  month: string,
  organizationId: string | null,
): Promise<EarningLine[]> {
  let q = db
    .selectFrom("earning_keys as k")
    .innerJoin("revenue as r", (j) =>
      j
        .onRef("r.tenant_id", "=", "k.tenant_id")
        .onRef("r.product", "=", "k.product")
        .on("r.month", "=", month)
        .on((eb) =>
          eb.or([
            eb("k.subscription_id", "is", null),
            eb("k.subscription_id", "=", eb.ref("r.subscription_id")),
          ]),
        ),
    )
    .innerJoin("program_products as pp", (j) =>
      j.onRef("pp.program_code", "=", "k.program_code").onRef("pp.product_code", "=", "k.product"),
    )
    .innerJoin("programs as p", "p.code", "k.program_code")
    .innerJoin("claims as c", "c.id", "k.claim_id")
    .select((eb) => [
      "k.claim_id",
      "c.number",
      "c.customer_name",
      "c.customer_domain",
      "k.organization_id",
      "k.program_code",
      "r.tenant_id",
      "r.subscription_id",
      "r.product",
      "r.currency",
      eb.fn.sum<number>("r.amount_minor").as("revenue"),
      "pp.rate_bps",
      "pp.flat_minor",
      "pp.flat_currency",
      "p.starts_on",
      "p.ends_on",
    ])
    .where("k.from_month", "<=", month)
    .where((eb) => eb.or([eb("k.until_month", "is", null), eb("k.until_month", ">=", month)]))
    .groupBy([
      "k.claim_id",
      "c.number",
      "c.customer_name",
      "c.customer_domain",
      "k.organization_id",
      "k.program_code",
      "r.tenant_id",
      "r.subscription_id",
      "r.product",
      "r.currency",
      "pp.rate_bps",
      "pp.flat_minor",
      "pp.flat_currency",
      "p.starts_on",
      "p.ends_on",
    ])
    .orderBy("c.number")
    .orderBy("k.program_code")
    .orderBy("r.subscription_id")
    .orderBy("r.product")
    .orderBy("r.currency");
  if (organizationId !== null) q = q.where("k.organization_id", "=", organizationId);
  const rows = await q.execute();
  const lines: EarningLine[] = [];
  for (const r of rows) {
    if (!activeInMonth({ startsOn: r.starts_on, endsOn: r.ends_on }, month)) continue;
    const revenue = Number(r.revenue);
    let earned: number;
    if (r.rate_bps !== null) earned = earningsMinor(revenue, Number(r.rate_bps));
    else {
      // A flat amount is paid in its own currency, for a subscription with revenue that month.
      if (r.flat_currency !== r.currency) continue;
      earned = revenue > 0 ? Number(r.flat_minor) : 0;
    }
    lines.push({
      claimId: r.claim_id,
      claimNumber: r.number,
      customerName: r.customer_name,
      customerDomain: r.customer_domain,
      organizationId: r.organization_id,
      program: r.program_code,
      tenantId: r.tenant_id,
      subscriptionId: r.subscription_id,
      product: r.product,
      month,
      currency: r.currency,
      revenueMinor: revenue,
      rateBps: r.rate_bps === null ? null : Number(r.rate_bps),
      flatMinor: r.flat_minor === null ? null : Number(r.flat_minor),
      earningsMinor: earned,
    });
  }
  return lines;
}
