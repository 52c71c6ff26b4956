// Reuse and look-alike detection (issue 14), each an index lookup rather than a scan:
//   documents_sha256     the same file attached to other claims
//   document_fingerprints + document_bands
//                        MinHash signature of a document's normalised text, and its LSH band keys
//                        (src/domain/similarity/minhash.ts): near-identical text
//   claim_domain_keys    a claim's customer-domain keys (registrable label, folded): look-alike domains
// Existing claims get their domain keys here; documents get a fingerprint when their preflight
// completes.
import type { Kysely } from "kysely";
import { domainKeys } from "../../../domain/similarity/domain-variants.ts";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema.createIndex("documents_sha256").on("documents").column("sha256").execute();
  await db.schema
    .createTable("document_fingerprints")
    .addColumn("document_id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text", (c) => c.notNull())
    .addColumn("signature", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("document_fingerprints_claim")
    .on("document_fingerprints")
    .column("claim_id")
    .execute();
  await db.schema
    .createTable("document_bands")
    .addColumn("band", "text", (c) => c.notNull())
    .addColumn("document_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("document_bands_pk", ["band", "document_id"])
    .execute();
  await db.schema.createIndex("document_bands_document").on("document_bands").column("document_id").execute();
  await db.schema
    .createTable("claim_domain_keys")
    .addColumn("domain_key", "text", (c) => c.notNull())
    .addColumn("claim_id", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("claim_domain_keys_pk", ["domain_key", "claim_id"])
    .execute();
  await db.schema.createIndex("claim_domain_keys_claim").on("claim_domain_keys").column("claim_id").execute();
  const claims = await db
    .selectFrom("claims")
    .leftJoin("customers", "customers.tenant_id", "claims.tenant_id")
    .select(["claims.id", "claims.customer_domain", "customers.domain"])
    .execute();
  const rows = claims.flatMap((c: { id: string; customer_domain: string; domain: string | null }) =>
    domainKeys([c.customer_domain, c.domain]).map((k) => ({ domain_key: k, claim_id: c.id })),
  );
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto("claim_domain_keys")
      .values(rows.slice(i, i + 500))
      .execute();
}
