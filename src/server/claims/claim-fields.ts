// A claim row's partner-entered fields as the ClaimInput they came from, and JSON merge patch.
import type { ClaimsTable } from "../db/schema.ts";
import type { ClaimInput } from "./claim-input.ts";

type InputColumns =
  | "partner_id"
  | "tenant_id"
  | "customer_domain"
  | "customer_name"
  | "subscription_id"
  | "activity"
  | "products"
  | "customer_contact"
  | "partner_contact";

/**
 * The claim's input fields from its row. `parse` reads its JSON columns: views pass a shared,
 * frozen cache (parsed-json.ts); whoever edits the result keeps the default, a fresh parse.
 */
export function inputOf(
  row: Pick<ClaimsTable, InputColumns>,
  parse: (text: string) => unknown = JSON.parse,
): ClaimInput {
  return {
    partnerId: row.partner_id,
    customer: {
      tenantId: row.tenant_id,
      domain: row.customer_domain,
      name: row.customer_name,
      ...(row.subscription_id ? { subscriptionId: row.subscription_id } : {}),
    },
    activity: row.activity,
    products: parse(row.products) as string[],
    customerContact: parse(row.customer_contact) as ClaimInput["customerContact"],
    partnerContact: parse(row.partner_contact) as ClaimInput["partnerContact"],
  };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isObject = (v: unknown): v is Record<string, Json> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** RFC 7396: objects merge, arrays and scalars replace, null removes. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
