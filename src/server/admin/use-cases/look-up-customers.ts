// Look a customer up in the registry by tenant ID or domain, for filing a claim. Two queries
// whatever the number of matches. Exact matches only, and a partner gets what filing needs (name,
// domain, tenant, subscriptions) without the registry's other details (the contact language);
// the look-up is rate limited per user and organisation (src/server/http/rate-limits.ts), so the
// registry cannot be walked. docs/SECURITY.md "Customer registry".
import { mayLookUpCustomers, maySeeCustomerDetails } from "../../../domain/policies/admin.ts";
import { forbidden, invalidField } from "../../../domain/refusal.ts";
import type { AppContext } from "../../context.ts";
import type { Principal } from "../../principal.ts";
import { type CustomerView, readCustomers } from "../customer-view.ts";

const MAX_MATCHES = 20;

export async function lookUpCustomers(
  ctx: AppContext,
  principal: Principal,
  input: { tenantId?: string; domain?: string },
): Promise<{ items: CustomerView[] }> {
  if (!mayLookUpCustomers(principal)) throw forbidden("sign in to look customers up");
  const { tenantId, domain } = input;
  if (!tenantId && !domain) throw invalidField("tenantId", "or domain is required");
  const filter = { ...(tenantId ? { tenantId } : {}), ...(domain ? { domain: domain.toLowerCase() } : {}) };
  const found = await readCustomers(ctx.db.kysely, filter, MAX_MATCHES);
  if (maySeeCustomerDetails(principal)) return { items: found };
  return { items: found.map((c) => ({ ...c, locale: null })) };
}
