// The fields a partner fills in, and their checks against the catalog and the customer registry.
import type { Kysely, Selectable } from "kysely";
import { type FieldError, RefusalError } from "../../domain/refusal.ts";
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

/** Why a field is refused, as a code (bulk filing reports it per row and column; RULES.md §2). */
export type InputReason =
  | "unknown_partner_id"
  | "unknown_activity"
  | "not_in_registry"
  | "domain_mismatch"
  | "no_products"
  | "product_twice"
  | "unknown_product"
  | "inactive_product"
  | "subscription_required"
  | "subscription_not_of_tenant"
  | "subscription_inactive"
  | "subscription_product_mismatch"
  | "subscription_not_allowed";

export interface InputError extends FieldError {
  reason: InputReason;
}

/**
 * A claim's input refused (validation_failed) with each field's reason code kept: the HTTP answer
 * shows the fields and messages as any refusal's; bulk filing records the first reason, so a
 * failed import can say it in the reader's language.
 */
export class InputRefusal extends RefusalError {
  constructor(readonly reasons: InputError[]) {
    super({
      code: "validation_failed",
      detail: reasons.map((e) => `${e.field} ${e.message}`).join("; "),
      errors: reasons.map(({ field, message }) => ({ field, message })),
    });
  }
}

export interface CheckedInput {
  errors: InputError[];
  keys: AssociationKey[];
}

type Row<T extends keyof DB> = Selectable<DB[T]>;

/**
 * What the checks read from the registry and the catalog. One claim asks the database each time;
 * a bulk file asks through a memo (`memoLookup`), so 10,000 rows read the catalog once. Either way
 * the rules below are the same.
 */
export interface RegistryLookup {
  partnerOrganization(partnerId: string): Promise<string | null>;
  activity(code: string): Promise<boolean>;
  customer(tenantId: string): Promise<Row<"customers"> | null>;
  products(codes: string[]): Promise<Row<"products">[]>;
  subscription(id: string): Promise<Row<"subscriptions"> | null>;
}

export function dbLookup(db: Kysely<DB>): RegistryLookup {
  return {
    partnerOrganization: async (partnerId) =>
      (
        await db
          .selectFrom("partner_ids")
          .select("organization_id")
          .where("partner_id", "=", partnerId)
          .executeTakeFirst()
      )?.organization_id ?? null,
    activity: async (code) =>
      !!(await db.selectFrom("activities").select("code").where("code", "=", code).executeTakeFirst()),
    customer: async (tenantId) =>
      (await db.selectFrom("customers").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst()) ??
      null,
    products: (codes) => db.selectFrom("products").selectAll().where("code", "in", codes).execute(),
    subscription: async (id) =>
      (await db.selectFrom("subscriptions").selectAll().where("id", "=", id).executeTakeFirst()) ?? null,
  };
}

/** The catalog read once (it is small); customers and subscriptions per row, remembered. */
export function memoLookup(db: Kysely<DB>): RegistryLookup {
  const inner = dbLookup(db);
  const memo = <K, V>(load: (k: K) => Promise<V>) => {
    const seen = new Map<K, Promise<V>>();
    return (k: K) => {
      let v = seen.get(k);
      if (!v) {
        v = load(k);
        seen.set(k, v);
      }
      return v;
    };
  };
  let catalog: Promise<Row<"products">[]> | null = null;
  const allProducts = () => {
    catalog ??= db.selectFrom("products").selectAll().execute();
    return catalog;
  };
  return {
    partnerOrganization: memo(inner.partnerOrganization),
    activity: memo(inner.activity),
    customer: memo(inner.customer),
    products: async (codes) => (await allProducts()).filter((p) => codes.includes(p.code)),
    subscription: memo(inner.subscription),
  };
}

/** Registry and catalog checks of RULES.md §2, §3 and §11. */
export async function checkClaimInput(
  db: Kysely<DB>,
  organizationId: string,
  input: ClaimInput,
  lookup: RegistryLookup = dbLookup(db),
): Promise<CheckedInput> {
  const errors: InputError[] = [];
  const err = (field: string, message: string, reason: InputReason) =>
    errors.push({ field, message, reason });

  if ((await lookup.partnerOrganization(input.partnerId)) !== organizationId)
    err("partnerId", "is not a partner ID of your organisation", "unknown_partner_id");

  if (!(await lookup.activity(input.activity)))
    err("activity", `unknown activity ${input.activity}`, "unknown_activity");

  const { tenantId, subscriptionId } = input.customer;
  const customer = await lookup.customer(tenantId);
  if (!customer) err("customer.tenantId", "is not in the customer registry", "not_in_registry");
  else if (customer.domain.toLowerCase() !== input.customer.domain.toLowerCase()) {
    err(
      "customer.domain",
      `does not match the registry's domain for this tenant (${customer.domain})`,
      "domain_mismatch",
    );
  }

  if (input.products.length === 0) err("products", "needs at least one product", "no_products");
  if (new Set(input.products).size !== input.products.length)
    err("products", "lists a product twice", "product_twice");
  const products = input.products.length ? await lookup.products(input.products) : [];
  for (const code of input.products) {
    const p = products.find((x) => x.code === code);
    if (!p) err("products", `unknown product ${code}`, "unknown_product");
    else if (!p.active) err("products", `product ${code} is not offered any more`, "inactive_product");
  }
  const perSubscription = products.filter((p) => p.basis === "subscription");
  const keys: AssociationKey[] = [];
  if (perSubscription.length > 0) {
    if (!subscriptionId) {
      err("customer.subscriptionId", "is required for subscription-based products", "subscription_required");
    } else {
      const sub = await lookup.subscription(subscriptionId);
      if (!sub || sub.tenant_id !== tenantId)
        err("customer.subscriptionId", "does not belong to this tenant", "subscription_not_of_tenant");
      else if (sub.status !== "active")
        err("customer.subscriptionId", `subscription is ${sub.status}, not active`, "subscription_inactive");
      else if (input.products.length !== 1 || input.products[0] !== sub.product) {
        err(
          "products",
          `a subscription-based claim carries exactly its subscription's product (${sub.product})`,
          "subscription_product_mismatch",
        );
      } else keys.push({ product: sub.product, key: `s:${sub.id}` });
    }
  } else {
    if (subscriptionId)
      err(
        "customer.subscriptionId",
        "only subscription-based products take a subscription",
        "subscription_not_allowed",
      );
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
