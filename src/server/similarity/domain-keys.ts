// A claim's customer-domain keys, rewritten with its association keys (create and edit), from its
// own domain and the registry's domain for its tenant (the registry entry's known alias).
import type { Kysely, Transaction } from "kysely";
import { domainKeys } from "../../domain/similarity/domain-variants.ts";
import type { DB } from "../db/schema.ts";

type Executor = Kysely<DB> | Transaction<DB>;

export async function writeDomainKeys(db: Executor, claimId: string): Promise<void> {
  const row = await db
    .selectFrom("claims")
    .leftJoin("customers", "customers.tenant_id", "claims.tenant_id")
    .select(["claims.customer_domain", "customers.domain"])
    .where("claims.id", "=", claimId)
    .executeTakeFirst();
  await db.deleteFrom("claim_domain_keys").where("claim_id", "=", claimId).execute();
  const keys = row ? domainKeys([row.customer_domain, row.domain]) : [];
  if (keys.length)
    await db
      .insertInto("claim_domain_keys")
      .values(keys.map((k) => ({ domain_key: k, claim_id: claimId })))
      .execute();
}
