// Registry customers with their subscriptions, read in two queries whatever their number.

import { rowLimit } from "../db/row-limit.ts";
import type { Executor } from "../db/transact.ts";
import type { SubscriptionStatus } from "./directory.ts";

export interface CustomerView {
  tenantId: string;
  domain: string;
  name: string;
  locale: string | null;
  subscriptions: { id: string; product: string; status: SubscriptionStatus }[];
}

const STATUSES: readonly string[] = ["active", "suspended", "cancelled"] satisfies SubscriptionStatus[];
const isStatus = (s: string): s is SubscriptionStatus => STATUSES.includes(s);

export async function readCustomers(
  db: Executor,
  filter: { tenantId?: string; domain?: string; tenantIds?: string[] },
  limit: number,
): Promise<CustomerView[]> {
  let q = db.selectFrom("customers").selectAll().orderBy("tenant_id").limit(rowLimit(limit));
  if (filter.tenantId) q = q.where("tenant_id", "=", filter.tenantId);
  if (filter.domain) q = q.where("domain", "=", filter.domain);
  if (filter.tenantIds) {
    if (filter.tenantIds.length === 0) return [];
    q = q.where("tenant_id", "in", filter.tenantIds);
  }
  const customers = await q.execute();
  if (customers.length === 0) return [];
  const subs = await db
    .selectFrom("subscriptions")
    .selectAll()
    .where(
      "tenant_id",
      "in",
      customers.map((c) => c.tenant_id),
    )
    .orderBy("id")
    .execute();
  return customers.map((c) => ({
    tenantId: c.tenant_id,
    domain: c.domain,
    name: c.name,
    locale: c.locale,
    subscriptions: subs
      .filter((s) => s.tenant_id === c.tenant_id)
      .map((s) => ({ id: s.id, product: s.product, status: isStatus(s.status) ? s.status : "cancelled" })),
  }));
}
