// Incentives (RULES.md §12): programmes and enrolments, the eligibility assessed per claim
// and programme, imported revenue, and payout statements with their lines.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .createTable("programs")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("activities", "text", (c) => c.notNull())
    .addColumn("starts_on", "text", (c) => c.notNull())
    .addColumn("ends_on", "text")
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("program_products")
    .addColumn("program_code", "text", (c) => c.notNull().references("programs.code"))
    .addColumn("product_code", "text", (c) => c.notNull().references("products.code"))
    // One of the two: basis points of revenue, or a flat amount per active subscription and month.
    .addColumn("rate_bps", "integer")
    .addColumn("flat_minor", "bigint")
    .addColumn("flat_currency", "text")
    .addPrimaryKeyConstraint("program_products_pk", ["program_code", "product_code"])
    .execute();
  await db.schema
    .createTable("enrollments")
    .addColumn("program_code", "text", (c) => c.notNull().references("programs.code"))
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("enrolled_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("enrollments_pk", ["program_code", "organization_id"])
    .execute();

  await db.schema
    .createTable("eligibility")
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("program_code", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("reasons", "text", (c) => c.notNull())
    .addColumn("products", "text", (c) => c.notNull())
    .addColumn("assessed_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("eligibility_pk", ["claim_id", "program_code"])
    .execute();
  // What earns: one row per eligible (claim, programme, product), shaped for the join with revenue.
  await db.schema
    .createTable("earning_keys")
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("program_code", "text", (c) => c.notNull())
    .addColumn("product", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    // Null for a per-workload product: every subscription of the tenant counts.
    .addColumn("subscription_id", "text")
    .addColumn("from_month", "text", (c) => c.notNull())
    .addColumn("until_month", "text")
    .addPrimaryKeyConstraint("earning_keys_pk", ["claim_id", "program_code", "product"])
    .execute();
  await db.schema
    .createIndex("earning_keys_tenant")
    .on("earning_keys")
    .columns(["tenant_id", "product"])
    .execute();

  await db.schema
    .createTable("revenue")
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("subscription_id", "text", (c) => c.notNull())
    .addColumn("product", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount_minor", "bigint", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .execute();
  // Earnings join revenue on (month, tenant, product).
  await db.schema
    .createIndex("revenue_month")
    .on("revenue")
    .columns(["month", "tenant_id", "product"])
    .execute();
  // Where an import's rows wait while the file is read and checked: no index, so that a million
  // appends stay cheap; the good ones move to `revenue` in one statement at the end.
  await db.schema
    .createTable("revenue_staging")
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("subscription_id", "text", (c) => c.notNull())
    .addColumn("product", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("amount_minor", "bigint", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.notNull())
    .addColumn("line", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("revenue_imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("rows", "integer", (c) => c.notNull())
    .addColumn("months", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("payout_statements")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("month", "text", (c) => c.notNull())
    .addColumn("currency", "text", (c) => c.notNull())
    .addColumn("total_minor", "bigint", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("calculated_at", "bigint", (c) => c.notNull())
    .addColumn("approved_at", "bigint")
    .addColumn("paid_at", "bigint")
    .addUniqueConstraint("payout_statements_once", ["organization_id", "month", "currency"])
    .execute();
  await db.schema
    .createTable("payout_lines")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("statement_id", "text", (c) => c.notNull().references("payout_statements.id"))
    .addColumn("claim_id", "text", (c) => c.notNull())
    .addColumn("claim_number", "text", (c) => c.notNull())
    .addColumn("program_code", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("subscription_id", "text", (c) => c.notNull())
    .addColumn("product", "text", (c) => c.notNull())
    .addColumn("revenue_minor", "bigint", (c) => c.notNull())
    .addColumn("rate_bps", "integer")
    .addColumn("flat_minor", "bigint")
    .addColumn("earnings_minor", "bigint", (c) => c.notNull())
    .addColumn("disputed_at", "bigint")
    .addColumn("dispute_comment", "text")
    .addColumn("disputed_by", "text")
    .execute();
  await db.schema.createIndex("payout_lines_statement").on("payout_lines").column("statement_id").execute();
}
