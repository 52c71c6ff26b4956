// The fields a partner fills in, and their checks against the catalog and the customer registry.
import type { Kysely } from "kysely";
import type { FieldError } from "../../domain/refusal.ts";
import type { DB } from "../db/schema.ts";

export interface CustomerRef {
  tenantId: string;
  domain: string;
  name: string;
  subscriptionId?: string | null;
}

export interface ClaimInput {
  partnerId: string;
  customer: CustomerRef;
  activity: string;
  products: string[];
  customerContact: {
    name: string;
    title?: string | null;
    email: string;
    phone?: string | null;
    locale?: string | null;
  };
  partnerContact: { name: string; email: string; phone?: string | null };
}

export interface AssociationKey {
  product: string;
  key: string;
}

export interface CheckedInput {
  errors: FieldError[];
  keys: AssociationKey[];
}

/** Registry and catalog checks of RULES.md §2, §3 and §11. */
export async function checkClaimInput(
  db: Kysely<DB>,
  organizationId: string,
  input: ClaimInput,
): Promise<CheckedInput> {
  const errors: FieldError[] = [];
  const err = (field: string, message: string) => errors.push({ field, message });

  const pid = await db
    .selectFrom("partner_ids")
    .select("organization_id")
    .where("partner_id", "=", input.partnerId)
    .executeTakeFirst();
  if (!pid || pid.organization_id !== organizationId)
    err("partnerId", "is not a partner ID of your organisation");

  const activity = await db
    .selectFrom("activities")
    .select("code")
    .where("code", "=", input.activity)
    .executeTakeFirst();
  if (!activity) err("activity", `unknown activity ${input.activity}`);

  const { tenantId, subscriptionId } = input.customer;
  const customer = await db
    .selectFrom("customers")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .executeTakeFirst();
  if (!customer) err("customer.tenantId", "is not in the customer registry");
  else if (customer.domain.toLowerCase() !== input.customer.domain.toLowerCase()) {
    err("customer.domain", `does not match the registry's domain for this tenant (${customer.domain})`);
  }

  if (input.products.length === 0) err("products", "needs at least one product");
  if (new Set(input.products).size !== input.products.length) err("products", "lists a product twice");
  const products = input.products.length
    ? await db.selectFrom("products").selectAll().where("code", "in", input.products).execute()
    : [];
  for (const code of input.products) {
    const p = products.find((x) => x.code === code);
    if (!p) err("products", `unknown product ${code}`);
    else if (!p.active) err("products", `product ${code} is not offered any more`);
  }
  const perSubscription = products.filter((p) => p.basis === "subscription");
  const keys: AssociationKey[] = [];
  if (perSubscription.length > 0) {
    if (!subscriptionId) {
      err("customer.subscriptionId", "is required for subscription-based products");
    } else {
      const sub = await db
        .selectFrom("subscriptions")
        .selectAll()
        .where("id", "=", subscriptionId)
        .executeTakeFirst();
      if (!sub || sub.tenant_id !== tenantId)
        err("customer.subscriptionId", "does not belong to this tenant");
      else if (sub.status !== "active")
        err("customer.subscriptionId", `subscription is ${sub.status}, not active`);
      else if (input.products.length !== 1 || input.products[0] !== sub.product) {
        err(
          "products",
          `a subscription-based claim carries exactly its subscription's product (${sub.product})`,
        );
      } else keys.push({ product: sub.product, key: `s:${sub.id}` });
    }
  } else {
    if (subscriptionId)
      err("customer.subscriptionId", "only subscription-based products take a subscription");
    for (const p of products) keys.push({ product: p.code, key: `w:${tenantId}:${p.code}` });
  }
  return { errors, keys };
}

export interface KeyHolder {
  claimId: string;
  organizationId: string;
  status: string;
  key: string;
}

export async function keyHolders(db: Kysely<DB>, keys: string[], exceptClaim?: string): Promise<KeyHolder[]> {
  if (keys.length === 0) return [];
  let q = db
    .selectFrom("claim_products")
    .innerJoin("claims", "claims.id", "claim_products.claim_id")
    .select([
      "claims.id as claimId",
      "claims.organization_id as organizationId",
      "claims.status as status",
      "claim_products.association_key as key",
    ])
    .where("claim_products.association_key", "in", keys);
  if (exceptClaim) q = q.where("claims.id", "!=", exceptClaim);
  return q.execute();
}

/** Same organisation, same key, still alive (any status but rejected): refused (RULES.md §11). */
export function ownDuplicates(holders: KeyHolder[], organizationId: string): KeyHolder[] {
  return holders.filter((h) => h.organizationId === organizationId && h.status !== "rejected");
}
