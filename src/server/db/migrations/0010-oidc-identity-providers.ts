// Sign-in through an organisation's own OpenID provider (issue 15): the providers, the sign-ins
// under way (state, nonce, PKCE verifier: one use each), which Claimdesk user an IdP subject is,
// which sessions an IdP opened (for back-channel and RP-initiated logout), and read-only tokens.
import type { Kysely } from "kysely";
import type { Engine } from "../engine.ts";

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving row types.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, _engine: Engine): Promise<void> {
  await db.schema
    .createTable("identity_providers")
    .addColumn("id", "text", (c) => c.primaryKey())
    // null: the programme operator's own provider.
    .addColumn("organization_id", "text", (c) => c.references("organizations.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("client_id", "text", (c) => c.notNull())
    // AES-256-GCM under a key derived from the server secret; null for a public client.
    .addColumn("client_secret_enc", "text")
    .addColumn("allowed_domains", "text", (c) => c.notNull()) // JSON array of lower-case domains
    .addColumn("role_mapping", "text", (c) => c.notNull()) // JSON {claim, values, default?}
    .addColumn("passwords_allowed", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .addColumn("updated_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("identity_providers_org")
    .on("identity_providers")
    .column("organization_id")
    .execute();
  await db.schema
    .createTable("oidc_logins")
    .addColumn("state_hash", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("return_to", "text", (c) => c.notNull())
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("user_identities")
    .addColumn("provider_id", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("user_identities_pk", ["provider_id", "subject"])
    .execute();
  await db.schema
    .createTable("oidc_sessions")
    .addColumn("session_hash", "text", (c) => c.primaryKey())
    .addColumn("provider_id", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("sid", "text")
    .addColumn("logout_url", "text")
    .addColumn("created_at", "bigint", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("oidc_sessions_subject")
    .on("oidc_sessions")
    .columns(["provider_id", "subject"])
    .execute();
  await db.schema
    .alterTable("access_tokens")
    .addColumn("scope", "text", (c) => c.notNull().defaultTo("write"))
    .execute();
}
