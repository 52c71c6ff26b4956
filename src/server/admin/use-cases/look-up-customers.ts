// Look a customer up in the registry by tenant ID or domain, for filing a claim. Two queries
// whatever the number of matches.
import { mayLookUpCustomers } from "../../../domain/policies/admin.ts";
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
  return { items: await readCustomers(ctx.db.kysely, filter, MAX_MATCHES) };
}
