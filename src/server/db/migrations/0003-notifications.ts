// Messages leave through the outbox (written with the change, 0001): this adds what the outbox is
// turned into — mail per recipient, in-app notifications, webhook deliveries and their attempts —
// and the customer consent requests whose links those mails carry.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  // Dates in mail are shown in the recipient's zone; null means the organisation calendar's zone.
  await db.schema.alterTable("users").addColumn("time_zone", "text").execute();
  await db.schema.createIndex("outbox_undispatched").on("outbox").columns(["sent_at", "id"]).execute();

  await db.schema
    .createTable("mail_messages")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("outbox_id", "text", (c) => c.notNull())
    .addColumn("claim_id", "text")
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("recipient_email", "text", (c) => c.notNull())
    .addColumn("recipient_name", "text", (c) => c.notNull())
    .addColumn("locale", "text", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("available_at", "bigint", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("sent_at", "bigint")
    .addColumn("last_error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("mail_messages_once", ["outbox_id", "recipient_email", "template"])
    .execute();
  await db.schema
    .createIndex("mail_messages_due")
    .on("mail_messages")
    .columns(["status", "available_at"])
    .execute();

  await db.schema
    .createTable("notifications")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addColumn("outbox_id", "text", (c) => c.notNull())
    .addColumn("claim_id", "text")
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("params", "text", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("read_at", "bigint")
    .addUniqueConstraint("notifications_once", ["outbox_id", "user_id", "template"])
    .execute();
  await db.schema.createIndex("notifications_user").on("notifications").columns(["user_id", "id"]).execute();

  await db.schema
    .createTable("consent_requests")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("claim_id", "text", (c) => c.notNull().references("claims.id"))
    // sha256 of the link's token; set when the mail carrying it is prepared.
    .addColumn("token_hash", "text", (c) => c.unique())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("ends_at", "bigint", (c) => c.notNull())
    .addColumn("closed_at", "bigint")
    .addColumn("closed_reason", "text")
    .addColumn("decision", "text")
    .addColumn("decided_at", "bigint")
    .addColumn("comment", "text")
    .execute();
  await db.schema.createIndex("consent_requests_claim").on("consent_requests").column("claim_id").execute();

  await db.schema
    .createTable("webhooks")
    .addColumn("id", "text", (c) => c.primaryKey())
    // null: the operator's endpoint, which hears every organisation's claims.
    .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull())
    .addColumn("events", "text")
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("disabled_at", "bigint")
    .execute();
  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("webhook_id", "text", (c) => c.notNull().references("webhooks.id"))
    .addColumn("outbox_id", "text", (c) => c.notNull())
    .addColumn("event", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull())
    .addColumn("available_at", "bigint", (c) => c.notNull())
    .addColumn("lease_until", "bigint")
    .addColumn("delivered_at", "bigint")
    .addColumn("last_error", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addUniqueConstraint("webhook_deliveries_once", ["webhook_id", "outbox_id"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_due")
    .on("webhook_deliveries")
    .columns(["status", "available_at"])
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_hook")
    .on("webhook_deliveries")
    .columns(["webhook_id", "id"])
    .execute();
  await db.schema
    .createTable("webhook_attempts")
    .addColumn("delivery_id", "text", (c) => c.notNull().references("webhook_deliveries.id"))
    .addColumn("attempt", "integer", (c) => c.notNull())
    .addColumn("at", "bigint", (c) => c.notNull())
    .addColumn("status_code", "integer")
    .addColumn("error", "text")
    .addColumn("duration_ms", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("webhook_attempts_pk", ["delivery_id", "attempt"])
    .execute();
}
