// The core tables of the claim lifecycle (foundation issue).
import { type Kysely, sql } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, engine: Engine): Promise<void> {
  const blob = engine === "postgres" ? "bytea" : "blob";
  // SQLite: tables keyed by their natural key store rows in that key's B-tree, one tree fewer to write.
  const clustered = engine === "sqlite" ? sql`without rowid` : sql``;
  await db.schema
    .createTable("calendars")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("weekend", "text", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("calendar_id", "text", (c) => c.references("calendars.id"))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("partner_ids")
    .addColumn("partner_id", "text", (c) => c.primaryKey())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .execute();
  await db.schema.createIndex("partner_ids_org").on("partner_ids").column("organization_id").execute();
  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("disabled_at", "bigint")
    .execute();
  await db.schema.createIndex("users_org").on("users").columns(["organization_id", "role"]).execute();
  await db.schema
    .createTable("products")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("solution_area", "text", (c) => c.notNull())
    .addColumn("basis", "text", (c) => c.notNull())
    .addColumn("active", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("activities")
    .addColumn("code", "text", (c) => c.primaryKey())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("incentivised", "integer", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("customers")
    .addColumn("tenant_id", "text", (c) => c.primaryKey())
    .addColumn("domain", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("locale", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("customers_domain").on("customers").column("domain").execute();
  await db.schema
    .createTable("subscriptions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("tenant_id", "text", (c) => c.notNull().references("customers.tenant_id"))
    .addColumn("product", "text", (c) => c.notNull().references("products.code"))
    .addColumn("status", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("subscriptions_tenant").on("subscriptions").column("tenant_id").execute();
  await db.schema
    .createTable("claims")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("number", "text", (c) => c.notNull().unique())
    .addColumn("organization_id", "text", (c) => c.notNull().references("organizations.id"))
    .addColumn("partner_id", "text", (c) => c.notNull())
    .addColumn("tenant_id", "text", (c) => c.notNull())
    .addColumn("subscription_id", "text")
    .addColumn("customer_domain", "text", (c) => c.notNull())
    .addColumn("customer_name", "text", (c) => c.notNull())
    .addColumn("activity", "text", (c) => c.notNull())
    .addColumn("products", "text", (c) => c.notNull())
    .addColumn("customer_contact", "text", (c) => c.notNull())
    .addColumn("partner_contact", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("state", "text", (c) => c.notNull())
    // Derived from the state on every write, so that lists can filter and sort by them.
    .addColumn("partner_action", "integer", (c) => c.notNull())
    .addColumn("operator_action", "integer", (c) => c.notNull())
    .addColumn("sla_due_at", "bigint")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("copied_from", "text")
    .addColumn("history_seq", "integer", (c) => c.notNull())
    .addColumn("history_hash", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("claims_org_status")
    .on("claims")
    .columns(["organization_id", "status", "updated_at"])
    .execute();
  await db.schema.createIndex("claims_status").on("claims").columns(["status", "updated_at"]).execute();
  await db.schema
    .createIndex("claims_org_created")
    .on("claims")
    .columns(["organization_id", "created_at", "id"])
    .execute();
  await db.schema.createIndex("claims_tenant").on("claims").column("tenant_id").execute();
  await db.schema
    .createIndex("claims_queue")
    .on("claims")
    .columns(["operator_action", "sla_due_at"])
    .execute();
  await db.schema
    .createTable("claim_products")
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("product", "text", (c) => c.notNull())
    .addColumn("association_key", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("claim_products_pk", ["claim_id", "product"])
    .execute();
  await db.schema.createIndex("claim_products_key").on("claim_products").column("association_key").execute();
  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("size", "bigint", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("storage_key", "text", (c) => c.notNull())
    .addColumn("flags", "text", (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("documents_claim").on("documents").column("claim_id").execute();
  await db.schema
    .createTable("blobs")
    .addColumn("sha256", "text", (c) => c.primaryKey())
    .addColumn("content", blob, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("author_id", "text", (c) => c.notNull())
    .addColumn("author_name", "text", (c) => c.notNull())
    .addColumn("side", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("comments_claim").on("comments").columns(["claim_id", "created_at"]).execute();
  await db.schema
    .createTable("history")
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("seq", "integer", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("actor_kind", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("actor_name", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("data", "text", (c) => c.notNull())
    .addColumn("prev_hash", "text", (c) => c.notNull())
    .addColumn("hash", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("history_pk", ["claim_id", "seq"])
    .modifyEnd(clustered)
    .execute();
  await db.schema
    .createTable("outbox")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text")
    .addColumn("topic", "text", (c) => c.notNull())
    .addColumn("payload", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("available_at", "bigint", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("sent_at", "bigint")
    .addColumn("last_error", "text")
    .execute();
  await db.schema.createIndex("outbox_pending").on("outbox").columns(["sent_at", "available_at"]).execute();
  await db.schema
    .createTable("deadlines")
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    .addColumn("timer", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("warn", "integer", (c) => c.notNull())
    .addColumn("due_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("deadlines_pk", ["claim_id", "timer"])
    .modifyEnd(clustered)
    .execute();
  await db.schema.createIndex("deadlines_due").on("deadlines").column("due_at").execute();
  await db.schema
    .createTable("idempotency_keys")
    .addColumn("scope", "text", (c) => c.notNull())
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("request_hash", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("response_status", "integer")
    .addColumn("response_body", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addPrimaryKeyConstraint("idempotency_keys_pk", ["scope", "key"])
    .execute();
  await db.schema
    .createTable("counters")
    .addColumn("name", "text", (c) => c.primaryKey())
    .addColumn("value", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("settings")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
}
