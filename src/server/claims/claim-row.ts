// Building a new claim row: numbering, fields and the genesis of its history chain.

import { type Kysely, sql } from "kysely";
import { initialState } from "../../domain/claim-state.ts";
import type { ClaimsTable, DB } from "../db/schema.ts";
import { newId } from "../ids.ts";
import { writeDomainKeys } from "../similarity/domain-keys.ts";
import type { AssociationKey, ClaimInput } from "./claim-input.ts";
import { derivedColumns } from "./derived-columns.ts";
import { GENESIS_HASH } from "./history-chain.ts";

/** `CA-2026-000123`: a per-year counter, incremented atomically in the same transaction. */
export async function nextClaimNumber(db: Kysely<DB>, now: number): Promise<string> {
  const year = new Date(now).getUTCFullYear();
  const row = await db
    .insertInto("counters")
    .values({ name: `claim:${year}`, value: 1 })
    .onConflict((oc) => oc.column("name").doUpdateSet({ value: sql<number>`counters.value + 1` }))
    .returning("value")
    .executeTakeFirstOrThrow();
  return `CA-${year}-${String(row.value).padStart(6, "0")}`;
}

export function inputColumns(input: ClaimInput) {
  return {
    partner_id: input.partnerId,
    tenant_id: input.customer.tenantId,
    subscription_id: input.customer.subscriptionId ?? null,
    customer_domain: input.customer.domain,
    customer_name: input.customer.name,
    activity: input.activity,
    products: JSON.stringify(input.products),
    customer_contact: JSON.stringify(input.customerContact),
    partner_contact: JSON.stringify(input.partnerContact),
  };
}

export function newClaimRow(args: {
  number: string;
  organizationId: string;
  input: ClaimInput;
  createdBy: string;
  copiedFrom: string | null;
  now: number;
}): ClaimsTable {
  return {
    id: newId(),
    number: args.number,
    organization_id: args.organizationId,
    ...inputColumns(args.input),
    ...derivedColumns(initialState()),
    version: 1,
    revision: 1,
    copied_from: args.copiedFrom,
    history_seq: 0,
    history_hash: GENESIS_HASH,
    created_by: args.createdBy,
    created_at: args.now,
    updated_at: args.now,
  };
}

export async function writeKeys(db: Kysely<DB>, claimId: string, keys: AssociationKey[]): Promise<void> {
  await db.deleteFrom("claim_products").where("claim_id", "=", claimId).execute();
  if (keys.length) {
    await db
      .insertInto("claim_products")
      .values(keys.map((k) => ({ claim_id: claimId, product: k.product, association_key: k.key })))
      .execute();
  }
  await writeDomainKeys(db, claimId);
}
